import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { StaffingEnv } from './config/staffing.env';
import { STAFFING_ENTITIES, STAFFING_MIGRATIONS } from './database/schema';
import { StaffedPropertiesModule } from './properties/properties.module';

@Module({})
export class AppModule {
  static register(env: StaffingEnv): DynamicModule {
    return {
      module: AppModule,
      imports: [
        PlatformModule.forService({
          service: 'staffing',
          env,
          entities: STAFFING_ENTITIES,
          migrations: STAFFING_MIGRATIONS,
          consumes: [TOPICS.reservations],
        }),
        StaffedPropertiesModule,
      ],
    };
  }
}

export const STAFFING_APP = {
  title: 'Staffing',
  description: 'Employees and skills, demand forecast, staffing rules, schedules and their publication.',
};
