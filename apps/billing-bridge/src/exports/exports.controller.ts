import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import type { Response } from 'express';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { PeriodQuery } from '../journal/period.dto';
import { ExportsService } from './exports.service';

@ApiTags('exports')
@ApiBearerAuth()
@Roles('finance')
@Controller('v1/properties/:propertyId/exports')
export class ExportsController {
  private readonly logger = new Logger(ExportsController.name);

  constructor(private readonly exports: ExportsService) {}

  @Get('fec')
  @ApiOperation({
    summary: 'FEC file of the closed business dates of a period (18 columns, | separated, streamed)',
    description: 'Named SIRENFECAAAAMMJJ.txt after the SIREN of the journal settings and the end of the period.',
  })
  @ApiProduces('text/plain')
  async fec(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: PeriodQuery,
    @Res() response: Response,
  ): Promise<void> {
    const fileName = await this.exports.fecFileName(propertyId, query.to);
    response.status(200);
    response.setHeader('content-type', 'text/plain; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="${fileName}"`);
    await this.stream(response, this.exports.fecChunks(propertyId, query.from, query.to));
  }

  @Get('journal.csv')
  @ApiOperation({ summary: 'Every journal line of the business dates of a period, as CSV (streamed)' })
  @ApiProduces('text/csv')
  async csv(
    @Param('propertyId', UuidParam) propertyId: string,
    @Query() query: PeriodQuery,
    @Res() response: Response,
  ): Promise<void> {
    response.status(200);
    response.setHeader('content-type', 'text/csv; charset=utf-8');
    response.setHeader('content-disposition', `attachment; filename="journal-${query.from}-${query.to}.csv"`);
    await this.stream(response, this.exports.csvChunks(propertyId, query.from, query.to));
  }

  /**
   * Pipes the chunks to the response with back-pressure: a chunk is pulled only when the socket took the previous
   * one, and at most one waits in between, so memory stays bounded by a few 64 kB chunks whatever the period or the
   * client's speed. Once bytes are sent an error cannot become a problem+json: the response is cut short instead, and logged.
   * A client that goes away stops the export (the cursor's transaction is rolled back).
   */
  private async stream(response: Response, chunks: AsyncIterable<Buffer>): Promise<void> {
    try {
      await pipeline(Readable.from(chunks, { objectMode: true, highWaterMark: 1 }), response);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_STREAM_PREMATURE_CLOSE') {
        this.logger.log('Export stopped: the client went away');
        return;
      }
      this.logger.error({ err: error }, 'Export failed while streaming');
      response.destroy(error as Error);
    }
  }
}
