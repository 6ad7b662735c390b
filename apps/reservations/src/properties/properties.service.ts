import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  ConflictError,
  NotFoundError,
  OutboxService,
  Principal,
  ALL_PROPERTIES,
  localDateIn,
} from '@frontoffice/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  CreatePropertyDto,
  CreateRoomTypeDto,
  PropertyView,
  RoomTypeView,
  UpdatePropertyDto,
  UpdateRoomTypeDto,
} from './properties.dto';
import { PropertyEntity } from './property.entity';
import { RoomTypeEntity } from './room-type.entity';
import { isUniqueViolation } from './unique-violation';

export function toPropertyView(property: PropertyEntity): PropertyView {
  return {
    id: property.id,
    code: property.code,
    name: property.name,
    timezone: property.timezone,
    currency: property.currency,
    country: property.country,
    starRating: property.starRating,
    deskHours: property.deskHours,
    businessDate: property.businessDate,
    noShowGraceDays: property.noShowGraceDays,
  };
}

export function toRoomTypeView(roomType: RoomTypeEntity, currency: string): RoomTypeView {
  return {
    id: roomType.id,
    propertyId: roomType.propertyId,
    code: roomType.code,
    name: roomType.name,
    maxOccupancy: roomType.maxOccupancy,
    baseRate: { amountMinor: roomType.baseRateMinor, currency },
    overbookingAllowance: roomType.overbookingAllowance,
  };
}

@Injectable()
export class PropertiesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
  ) {}

  async create(input: CreatePropertyDto): Promise<PropertyView> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const property = await manager.save(
          manager.create(PropertyEntity, {
            ...input,
            starRating: input.starRating ?? null,
            deskHours: input.deskHours ?? null,
            businessDate: localDateIn(input.timezone),
          }),
        );
        await this.outbox.publish(manager, 'property.created', {
          propertyId: property.id,
          subject: property.id,
          data: {
            propertyId: property.id,
            code: property.code,
            name: property.name,
            timezone: property.timezone,
            currency: property.currency,
            country: property.country,
            ...(property.starRating !== null ? { starRating: property.starRating } : {}),
            businessDate: property.businessDate,
          },
        });
        return toPropertyView(property);
      });
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('property-code-taken', `A property with code ${input.code} already exists`);
      throw error;
    }
  }

  async list(principal: Principal): Promise<PropertyView[]> {
    const chainWide = principal.properties.includes(ALL_PROPERTIES);
    const properties = await this.dataSource.getRepository(PropertyEntity).find({
      where: chainWide ? {} : { id: In(principal.properties.filter((id) => isUUID(id))) },
      order: { code: 'ASC' },
    });
    return properties.map(toPropertyView);
  }

  async get(propertyId: string, manager: EntityManager = this.dataSource.manager): Promise<PropertyEntity> {
    const property = await manager.findOneBy(PropertyEntity, { id: propertyId });
    if (!property) throw new NotFoundError('property', propertyId);
    return property;
  }

  /** Locks the property row: business-date changes, room counts and the night audit serialise on it. */
  async lock(manager: EntityManager, propertyId: string): Promise<PropertyEntity> {
    const property = await manager.findOne(PropertyEntity, {
      where: { id: propertyId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!property) throw new NotFoundError('property', propertyId);
    return property;
  }

  async update(propertyId: string, input: UpdatePropertyDto): Promise<PropertyView> {
    return this.dataSource.transaction(async (manager) => {
      const property = await this.lock(manager, propertyId);
      if (input.name !== undefined) property.name = input.name;
      if (input.starRating !== undefined) property.starRating = input.starRating;
      if (input.deskHours !== undefined) property.deskHours = input.deskHours;
      if (input.noShowGraceDays !== undefined) property.noShowGraceDays = input.noShowGraceDays;
      await manager.save(property);
      await this.publishUpdated(manager, propertyId);
      return toPropertyView(property);
    });
  }

  /** `property.updated` with the property's set-up and current room count, in the caller's transaction. */
  async publishUpdated(manager: EntityManager, propertyId: string): Promise<void> {
    const property = await this.get(propertyId, manager);
    const [{ count }]: { count: number }[] = await manager.query(
      'SELECT count(*)::int AS count FROM room WHERE property_id = $1',
      [propertyId],
    );
    await this.outbox.publish(manager, 'property.updated', {
      propertyId,
      subject: propertyId,
      data: {
        propertyId,
        code: property.code,
        name: property.name,
        timezone: property.timezone,
        currency: property.currency,
        country: property.country,
        ...(property.starRating !== null ? { starRating: property.starRating } : {}),
        ...(property.deskHours !== null ? { deskHours: property.deskHours } : {}),
        roomCount: count,
      },
    });
  }

  async updateRoomType(propertyId: string, roomTypeId: string, input: UpdateRoomTypeDto): Promise<RoomTypeView> {
    const property = await this.get(propertyId);
    if (input.baseRate && input.baseRate.currency !== property.currency) {
      throw new BusinessRuleViolation(
        'currency-mismatch',
        `baseRate must be in the property currency ${property.currency}`,
        'baseRate.currency',
      );
    }
    const repository = this.dataSource.getRepository(RoomTypeEntity);
    const roomType = await repository.findOneBy({ id: roomTypeId, propertyId });
    if (!roomType) throw new NotFoundError('room-type', roomTypeId);
    if (input.name !== undefined) roomType.name = input.name;
    if (input.maxOccupancy !== undefined) roomType.maxOccupancy = input.maxOccupancy;
    if (input.baseRate !== undefined) roomType.baseRateMinor = input.baseRate.amountMinor;
    if (input.overbookingAllowance !== undefined) roomType.overbookingAllowance = input.overbookingAllowance;
    return toRoomTypeView(await repository.save(roomType), property.currency);
  }

  async createRoomType(propertyId: string, input: CreateRoomTypeDto): Promise<RoomTypeView> {
    const property = await this.get(propertyId);
    if (input.baseRate.currency !== property.currency) {
      throw new BusinessRuleViolation(
        'currency-mismatch',
        `baseRate must be in the property currency ${property.currency}`,
        'baseRate.currency',
      );
    }
    try {
      const roomType = await this.dataSource.getRepository(RoomTypeEntity).save({
        propertyId,
        code: input.code,
        name: input.name,
        maxOccupancy: input.maxOccupancy,
        baseRateMinor: input.baseRate.amountMinor,
        overbookingAllowance: input.overbookingAllowance ?? 0,
      });
      return toRoomTypeView(roomType, property.currency);
    } catch (error) {
      if (isUniqueViolation(error))
        throw new ConflictError('room-type-code-taken', `Room type ${input.code} already exists`);
      throw error;
    }
  }

  async listRoomTypes(propertyId: string): Promise<RoomTypeView[]> {
    const property = await this.get(propertyId);
    const roomTypes = await this.dataSource
      .getRepository(RoomTypeEntity)
      .find({ where: { propertyId }, order: { code: 'ASC' } });
    return roomTypes.map((roomType) => toRoomTypeView(roomType, property.currency));
  }
}
