import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { ConciergeEnv } from './config/concierge.env';
import { CONCIERGE_ENTITIES, CONCIERGE_MIGRATIONS } from './database/schema';

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
          // Stays, guests and schedules drive requests, luggage tasks and VIP welcomes.
          consumes: [TOPICS.reservations, TOPICS.staffing],
        }),
      ],
    };
  }
}

export const CONCIERGE_APP = {
  title: 'Concierge',
  description: 'Guest requests with SLAs, porters and luggage, complaints, local recommendations and group events.',
};
