import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { BusinessRuleViolation, ConflictError, NotFoundError, OutboxService, Principal } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { PropertiesService } from '../properties/properties.service';
import { isUniqueViolation } from '../properties/unique-violation';
import { basicCredentials, hashApiKey, keyMatches, newApiKey } from './channel-credentials';
import {
  ChannelList,
  ChannelMappingDto,
  ChannelMappingList,
  ChannelMappingView,
  ChannelView,
  ChannelWithCredentialsView,
  CreateChannelDto,
} from './channels.dto';
import { ChannelRow, ChannelsRepository, PropertyMapping } from './channels.repository';

const DEFAULT_OVERLAP_HOURS = 24;

function toView(channel: ChannelRow): ChannelView {
  return {
    id: channel.id,
    code: channel.code,
    name: channel.name,
    active: channel.active,
    createdAt: channel.createdAt.toISOString(),
    keyRotatedAt: channel.keyRotatedAt?.toISOString() ?? null,
  };
}

function toMappingView(mapping: PropertyMapping, channelCode: string): ChannelMappingView {
  return {
    channelId: mapping.channelId,
    channelCode,
    propertyId: mapping.propertyId,
    hotelCode: mapping.hotelCode,
    roomTypes: mapping.roomTypes,
    ratePlans: mapping.ratePlans,
    updatedBy: mapping.updatedBy,
    updatedAt: new Date(mapping.updatedAt).toISOString(),
  };
}

/** The codes a message may use must each name one of ours, once. */
function assertUniqueCodes(entries: { code: string }[], field: string): void {
  const seen = new Set<string>();
  entries.forEach((entry, index) => {
    if (seen.has(entry.code)) {
      throw new BusinessRuleViolation(
        'duplicate-code',
        `Code ${entry.code} is listed twice`,
        `${field}[${index}].code`,
      );
    }
    seen.add(entry.code);
  });
}

/**
 * Channel managers (chain-level: code, name, API key) and how each one names a property (hotel code, room type and
 * rate plan codes). A mapping change is published as `channel.mapping-updated` so integrations can push.
 */
