import { DynamicModule, Module } from '@nestjs/common';
import { TOPICS } from '@frontoffice/contracts';
import { PlatformModule } from '@frontoffice/platform';
import type { StaffingEnv } from './config/staffing.env';
import { STAFFING_ENTITIES, STAFFING_MIGRATIONS } from './database/schema';
import { CoverageModule } from './coverage/coverage.module';
import { DemandModule } from './demand/demand.module';
import { EmployeesModule } from './employees/employees.module';
import { StaffedPropertiesModule } from './properties/properties.module';
import { SchedulesModule } from './schedules/schedules.module';

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
        EmployeesModule,
        DemandModule,
        SchedulesModule,
        CoverageModule,
      ],
    };
  }
}

export const STAFFING_APP = {
  title: 'Staffing',
  description: 'Employees and skills, demand forecast, staffing rules, schedules and their publication.',
};
