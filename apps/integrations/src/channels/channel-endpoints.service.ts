import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BusinessRuleViolation, NotFoundError, Principal, SERVICE_ENV } from '@frontoffice/platform';
import type { DataSource } from 'typeorm';
import type { IntegrationsEnv } from '../config/integrations.env';
import { AddressPolicy } from '../webhooks/deliveries/address-policy';
import { endpointRefusal } from '../webhooks/deliveries/endpoint-check';
import { SecretBox } from '../webhooks/signing/secret-box';
import { ChannelEndpointView, PutChannelEndpointDto } from './channel-endpoints.dto';
import { ChannelPushRepository } from './channel-push.repository';

/** Where and how to push to a channel manager (chain-level, like the channel itself in reservations). */
@Injectable()
export class ChannelEndpointsService {
  constructor(
    @Inject(SERVICE_ENV) private readonly env: IntegrationsEnv,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ChannelPushRepository,
    private readonly policy: AddressPolicy,
    private readonly secrets: SecretBox,
  ) {}

  async put(channelId: string, input: PutChannelEndpointDto, principal: Principal): Promise<ChannelEndpointView> {
    const refusal = await endpointRefusal(input.url, this.policy, this.env.WEBHOOK_ALLOW_HTTP);
    if (refusal) throw new BusinessRuleViolation('endpoint-refused', refusal, 'url');
    if (input.password !== undefined && input.username === undefined) {
      throw new BusinessRuleViolation('username-required', 'A password goes with a username', 'username');
    }
    await this.dataSource.transaction(async (manager) => {
      const previous = await this.repository.endpoint(manager, channelId);
      // Without a new password, the stored one stays (for the same username).
      const keep = input.password === undefined && previous?.username === (input.username ?? null);
      await this.repository.saveEndpoint(manager, {
        channelId,
        url: input.url,
        username: input.username ?? null,
        passwordCiphertext:
          input.password !== undefined
            ? this.secrets.seal(input.password)
            : keep
              ? (previous?.passwordCiphertext ?? null)
              : null,
        active: input.active ?? true,
        updatedBy: principal.sub,
      });
    });
    return this.get(channelId);
  }

  async get(channelId: string): Promise<ChannelEndpointView> {
    const manager = this.dataSource.manager;
    const endpoint = await this.repository.endpoint(manager, channelId);
    if (!endpoint) throw new NotFoundError('channel-endpoint', channelId);
    const lanes = await this.repository.pushStatus(manager, channelId);
    const iso = (date: Date | null) => (date ? new Date(date).toISOString() : null);
    return {
      channelId,
      url: endpoint.url,
      username: endpoint.username,
      hasPassword: endpoint.passwordCiphertext !== null,
      active: endpoint.active,
      updatedBy: endpoint.updatedBy,
      updatedAt: new Date(endpoint.updatedAt).toISOString(),
      properties: lanes.map((lane) => ({
        propertyId: lane.propertyId,
        hotelCode: lane.hotelCode,
        mapped: lane.active,
        pending: lane.pending,
        consecutiveFailures: lane.failures,
        nextAttemptAt: iso(lane.nextAttemptAt),
        lastAttemptAt: iso(lane.lastAttemptAt),
        lastStatusCode: lane.lastStatus,
        lastError: lane.lastError,
        lastSuccessAt: iso(lane.lastSuccessAt),
      })),
    };
  }
}
