import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { PropertiesModule } from '../properties/properties.module';
import { GroupBlocksController } from './group-blocks.controller';
import { GroupBlocksService } from './group-blocks.service';

@Module({
  imports: [PropertiesModule, InventoryModule],
  controllers: [GroupBlocksController],
  providers: [GroupBlocksService],
  exports: [GroupBlocksService],
})
export class GroupBlocksModule {}
