import { Module } from '@nestjs/common';
import { JournalController } from './journal.controller';
import { JournalQueryService } from './journal-query.service';
import { JournalSettingsRepository } from './journal-settings.repository';
import { JournalSettingsService } from './journal-settings.service';
import { JournalService } from './journal.service';

/**
 * The general-ledger journal. Import it and call JournalService.record(manager, fact) in the transaction of every
 * money movement, and closeBusinessDate(manager, propertyId, businessDate, figures) in the night audit's.
 */
@Module({
  controllers: [JournalController],
  providers: [JournalService, JournalSettingsRepository, JournalSettingsService, JournalQueryService],
  exports: [JournalService, JournalSettingsRepository],
})
export class JournalModule {}
