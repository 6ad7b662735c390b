import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { DirectoryModule } from '../stays/directory.module';
import { MessagesController } from './messages.controller';
import { MessagesService } from './messages.service';

@Module({ imports: [SettingsModule, DirectoryModule], controllers: [MessagesController], providers: [MessagesService] })
export class MessagesModule {}
