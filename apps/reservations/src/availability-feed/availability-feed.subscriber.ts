import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { OutboxService, SERVICE_ENV } from '@frontoffice/platform';
import type {
  DataSource,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import type { ReservationsEnv } from '../config/reservations.env';
import { coalesce, dropNotes, publishedRange, rateRuns, takeNotes } from './availability-changes';
import { AvailabilityRow, InventoryService } from '../inventory/inventory.service';
import { AvailabilityFeedRepository, FeedRange } from './availability-feed.repository';

/** Savepoints commit and roll back too; only the outermost transaction's end counts. */
function depthOf(runner: QueryRunner): number {
  return (runner as unknown as { transactionDepth?: number }).transactionDepth ?? 1;
}

/**
 * Publishes `inventory.availability-changed` for what a transaction noted (see noteAvailabilityChange), in that
 * transaction, just before it commits: one event per room type, carrying the nights as they stand under the
 * transaction's own inventory locks. Two transactions that touch the same nights serialise on those locks, so the
 * later one's event (later in the outbox, later on the partition) carries the later state.
 */
@Injectable()
export class AvailabilityFeedSubscriber implements EntitySubscriberInterface {
  constructor(
    @InjectDataSource() dataSource: DataSource,
    private readonly repository: AvailabilityFeedRepository,
    private readonly inventory: InventoryService,
    private readonly outbox: OutboxService,
    @Inject(SERVICE_ENV) private readonly env: ReservationsEnv,
  ) {
    dataSource.subscribers.push(this);
  }

  async beforeTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    if (depthOf(event.queryRunner) > 1) return;
    const notes = takeNotes(event.queryRunner);
    if (notes.length === 0) return;
    const manager = event.queryRunner.manager;
    const changes = coalesce(notes);
    const roomTypes = new Map(
      (
        await this.repository.roomTypes(
          manager,
          changes.map((change) => change.roomTypeId),
        )
      ).map((roomType) => [roomType.id, roomType]),
    );
    const ranges: (FeedRange & { causes: (typeof changes)[number]['causes'] })[] = [];
    for (const change of changes) {
      const roomType = roomTypes.get(change.roomTypeId);
      if (!roomType) continue;
      const range = publishedRange(change, roomType.businessDate, this.env.AVAILABILITY_HORIZON_DAYS);
      if (range) ranges.push({ roomTypeId: change.roomTypeId, ...range, causes: change.causes });
    }
    if (ranges.length === 0) return;
    // The inventory's own count (one query per room type changed: one, or two for a change of room type).
    const nights = new Map<string, AvailabilityRow[]>();
    for (const range of ranges) {
      const roomType = roomTypes.get(range.roomTypeId)!;
      nights.set(
        range.roomTypeId,
        await this.inventory.availability(manager, roomType.propertyId, range.from, range.to, range.roomTypeId),
      );
    }
    const priced = ranges.filter((range) => range.causes.includes('rates'));
    const prices = priced.length > 0 ? await this.repository.prices(manager, priced) : [];
    for (const range of ranges) {
      const roomType = roomTypes.get(range.roomTypeId)!;
      const runs = range.causes.includes('rates')
        ? rateRuns(prices.filter((price) => price.roomTypeId === range.roomTypeId))
        : undefined;
      await this.outbox.publish(manager, 'inventory.availability-changed', {
        propertyId: roomType.propertyId,
        subject: range.roomTypeId,
        data: {
          roomTypeId: range.roomTypeId,
          roomTypeCode: roomType.code,
          from: range.from,
          to: range.to,
          causes: range.causes,
          nights: nights.get(range.roomTypeId)!.map((night) => ({
            date: night.date,
            available: night.available,
            rooms: night.rooms,
            outOfOrder: night.outOfOrder,
            sold: night.booked,
            blocked: night.blocked,
          })),
          ...(runs
            ? {
                rates: runs.map((run) => ({
                  ratePlanId: run.ratePlanId,
                  ratePlanCode: run.ratePlanCode,
                  from: run.from,
                  to: run.to,
                  nightly: { amountMinor: run.amountMinor, currency: roomType.currency },
                })),
              }
            : {}),
        },
      });
    }
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    // Broadcast after the depth went down: 0 means the whole transaction rolled back.
    if (depthOf(event.queryRunner) <= 0) dropNotes(event.queryRunner);
  }
}
