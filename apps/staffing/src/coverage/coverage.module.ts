import { Module } from '@nestjs/common';
import { DemandModule } from '../demand/demand.module';
import { CoverageGapsService } from './coverage-gaps.service';
import { ReservationEventsHandler } from './reservation-events.handler';

@Module({ imports: [DemandModule], controllers: [ReservationEventsHandler], providers: [CoverageGapsService] })
export class CoverageModule {}
