import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { addDays, assertDateSpan, BusinessRuleViolation, ConflictError, NotFoundError } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import { noteAvailabilityChange } from '../availability-feed/availability-changes';
import { datesFrom, NightPrice, priceNights } from './pricing';
import { PropertyEntity } from './property.entity';
import { AddRateOverridesDto, CreateRatePlanDto, RateOverrideDto, RatePlanView } from './rate-plans.dto';
import { RoomTypeEntity } from './room-type.entity';
import { isUniqueViolation } from './unique-violation';

const MAX_OVERRIDE_NIGHTS = 731;

interface PlanRow {
  id: string;
  property_id: string;
  code: string;
  name: string;
  is_default: boolean;
}

export interface PricedStay {
  ratePlanId: string | null;
  nights: NightPrice[];
}

/** Rate plans: a nightly price per room type, with date overrides; and the pricing of a stay. */
@Injectable()
export class RatePlansService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async create(property: PropertyEntity, input: CreateRatePlanDto): Promise<RatePlanView> {
    const roomTypeIds = [...input.prices, ...(input.overrides ?? [])].map((entry) => entry.roomTypeId);
    try {
      return await this.dataSource.transaction(async (manager) => {
        await this.assertRoomTypes(manager, property.id, roomTypeIds);
        input.prices.forEach((price, index) =>
          this.assertCurrency(property, price.nightly.currency, `prices[${index}].nightly.currency`),
        );
        if (input.isDefault) {
          await manager.query('UPDATE rate_plan SET is_default = false WHERE property_id = $1 AND is_default', [
            property.id,
          ]);
        }
        const [plan]: PlanRow[] = await manager.query(
          `INSERT INTO rate_plan (property_id, code, name, is_default) VALUES ($1, $2, $3, $4) RETURNING *`,
          [property.id, input.code, input.name, input.isDefault ?? false],
        );
        for (const price of input.prices) {
          await manager.query(
            'INSERT INTO rate_plan_price (rate_plan_id, room_type_id, nightly_minor) VALUES ($1, $2, $3)',
            [plan.id, price.roomTypeId, price.nightly.amountMinor],
          );
        }
        // A new plan sells every room type it prices (or, as a default plan, every one) from today on.
        for (const roomTypeId of new Set(roomTypeIds)) {
          noteAvailabilityChange(manager, {
            propertyId: property.id,
            roomTypeId,
            from: null,
            to: null,
            cause: 'rates',
          });
        }
        await this.upsertOverrides(manager, property, plan.id, input.overrides ?? []);
        return this.view(manager, plan, property.currency);
      });
    } catch (error) {
      if (isUniqueViolation(error)) {
        throw new ConflictError('rate-plan-conflict', `Rate plan ${input.code} exists, or a room type is priced twice`);
      }
      throw error;
    }
  }

  async addOverrides(property: PropertyEntity, ratePlanId: string, input: AddRateOverridesDto): Promise<RatePlanView> {
    return this.dataSource.transaction(async (manager) => {
      const plan = await this.plan(manager, property.id, ratePlanId);
      await this.assertRoomTypes(
        manager,
        property.id,
        input.overrides.map((override) => override.roomTypeId),
      );
      await this.upsertOverrides(manager, property, plan.id, input.overrides);
      return this.view(manager, plan, property.currency);
    });
  }

  async list(property: PropertyEntity): Promise<RatePlanView[]> {
    const plans: PlanRow[] = await this.dataSource.query(
      'SELECT * FROM rate_plan WHERE property_id = $1 ORDER BY code',
      [property.id],
    );
    return Promise.all(plans.map((plan) => this.view(this.dataSource.manager, plan, property.currency)));
  }

  async get(property: PropertyEntity, ratePlanId: string): Promise<RatePlanView> {
    const plan = await this.plan(this.dataSource.manager, property.id, ratePlanId);
    return this.view(this.dataSource.manager, plan, property.currency);
  }

  /**
   * Prices the nights of a stay: the given plan, else the property's default plan, else the room type's base rate.
   * A plan without a price for the room type falls back to the base rate (its overrides still apply).
   */
  async priceStay(
    manager: EntityManager,
    roomType: RoomTypeEntity,
    nights: string[],
    ratePlanId?: string | null,
  ): Promise<PricedStay> {
    const plans: PlanRow[] = ratePlanId
      ? [await this.plan(manager, roomType.propertyId, ratePlanId)]
      : await manager.query('SELECT * FROM rate_plan WHERE property_id = $1 AND is_default', [roomType.propertyId]);
    const plan = plans[0];
    if (!plan) return { ratePlanId: null, nights: priceNights(nights, { nightlyMinor: roomType.baseRateMinor }) };
    const [price]: { nightly_minor: string }[] = await manager.query(
      'SELECT nightly_minor FROM rate_plan_price WHERE rate_plan_id = $1 AND room_type_id = $2',
      [plan.id, roomType.id],
    );
    const overrides: { date: string; nightly_minor: string }[] = await manager.query(
      `SELECT date::text AS date, nightly_minor FROM rate_plan_override
        WHERE rate_plan_id = $1 AND room_type_id = $2 AND date = ANY($3::date[])`,
      [plan.id, roomType.id, nights],
    );
    return {
      ratePlanId: plan.id,
      nights: priceNights(nights, {
        nightlyMinor: price ? Number(price.nightly_minor) : roomType.baseRateMinor,
        overrides: new Map(overrides.map((row) => [row.date, Number(row.nightly_minor)])),
      }),
    };
  }

  private async plan(manager: EntityManager, propertyId: string, ratePlanId: string): Promise<PlanRow> {
    const [plan]: PlanRow[] = await manager.query('SELECT * FROM rate_plan WHERE id = $1 AND property_id = $2', [
      ratePlanId,
      propertyId,
    ]);
    if (!plan) throw new NotFoundError('rate-plan', ratePlanId);
    return plan;
  }

  private assertCurrency(property: PropertyEntity, currency: string, field: string): void {
    if (currency !== property.currency) {
      throw new BusinessRuleViolation('currency-mismatch', `Prices must be in ${property.currency}`, field);
    }
  }

  private async assertRoomTypes(manager: EntityManager, propertyId: string, ids: string[]): Promise<void> {
    const unique = [...new Set(ids)];
    const found = await manager.query('SELECT id FROM room_type WHERE property_id = $1 AND id = ANY($2::uuid[])', [
      propertyId,
      unique,
    ]);
    if (found.length !== unique.length) {
      const known = new Set((found as { id: string }[]).map((row) => row.id));
      throw new NotFoundError(
        'room-type',
        unique.find((id) => !known.has(id))!,
      );
    }
  }

  private async upsertOverrides(
    manager: EntityManager,
    property: PropertyEntity,
    ratePlanId: string,
    overrides: RateOverrideDto[],
  ): Promise<void> {
    for (const [index, override] of overrides.entries()) {
      this.assertCurrency(property, override.nightly.currency, `overrides[${index}].nightly.currency`);
      assertDateSpan(override.from, override.to, {
        maxDays: MAX_OVERRIDE_NIGHTS,
        field: `overrides[${index}].to`,
        inclusive: true,
        backwardsMessage: 'to must not be before from',
        tooLongMessage: `An override covers at most ${MAX_OVERRIDE_NIGHTS} nights`,
      });
      const dates = datesFrom(override.from, override.to);
      noteAvailabilityChange(manager, {
        propertyId: property.id,
        roomTypeId: override.roomTypeId,
        from: dates[0],
        to: addDays(dates[dates.length - 1], 1),
        cause: 'rates',
      });
      await manager.query(
        `INSERT INTO rate_plan_override (rate_plan_id, room_type_id, date, nightly_minor)
         SELECT $1, $2, d, $4 FROM unnest($3::date[]) AS d
         ON CONFLICT (rate_plan_id, room_type_id, date) DO UPDATE SET nightly_minor = EXCLUDED.nightly_minor`,
        [ratePlanId, override.roomTypeId, dates, override.nightly.amountMinor],
      );
    }
  }

  private async view(manager: EntityManager, plan: PlanRow, currency: string): Promise<RatePlanView> {
    const prices: { room_type_id: string; nightly_minor: string }[] = await manager.query(
      'SELECT room_type_id, nightly_minor FROM rate_plan_price WHERE rate_plan_id = $1 ORDER BY room_type_id',
      [plan.id],
    );
    const overrides: { room_type_id: string; date: string; nightly_minor: string }[] = await manager.query(
      `SELECT room_type_id, date::text AS date, nightly_minor FROM rate_plan_override
        WHERE rate_plan_id = $1 ORDER BY room_type_id, date`,
      [plan.id],
    );
    const money = (minor: string) => ({ amountMinor: Number(minor), currency });
    return {
      id: plan.id,
      propertyId: plan.property_id,
      code: plan.code,
      name: plan.name,
      isDefault: plan.is_default,
      prices: prices.map((row) => ({ roomTypeId: row.room_type_id, nightly: money(row.nightly_minor) })),
      overrides: overrides.map((row) => ({
        roomTypeId: row.room_type_id,
        date: row.date,
        nightly: money(row.nightly_minor),
      })),
    };
  }
}
