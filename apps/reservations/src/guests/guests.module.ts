import { Module } from '@nestjs/common';
import { GuestsController } from './guests.controller';
import { GuestsService } from './guests.service';

/** Guest profiles. `GuestsService.resolveForBooking` is what bookings use to attach a profile. */
@Module({ controllers: [GuestsController], providers: [GuestsService], exports: [GuestsService] })
export class GuestsModule {}
