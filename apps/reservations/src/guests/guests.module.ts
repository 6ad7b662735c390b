import { Module } from '@nestjs/common';
import { GuestsService } from './guests.service';

/** Guest profiles. `GuestsService.resolveForBooking` is what bookings use to attach a profile. */
@Module({ providers: [GuestsService], exports: [GuestsService] })
export class GuestsModule {}
