import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { SettingsModule } from '../settings/settings.module';
import { DirectoryModule } from '../stays/directory.module';
import { MessageLogRepository } from './message-log.repository';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

@Module({
  imports: [SettingsModule, DirectoryModule, ConsentModule],
  controllers: [MessagesController],
  providers: [MessagesService, MessageLogRepository],
  exports: [MessagesService, MessageLogRepository],
})
export class MessagesModule {}
