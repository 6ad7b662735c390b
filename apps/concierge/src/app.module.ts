import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { ConciergeEnv } from './config/concierge.env';
import { CONCIERGE_ENTITIES, CONCIERGE_MIGRATIONS } from './database/schema';
import { BookingsModule } from './bookings/bookings.module';
import { ComplaintsModule } from './complaints/complaints.module';
import { ConsentModule } from './consent/consent.module';
import { GroupEventsModule } from './group-events/group-events.module';
import { LuggageModule } from './luggage/luggage.module';
import { MailModule } from './mail/mail.module';
import { MessagesModule } from './messages/messages.module';
import { ProceduresModule } from './procedures/procedures.module';
import { RecommendationsModule } from './recommendations/recommendations.module';
import { RequestsModule } from './requests/requests.module';
import { SettingsModule } from './settings/settings.module';
import { DirectoryModule } from './stays/directory.module';
import { StayEventsModule } from './stays/stay-events.module';

@Module({})
export class AppModule {
  static register(env: ConciergeEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'concierge',
          env,
          entities: CONCIERGE_ENTITIES,
          migrations: CONCIERGE_MIGRATIONS,
          // Stays, guests and employees drive the read models, luggage tasks and VIP welcomes.
          consumes: [TOPICS.reservations, TOPICS.staffing],
        }),
        SettingsModule,
        DirectoryModule,
        RequestsModule,
        LuggageModule,
        StayEventsModule,
        ComplaintsModule,
        MessagesModule,
        RecommendationsModule,
        BookingsModule,
        GroupEventsModule,
        ProceduresModule,
        ConsentModule,
        MailModule,
      ],
    };
  }
}

export const CONCIERGE_APP = {
  title: 'Concierge',
  description: 'Guest requests with SLAs, porters and luggage, complaints, local recommendations and group events.',
};
