import { Module } from '@nestjs/common';
import { PropertiesModule } from '../properties/properties.module';
import { AvailabilityController } from './availability.controller';
import { InventoryService } from './inventory.service';

@Module({
  imports: [PropertiesModule],
  controllers: [AvailabilityController],
  providers: [InventoryService],
  exports: [InventoryService],
})
export class InventoryModule {}
