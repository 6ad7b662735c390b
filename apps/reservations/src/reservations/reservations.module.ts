import { Module } from '@nestjs/common';
import { PropertiesModule } from '../properties/properties.module';
import { ReservationsController } from './reservations.controller';
import { ReservationsService } from './reservations.service';

@Module({ imports: [PropertiesModule], controllers: [ReservationsController], providers: [ReservationsService] })
export class ReservationsModule {}
