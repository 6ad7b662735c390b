import { Module } from '@nestjs/common';
import { LuggageModule } from '../luggage/luggage.module';
import { MailModule } from '../mail/mail.module';
import { RequestsModule } from '../requests/requests.module';
import { SettingsModule } from '../settings/settings.module';
import { DirectoryModule } from './directory.module';
import { StayEventsHandler } from './stay-events.handler';
import { StayTasksService } from './stay-tasks.service';

@Module({
  imports: [DirectoryModule, RequestsModule, SettingsModule, LuggageModule, MailModule],
  controllers: [StayEventsHandler],
  providers: [StayTasksService],
})
export class StayEventsModule {}
