import 'reflect-metadata';
import { serviceMain } from '@frontoffice/platform';
import { AppModule, INTEGRATIONS_APP } from './app.module';
import { IntegrationsEnv } from './config/integrations.env';

serviceMain('integrations', IntegrationsEnv, (env) => AppModule.register(env), INTEGRATIONS_APP);
