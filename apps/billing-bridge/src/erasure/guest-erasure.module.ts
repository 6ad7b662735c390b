import { Module } from '@nestjs/common';
import { ReservationPositionsModule } from '../reservations/reservation-positions.module';
import { GuestErasureHandler } from './guest-erasure.handler';
import { GuestErasureService } from './guest-erasure.service';

@Module({
  imports: [ReservationPositionsModule],
  controllers: [GuestErasureHandler],
  providers: [GuestErasureService],
})
export class GuestErasureModule {}
