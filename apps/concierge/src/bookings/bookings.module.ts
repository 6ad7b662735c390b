import { Module } from '@nestjs/common';
import { DirectoryModule } from '../stays/directory.module';
import { BookingsController } from './bookings.controller';
import { BookingsService } from './bookings.service';

@Module({ imports: [DirectoryModule], controllers: [BookingsController], providers: [BookingsService] })
export class BookingsModule {}
