import 'reflect-metadata';
import { serviceMain } from '@frontoffice/platform';
import { AppModule, CONCIERGE_APP } from './app.module';
import { ConciergeEnv } from './config/concierge.env';

serviceMain('concierge', ConciergeEnv, (env) => AppModule.register(env), CONCIERGE_APP);
