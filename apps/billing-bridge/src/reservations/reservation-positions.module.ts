import { Module } from '@nestjs/common';
import { ReservationPositionsRepository } from './reservation-positions.repository';
import { StaleEvents } from './stale-events';

@Module({
  providers: [ReservationPositionsRepository, StaleEvents],
  exports: [ReservationPositionsRepository, StaleEvents],
})
export class ReservationPositionsModule {}
