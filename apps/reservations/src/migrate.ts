import 'reflect-metadata';
import { migrationsMain } from '@frontoffice/platform';
import { ReservationsEnv } from './config/reservations.env';
import { RESERVATIONS_MIGRATIONS } from './database/schema';

migrationsMain('reservations', ReservationsEnv, RESERVATIONS_MIGRATIONS);
