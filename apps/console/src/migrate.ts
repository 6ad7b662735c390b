import 'reflect-metadata';
import { migrationsMain } from '@frontoffice/platform';
import { ConsoleEnv } from './config/console.env';
import { CONSOLE_MIGRATIONS } from './database/schema';

migrationsMain('console', ConsoleEnv, CONSOLE_MIGRATIONS);
