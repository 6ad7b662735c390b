import { Controller } from '@nestjs/common';
import { Ctx, Payload } from '@nestjs/microservices';
import type { AvailabilityChangedV1, ChannelMappingUpdatedV1, EventEnvelope } from '@frontoffice/contracts';
import { addDays, EventBatchContext, EventBatchHandler } from '@frontoffice/platform';
import { ChannelPushRepository } from './channel-push.repository';
import type { AvailabilityNight, RateNight } from './ota-push-messages';
import { ChannelPushWorker } from './channel-push.worker';

/** The last value per key, in the order the events came (later events overwrite earlier ones of the same batch). */
function latest<T>(items: T[], key: (item: T) => string): T[] {
  return [...new Map(items.map((item) => [key(item), item])).values()];
}

/**
 * Keeps the read models channel pushes are built from: the latest availability and price per night (from
 * `inventory.availability-changed`) and the channels' codes per property (from `channel.mapping-updated`). A whole
 * batch is applied in set-based statements, in the inbox transaction; the push worker is woken afterwards.
 */
@Controller()
export class ChannelFeedHandler {
  constructor(
    private readonly repository: ChannelPushRepository,
    private readonly worker: ChannelPushWorker,
  ) {}

  @EventBatchHandler('inventory.availability-changed')
  async onAvailabilityChanged(
    @Payload() events: EventEnvelope<AvailabilityChangedV1>[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    const availability: (AvailabilityNight & { propertyId: string })[] = [];
    const rates: (RateNight & { propertyId: string })[] = [];
    for (const { propertyId, data } of events) {
      for (const night of data.nights) {
        availability.push({ propertyId, roomTypeId: data.roomTypeId, date: night.date, available: night.available });
      }
      for (const run of data.rates ?? []) {
        for (let date = run.from; date < run.to; date = addDays(date, 1)) {
          rates.push({
            propertyId,
            roomTypeId: data.roomTypeId,
            ratePlanId: run.ratePlanId,
            date,
            amountMinor: run.nightly.amountMinor,
            currency: run.nightly.currency,
          });
        }
      }
    }
    const nights = latest(availability, (night) => `${night.roomTypeId}/${night.date}`);
    const prices = latest(rates, (night) => `${night.roomTypeId}/${night.ratePlanId}/${night.date}`);
    await this.repository.lockProperties(
      context.manager,
      events.map((event) => event.propertyId),
    );
    await this.repository.upsertAvailability(
      context.manager,
      nights.map((night) => night.propertyId),
      nights,
    );
    await this.repository.upsertRates(
      context.manager,
      prices.map((night) => night.propertyId),
      prices,
    );
    this.worker.nudgeSoon();
  }

  @EventBatchHandler('channel.mapping-updated')
  async onMappingUpdated(
    @Payload() events: EventEnvelope<ChannelMappingUpdatedV1>[],
    @Ctx() context: EventBatchContext,
  ): Promise<void> {
    const mappings = latest(
      events.map(({ propertyId, data }) => ({
        channelId: data.channelId,
        propertyId,
        channelCode: data.channelCode,
        hotelCode: data.hotelCode,
        active: data.active,
        roomTypes: data.roomTypes,
        ratePlans: data.ratePlans,
      })),
      (mapping) => `${mapping.channelId}/${mapping.propertyId}`,
    );
    await this.repository.applyMappings(context.manager, mappings);
    this.worker.nudgeSoon();
  }
}
