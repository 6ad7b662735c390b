import { Module } from '@nestjs/common';
import { GuestErasureHandler } from './guest-erasure.handler';
import { GuestErasureService } from './guest-erasure.service';

@Module({
  controllers: [GuestErasureHandler],
  providers: [GuestErasureService],
})
export class GuestErasureModule {}
