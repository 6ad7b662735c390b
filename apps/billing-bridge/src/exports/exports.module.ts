import { Module } from '@nestjs/common';
import { JournalModule } from '../journal/journal.module';
import { ExportsController } from './exports.controller';
import { ExportsService } from './exports.service';

@Module({ imports: [JournalModule], controllers: [ExportsController], providers: [ExportsService] })
export class ExportsModule {}
