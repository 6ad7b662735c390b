import { Module } from '@nestjs/common';
import { InventoryModule } from '../inventory/inventory.module';
import { AvailabilityFeedRepository } from './availability-feed.repository';
import { AvailabilityFeedSubscriber } from './availability-feed.subscriber';

/** `inventory.availability-changed`: one event per room type per transaction that changed its nights or prices. */
@Module({ imports: [InventoryModule], providers: [AvailabilityFeedRepository, AvailabilityFeedSubscriber] })
export class AvailabilityFeedModule {}
