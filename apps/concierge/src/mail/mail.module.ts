import { Module } from '@nestjs/common';
import { ConsentModule } from '../consent/consent.module';
import { MessagesModule } from '../messages/messages.module';
import { SettingsModule } from '../settings/settings.module';
import { DirectoryModule } from '../stays/directory.module';
import { AutomaticMessagesScheduler } from './automatic-messages.scheduler';
import { AutomaticMessagesService } from './automatic-messages.service';
import { MAIL_CLOCK, SYSTEM_CLOCK } from './clock';
import { GuestAddresses } from './guest-addresses';
import { MailDeliveryWorker } from './mail-delivery.worker';
import { MailSettingsController } from './mail-settings.controller';
import { MailSettingsRepository } from './mail-settings.repository';
import { MailSettingsService } from './mail-settings.service';
import { MailTransport } from './mail-transport';

/** Guest e-mail: settings, automatic messages along the stay, and delivery over SMTP. */
@Module({
  imports: [MessagesModule, ConsentModule, SettingsModule, DirectoryModule],
  controllers: [MailSettingsController],
  providers: [
    { provide: MAIL_CLOCK, useValue: SYSTEM_CLOCK },
    MailSettingsRepository,
    MailSettingsService,
    GuestAddresses,
    MailTransport,
    MailDeliveryWorker,
    AutomaticMessagesService,
    AutomaticMessagesScheduler,
  ],
  exports: [AutomaticMessagesService],
})
export class MailModule {}
