import { Module } from '@nestjs/common';
import { GroupBlocksModule } from '../group-blocks/group-blocks.module';
import { PropertiesModule } from '../properties/properties.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { NightAuditController } from './night-audit.controller';
import { NightAuditService } from './night-audit.service';

@Module({
  imports: [PropertiesModule, ReservationsModule, GroupBlocksModule],
  controllers: [NightAuditController],
  providers: [NightAuditService],
})
export class NightAuditModule {}
