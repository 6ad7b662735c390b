import { Module } from '@nestjs/common';
import { FoliosController } from './folios.controller';
import { FoliosService } from './folios.service';
import { ReservationEventsHandler } from './reservation-events.handler';

@Module({ controllers: [FoliosController, ReservationEventsHandler], providers: [FoliosService] })
export class FoliosModule {}
