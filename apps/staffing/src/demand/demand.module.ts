import { Module } from '@nestjs/common';
import { DemandController } from './demand.controller';
import { DemandService } from './demand.service';
import { ForecastReservationsRepository } from './forecast-reservations.repository';

@Module({
  controllers: [DemandController],
  providers: [DemandService, ForecastReservationsRepository],
  exports: [DemandService, ForecastReservationsRepository],
})
export class DemandModule {}
