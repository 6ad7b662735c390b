import 'reflect-metadata';
import { migrationsMain } from '@frontoffice/platform';
import { StaffingEnv } from './config/staffing.env';
import { STAFFING_MIGRATIONS } from './database/schema';

migrationsMain('staffing', StaffingEnv, STAFFING_MIGRATIONS);
