import { Module } from '@nestjs/common';
import { PropertiesController } from './properties.controller';
import { PropertiesService } from './properties.service';
import { RatePlansController } from './rate-plans.controller';
import { RatePlansService } from './rate-plans.service';
import { RoomsController } from './rooms.controller';
import { RoomsService } from './rooms.service';

@Module({
  controllers: [PropertiesController, RoomsController, RatePlansController],
  providers: [PropertiesService, RoomsService, RatePlansService],
  exports: [PropertiesService, RoomsService, RatePlansService],
})
export class PropertiesModule {}
