import 'reflect-metadata';
import { migrationsMain } from '@frontoffice/platform';
import { ConciergeEnv } from './config/concierge.env';
import { CONCIERGE_MIGRATIONS } from './database/schema';

migrationsMain('concierge', ConciergeEnv, CONCIERGE_MIGRATIONS);
