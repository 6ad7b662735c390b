import { Module } from '@nestjs/common';
import { PropertyEventsHandler } from './property-events.handler';

@Module({ controllers: [PropertyEventsHandler] })
export class StaffedPropertiesModule {}
