import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { DirectoryModule } from '../stays/directory.module';
import { EscalationScheduler } from './escalation.scheduler';
import { RequestsController } from './requests.controller';
import { RequestsService } from './requests.service';

@Module({
  imports: [SettingsModule, DirectoryModule],
  controllers: [RequestsController],
  providers: [RequestsService, EscalationScheduler],
  exports: [RequestsService, EscalationScheduler],
})
export class RequestsModule {}