@Injectable()
export class ChannelsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly repository: ChannelsRepository,
    private readonly properties: PropertiesService,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreateChannelDto, principal: Principal): Promise<ChannelWithCredentialsView> {
    const apiKey = newApiKey();
    try {
      const channel = await this.repository.insertChannel(this.dataSource.manager, {
        code: input.code,
        name: input.name,
        keyHash: hashApiKey(apiKey),
        createdBy: principal.sub,
      });
      return { ...toView(channel), credentials: { username: channel.code, apiKey } };
    } catch (error) {
      if (isUniqueViolation(error)) throw new ConflictError('channel-code-taken', `Channel ${input.code} exists`);
      throw error;
    }
  }

  async list(): Promise<ChannelList> {
    return { items: (await this.repository.channels(this.dataSource.manager)).map(toView) };
  }

  async get(channelId: string): Promise<ChannelView> {
    return toView(await this.channel(this.dataSource.manager, channelId));
  }

  /** A new key; the previous one keeps working for `overlapHours`, so the channel can switch without a gap. */
  async rotateKey(channelId: string, overlapHours = DEFAULT_OVERLAP_HOURS): Promise<ChannelWithCredentialsView> {
    const apiKey = newApiKey();
    return this.dataSource.transaction(async (manager) => {
      await this.channel(manager, channelId, true);
      const channel = await this.repository.rotateKey(manager, channelId, hashApiKey(apiKey), overlapHours * 3600);
      return { ...toView(channel), credentials: { username: channel.code, apiKey } };
    });
  }

  async setActive(channelId: string, active: boolean): Promise<ChannelView> {
    return this.dataSource.transaction(async (manager) => {
      await this.channel(manager, channelId, true);
      return toView(await this.repository.setActive(manager, channelId, active));
    });
  }

  /** The channel whose HTTP Basic credentials these are, when they are valid and the channel is active. */
  async authenticate(authorization: string | undefined): Promise<ChannelRow | undefined> {
    const credentials = basicCredentials(authorization);
    if (!credentials) return undefined;
    const channel = await this.repository.channelByCode(this.dataSource.manager, credentials.username);
    if (!channel?.active) return undefined;
    if (keyMatches(credentials.password, channel.keyHash)) return channel;
    const overlap =
      channel.previousKeyHash && channel.previousKeyValidUntil && channel.previousKeyValidUntil > new Date();
    return overlap && keyMatches(credentials.password, channel.previousKeyHash!) ? channel : undefined;
  }

  async mappings(propertyId: string): Promise<ChannelMappingList> {
    await this.properties.get(propertyId);
    const manager = this.dataSource.manager;
    const [mappings, channels] = await Promise.all([
      this.repository.mappings(manager, { propertyId }),
      this.repository.channels(manager),
    ]);
    const codes = new Map(channels.map((channel) => [channel.id, channel.code]));
    return { items: mappings.map((mapping) => toMappingView(mapping, codes.get(mapping.channelId)!)) };
  }

  async mapping(propertyId: string, channelId: string): Promise<ChannelMappingView> {
    const channel = await this.channel(this.dataSource.manager, channelId);
    const [mapping] = await this.repository.mappings(this.dataSource.manager, { propertyId, channelId });
    if (!mapping) throw new NotFoundError('channel-mapping', channelId);
    return toMappingView(mapping, channel.code);
  }

  /** Sets the channel's whole mapping of the property; every id must be the property's own. */
  async map(
    propertyId: string,
    channelId: string,
    input: ChannelMappingDto,
    principal: Principal,
  ): Promise<ChannelMappingView> {
    assertUniqueCodes(input.roomTypes, 'roomTypes');
    assertUniqueCodes(input.ratePlans, 'ratePlans');
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.properties.get(propertyId, manager);
        const channel = await this.channel(manager, channelId, true);
        const own = await this.repository.ownIds(
          manager,
          propertyId,
          input.roomTypes.map((entry) => entry.roomTypeId),
          input.ratePlans.map((entry) => entry.ratePlanId),
        );
        const foreignRoomType = input.roomTypes.find((entry) => !own.roomTypes.has(entry.roomTypeId));
        if (foreignRoomType) throw new NotFoundError('room-type', foreignRoomType.roomTypeId);
        const foreignPlan = input.ratePlans.find((entry) => !own.ratePlans.has(entry.ratePlanId));
        if (foreignPlan) throw new NotFoundError('rate-plan', foreignPlan.ratePlanId);
        await this.repository.replaceMapping(manager, {
          channelId,
          propertyId,
          hotelCode: input.hotelCode,
          roomTypes: input.roomTypes.map(({ code, roomTypeId }) => ({ code, roomTypeId })),
          ratePlans: input.ratePlans.map(({ code, ratePlanId }) => ({ code, ratePlanId })),
          updatedBy: principal.sub,
        });
        const [mapping] = await this.repository.mappings(manager, { propertyId, channelId });
        await this.publish(manager, channel, mapping, true);
        return toMappingView(mapping, channel.code);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('hotel-code-taken', `Channel hotel code ${input.hotelCode} names another property`, {
          field: 'hotelCode',
        });
      }
      throw error;
    }
  }

  async unmap(propertyId: string, channelId: string): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      const channel = await this.channel(manager, channelId, true);
      const [mapping] = await this.repository.mappings(manager, { propertyId, channelId });
      if (!mapping || !(await this.repository.deleteMapping(manager, channelId, propertyId))) {
        throw new NotFoundError('channel-mapping', channelId);
      }
      await this.publish(manager, channel, { ...mapping, roomTypes: [], ratePlans: [] }, false);
    });
  }

  /** The property mapped under this hotel code for the channel; a channel reaches nothing it is not mapped to. */
  async mappingByHotelCode(channelId: string, hotelCode: string): Promise<PropertyMapping | undefined> {
    const [mapping] = await this.repository.mappings(this.dataSource.manager, { channelId, hotelCode });
    return mapping;
  }

  private async publish(
    manager: EntityManager,
    channel: ChannelRow,
    mapping: PropertyMapping,
    active: boolean,
  ): Promise<void> {
    await this.outbox.publish(manager, 'channel.mapping-updated', {
      propertyId: mapping.propertyId,
      subject: channel.id,
      data: {
        channelId: channel.id,
        channelCode: channel.code,
        hotelCode: mapping.hotelCode,
        active,
        roomTypes: mapping.roomTypes,
        ratePlans: mapping.ratePlans,
      },
    });
  }

  private async channel(manager: EntityManager, channelId: string, lock = false): Promise<ChannelRow> {
    const channel = await this.repository.channel(manager, channelId, lock);
    if (!channel) throw new NotFoundError('channel', channelId);
    return channel;
  }
}
