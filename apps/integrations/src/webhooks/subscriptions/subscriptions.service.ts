import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  ConflictError,
  NotFoundError,
  Page,
  pageLimit,
  PageQuery,
  Principal,
  SERVICE_ENV,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import type { IntegrationsEnv } from '../../config/integrations.env';
import { AddressPolicy } from '../deliveries/address-policy';
import {
  AttemptView,
  DeliveriesRepository,
  DeliveryView,
  MAX_REDELIVERY_EVENTS,
} from '../deliveries/deliveries.repository';
import { endpointRefusal } from '../deliveries/endpoint-check';
import { SecretBox } from '../signing/secret-box';
import { generateSigningSecret } from '../signing/webhook-signature';
import type {
  CreateWebhookDto,
  DeliveriesQuery,
  RedeliverDto,
  RotateSecretDto,
  UpdateWebhookDto,
} from './subscriptions.dto';
import { Subscription, SubscriptionsRepository } from './subscriptions.repository';

/** A property's subscriptions (`propertyId`), or the chain-wide ones (`propertyId` null). */
export interface SubscriptionScope {
  propertyId: string | null;
}

/** Subscriptions and their delivery log: creation with a secret shown once, rotation, pause, redelivery. */
@Injectable()
export class SubscriptionsService {
  constructor(
    @Inject(SERVICE_ENV) private readonly env: IntegrationsEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly subscriptions: SubscriptionsRepository,
    private readonly deliveries: DeliveriesRepository,
    private readonly secrets: SecretBox,
    private readonly addresses: AddressPolicy,
  ) {}

  async create(
    scope: SubscriptionScope,
    input: CreateWebhookDto,
    principal: Principal,
  ): Promise<Subscription & { secret: string }> {
    await this.checkUrl(input.url);
    const secret = generateSigningSecret();
    const subscription = await this.subscriptions.insert({
      id: randomUUID(),
      propertyId: scope.propertyId,
      url: input.url,
      description: input.description ?? null,
      eventTypes: input.eventTypes,
      includePersonalData: input.includePersonalData ?? false,
      maxInFlight: input.maxInFlight ?? this.env.WEBHOOK_SUBSCRIPTION_CONCURRENCY,
      sealedSecret: this.secrets.seal(secret),
      createdBy: principal.sub,
    });
    return { ...subscription, secret };
  }

  list(scope: SubscriptionScope, page: PageQuery): Promise<Page<Subscription>> {
    return this.subscriptions.list(scope.propertyId, pageLimit(page), page.cursor);
  }

  async get(scope: SubscriptionScope, id: string): Promise<Subscription> {
    const subscription = await this.subscriptions.find(id, scope.propertyId);
    if (!subscription) throw new NotFoundError('webhook', id);
    return subscription;
  }

  async update(scope: SubscriptionScope, id: string, input: UpdateWebhookDto): Promise<Subscription> {
    if (input.url !== undefined) await this.checkUrl(input.url);
    const updated = await this.subscriptions.update(id, scope.propertyId, input);
    if (!updated) throw new NotFoundError('webhook', id);
    return updated;
  }

  async remove(scope: SubscriptionScope, id: string): Promise<void> {
    if (!(await this.subscriptions.delete(id, scope.propertyId))) throw new NotFoundError('webhook', id);
  }

  async pause(scope: SubscriptionScope, id: string): Promise<Subscription> {
    const subscription = await this.get(scope, id);
    if (subscription.status === 'paused') throw new ConflictError('webhook-already-paused', `webhook ${id} is paused`);
    await this.subscriptions.pause(id, scope.propertyId);
    return this.get(scope, id);
  }

  /** Active again: what queued while paused goes out first, in order. */
  async resume(scope: SubscriptionScope, id: string): Promise<Subscription> {
    const subscription = await this.get(scope, id);
    if (subscription.status === 'active') throw new ConflictError('webhook-not-paused', `webhook ${id} is active`);
    await this.dataSource.transaction((manager) => this.subscriptions.resume(manager, id, scope.propertyId));
    return this.get(scope, id);
  }

  async rotateSecret(
    scope: SubscriptionScope,
    id: string,
    input: RotateSecretDto,
  ): Promise<{ secret: string; previousSecretExpiresAt: string | null }> {
    const secret = generateSigningSecret();
    const previousSecretExpiresAt = await this.subscriptions.rotateSecret(
      id,
      scope.propertyId,
      this.secrets.seal(secret),
      input.overlapSeconds ?? this.env.WEBHOOK_ROTATION_OVERLAP_SECONDS,
    );
    if (previousSecretExpiresAt === undefined) throw new NotFoundError('webhook', id);
    return { secret, previousSecretExpiresAt };
  }

  async deliveriesOf(scope: SubscriptionScope, id: string, query: DeliveriesQuery): Promise<Page<DeliveryView>> {
    await this.get(scope, id);
    return this.deliveries.list(
      id,
      { status: query.status, eventType: query.eventType, eventId: query.eventId },
      pageLimit(query),
      query.cursor,
    );
  }

  async attemptsOf(scope: SubscriptionScope, id: string, deliveryId: string): Promise<AttemptView[]> {
    await this.get(scope, id);
    if (!/^\d{1,18}$/.test(deliveryId)) throw new NotFoundError('delivery', deliveryId);
    const attempts = await this.deliveries.attempts(id, deliveryId);
    if (!attempts) throw new NotFoundError('delivery', deliveryId);
    return attempts;
  }

  async redeliver(scope: SubscriptionScope, id: string, input: RedeliverDto): Promise<number> {
    await this.get(scope, id);
    const byEvent = input.eventId !== undefined;
    const byRange = input.from !== undefined || input.to !== undefined;
    if (byEvent === byRange) {
      throw new BusinessRuleViolation('redelivery-selection', 'give either eventId, or from and to', 'eventId');
    }
    if (byRange && (input.from === undefined || input.to === undefined)) {
      throw new BusinessRuleViolation('redelivery-range', 'a range needs both from and to', input.from ? 'to' : 'from');
    }
    if (byRange && Date.parse(input.to!) <= Date.parse(input.from!)) {
      throw new BusinessRuleViolation('redelivery-range', 'to must be after from', 'to');
    }
    const selection = byEvent ? { eventId: input.eventId! } : { from: input.from!, to: input.to! };
    const queued = await this.dataSource.transaction((manager) => this.deliveries.redeliver(manager, id, selection));
    if (queued > MAX_REDELIVERY_EVENTS) {
      throw new BusinessRuleViolation(
        'redelivery-range-too-large',
        `at most ${MAX_REDELIVERY_EVENTS} events per redelivery; split the range`,
        'to',
      );
    }
    if (queued === 0 && byEvent) throw new NotFoundError('event', input.eventId!);
    return queued;
  }

  private async checkUrl(url: string): Promise<void> {
    const refusal = await endpointRefusal(url, this.addresses, this.env.WEBHOOK_ALLOW_HTTP);
    if (refusal) throw new BusinessRuleViolation('webhook-url-refused', refusal, 'url');
  }
}
