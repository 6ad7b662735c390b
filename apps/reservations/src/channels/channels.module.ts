import { Module } from '@nestjs/common';
import { PropertiesModule } from '../properties/properties.module';
import { ReservationsModule } from '../reservations/reservations.module';
import { ChannelsController, PropertyChannelsController } from './channels.controller';
import { ChannelsRepository } from './channels.repository';
import { ChannelsService } from './channels.service';
import { OtaController } from './ota.controller';
import { OtaReservationsService } from './ota-reservations.service';

/** Channel managers: credentials, per-property code mappings, and bookings in OpenTravel messages. */
@Module({
  imports: [PropertiesModule, ReservationsModule],
  controllers: [ChannelsController, PropertyChannelsController, OtaController],
  providers: [ChannelsRepository, ChannelsService, OtaReservationsService],
})
export class ChannelsModule {}
