import { Module } from '@nestjs/common';
import { SettingsModule } from '../settings/settings.module';
import { DirectoryModule } from '../stays/directory.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';

@Module({ imports: [DirectoryModule, SettingsModule], controllers: [BookingsController], providers: [BookingsService] })
export class BookingsModule {}
