import { Controller, Get, Logger, Param, Query, Res } from '@nestjs/common';
import { ApiBearerAuth, ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Roles, UuidParam } from '@frontoffice/platform';
import type { Response } from 'express';
import { PeriodQuery } from '../journal/period.dto';
import { ExportSink, ExportsService } from './exports.service';

/** Writes to the HTTP response, waiting for the socket to drain so a slow client never fills memory. */
function responseSink(response: Response): ExportSink {
  let closed = false;
  response.once('close', () => (closed = true));
  return {
    aborted: () => closed,
    write(chunk: string): Promise<void> {
      if (closed || response.write(chunk)) return Promise.resolve();
      return new Promise((resolve) => {
        const resume = () => {
          response.off('drain', resume);
          response.off('close', resume);
          resolve();
        };
        response.on('drain', resume);
        response.on('close', resume);
      });
    },
  };
}

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
    await this.stream(response, (sink) => this.exports.streamFec(propertyId, query.from, query.to, sink));
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
    await this.stream(response, (sink) => this.exports.streamCsv(propertyId, query.from, query.to, sink));
  }

  /** Once bytes are sent an error cannot become a problem+json: the response is cut short instead, and logged. */
  private async stream(response: Response, run: (sink: ExportSink) => Promise<number>): Promise<void> {
    try {
      await run(responseSink(response));
      response.end();
    } catch (error) {
      this.logger.error({ err: error }, 'Export failed while streaming');
      response.destroy(error as Error);
    }
  }
}
