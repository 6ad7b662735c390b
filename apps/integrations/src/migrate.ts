import 'reflect-metadata';
import { migrationsMain } from '@frontoffice/platform';
import { IntegrationsEnv } from './config/integrations.env';
import { INTEGRATIONS_MIGRATIONS } from './database/schema';

migrationsMain('integrations', IntegrationsEnv, INTEGRATIONS_MIGRATIONS);
