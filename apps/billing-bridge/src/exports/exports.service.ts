import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConflictError } from '@frontoffice/platform';
import { DataSource } from 'typeorm';
import { JournalSettingsRepository } from '../journal/journal-settings.repository';
import type { ExportKind } from './export-lines';
import { exportInWorker } from './export-runner';
import { fecFileName } from './fec-format';

/**
 * The back-office exports, streamed from a database cursor to the response: memory stays constant whatever the
 * period. The FEC holds the closed (validated, numbered) entries of the batches of the period; the CSV holds every
 * line of the period's business dates, closed or not.
 */
@Injectable()
export class ExportsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly settings: JournalSettingsRepository,
  ) {}

  /** The FEC file name; refuses (409) while the property has no SIREN, which the legal file name needs. */
  async fecFileName(propertyId: string, to: string): Promise<string> {
    const { siren } = await this.settings.find(this.dataSource.manager, propertyId);
    if (!siren) {
      throw new ConflictError(
        'siren-missing',
        'Set the property SIREN (PATCH /v1/properties/{propertyId}/journal/settings) before exporting a FEC',
        { propertyId },
      );
    }
    return fecFileName(siren, to);
  }

  /** The FEC as UTF-8 chunks, made in a worker thread as the reader asks for them (see export-runner.ts). */
  fecChunks(propertyId: string, from: string, to: string): AsyncGenerator<Buffer> {
    return this.run('fec', propertyId, from, to);
  }

  /** Every journal line of the period's business dates as CSV chunks, made like `fecChunks`. */
  csvChunks(propertyId: string, from: string, to: string): AsyncGenerator<Buffer> {
    return this.run('csv', propertyId, from, to);
  }

  private run(kind: ExportKind, propertyId: string, from: string, to: string): AsyncGenerator<Buffer> {
    const { url, extra } = this.dataSource.options as { url?: string; extra?: { application_name?: string } };
    if (!url) throw new Error('The exports need the database URL the service connects with');
    return exportInWorker({
      kind,
      databaseUrl: url,
      applicationName: `${extra?.application_name ?? 'billing-bridge'}-export`,
      parameters: [propertyId, from, to],
    });
  }
}
