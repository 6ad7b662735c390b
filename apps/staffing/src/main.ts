import 'reflect-metadata';
import { serviceMain } from '@frontoffice/platform';
import { AppModule, STAFFING_APP } from './app.module';
import { StaffingEnv } from './config/staffing.env';

serviceMain('staffing', StaffingEnv, (env) => AppModule.register(env), STAFFING_APP);
