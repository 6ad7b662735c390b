import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  BusinessRuleViolation,
  ConflictError,
  NotFoundError,
  OutboxService,
  Principal,
  ALL_PROPERTIES,
} from '@frontoffice/platform';
import { isUUID } from 'class-validator';
import { DataSource, EntityManager, In } from 'typeorm';
import { localDateIn } from './business-date';
import { CreatePropertyDto, CreateRoomTypeDto, PropertyView, RoomTypeView } from './properties.dto';
import { PropertyEntity } from './property.entity';
import { RoomTypeEntity } from './room-type.entity';

const UNIQUE_VIOLATION = '23505';

function isUniqueViolation(error: unknown): boolean {
  return (error as { driverError?: { code?: string } }).driverError?.code === UNIQUE_VIOLATION;
}

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
