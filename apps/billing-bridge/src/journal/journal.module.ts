import { Module } from '@nestjs/common';
import { JournalSettingsRepository } from './journal-settings.repository';
import { JournalService } from './journal.service';

/**
 * The general-ledger journal. Import it and call JournalService.record(manager, fact) in the transaction of every
 * money movement, and closeBusinessDate(manager, propertyId, businessDate, figures) in the night audit's.
 */
@Module({ providers: [JournalService, JournalSettingsRepository], exports: [JournalService] })
export class JournalModule {}
