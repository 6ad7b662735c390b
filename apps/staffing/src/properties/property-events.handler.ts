import { Controller } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventEnvelope,
  NightAuditCompletedV1,
  PropertyCreatedV1,
  PropertyUpdatedV1,
} from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { StaffedPropertyEntity } from './staffed-property.entity';

async function keep(
  context: EventContext,
  property: PropertyCreatedV1 | PropertyUpdatedV1,
  size: Partial<Pick<StaffedPropertyEntity, 'roomCount' | 'deskHours'>>,
): Promise<void> {
  await context.manager.upsert(
    StaffedPropertyEntity,
    {
      id: property.propertyId,
      code: property.code,
      name: property.name,
      timezone: property.timezone,
      starRating: property.starRating ?? null,
      ...size,
    },
    ['id'],
  );
}

/** Keeps the local property read model: staffing sizes teams by property category, size and desk hours. */
@Controller()
export class PropertyEventsHandler {
  @EventPattern('property.created')
  async onPropertyCreated(
    @Payload() event: EventEnvelope<PropertyCreatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const property = event.data;
    await keep(context, property, property.roomCount !== undefined ? { roomCount: property.roomCount } : {});
  }

  /** The set-up after a change; an absent `deskHours` means the desk is open around the clock. */
  @EventPattern('property.updated')
  async onPropertyUpdated(
    @Payload() event: EventEnvelope<PropertyUpdatedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const property = event.data;
    await keep(context, property, {
      roomCount: property.roomCount,
      deskHours: property.deskHours ? { open: property.deskHours.open, close: property.deskHours.close } : null,
    });
  }

  /** The night audit counts the rooms every night: the size the rules use stays right between set-up changes. */
  @EventPattern('night-audit.completed')
  async onNightAudit(
    @Payload() event: EventEnvelope<NightAuditCompletedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    await context.manager.update(StaffedPropertyEntity, { id: event.propertyId }, { roomCount: event.data.roomsTotal });
  }
}
