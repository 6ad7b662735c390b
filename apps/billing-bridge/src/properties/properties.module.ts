import { Module } from '@nestjs/common';
import { CashierModule } from '../cashier/cashier.module';
import { JournalModule } from '../journal/journal.module';
import { PropertiesController } from './properties.controller';
import { PropertiesService } from './properties.service';
import { PropertyEventsHandler } from './property-events.handler';

@Module({
  imports: [CashierModule, JournalModule],
  controllers: [PropertiesController, PropertyEventsHandler],
  providers: [PropertiesService],
  exports: [PropertiesService],
})
export class PropertiesModule {}
