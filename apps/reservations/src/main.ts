import 'reflect-metadata';
import { serviceMain } from '@frontoffice/platform';
import { AppModule, RESERVATIONS_APP } from './app.module';
import { ReservationsEnv } from './config/reservations.env';

serviceMain('reservations', ReservationsEnv, (env) => AppModule.register(env), RESERVATIONS_APP);
