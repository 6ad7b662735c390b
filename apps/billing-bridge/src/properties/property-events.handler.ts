import { Controller, Logger } from '@nestjs/common';
import { Ctx, EventPattern, Payload } from '@nestjs/microservices';
import type {
  EventEnvelope,
  NightAuditCompletedV1,
  PropertyCreatedV1,
  PropertyUpdatedV1,
} from '@frontoffice/contracts';
import { EventContext } from '@frontoffice/platform';
import { CashierService } from '../cashier/cashier.service';
import { recordAudit } from '../folios/billing-audit';
import { JournalService } from '../journal/journal.service';
import { PropertiesService } from './properties.service';

/** Keeps the local picture of properties, and closes billing's day when the night audit closes the hotel's. */
@Controller()
export class PropertyEventsHandler {
  private readonly logger = new Logger(PropertyEventsHandler.name);

  constructor(
    private readonly properties: PropertiesService,
    private readonly cashier: CashierService,
    private readonly journal: JournalService,
  ) {}

  @EventPattern('property.created')
  onCreated(@Payload() event: EventEnvelope<PropertyCreatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.properties.upsert(context.manager, event.data);
  }

  @EventPattern('property.updated')
  onUpdated(@Payload() event: EventEnvelope<PropertyUpdatedV1>, @Ctx() context: EventContext): Promise<void> {
    return this.properties.upsert(context.manager, event.data);
  }

  /**
   * One transaction: the business date rolls to nextBusinessDate, open tills are closed (or left open) by the
   * property's policy and reported, and the closed date's journal batch is closed with the audit's figures.
   */
  @EventPattern('night-audit.completed')
  async onNightAuditCompleted(
    @Payload() event: EventEnvelope<NightAuditCompletedV1>,
    @Ctx() context: EventContext,
  ): Promise<void> {
    const { manager } = context;
    const audit = event.data;
    const { property, rolled } = await this.properties.rollBusinessDate(
      manager,
      event.propertyId,
      audit.nextBusinessDate,
      audit.roomRevenue.currency,
    );
    // A late or repeated audit of a date already rolled past leaves today's tills alone.
    if (rolled) {
      const tills = await this.cashier.handleNightAudit(manager, property, audit.businessDate);
      await recordAudit(manager, {
        propertyId: event.propertyId,
        actor: 'night-audit',
        action: 'night-audit.tills',
        subjectId: audit.auditId,
        details: { businessDate: audit.businessDate, policy: property.tillPolicy, ...tills },
      });
      if (tills.autoClosed.length > 0 || tills.leftOpen.length > 0) {
        this.logger.warn(
          { propertyId: event.propertyId, businessDate: audit.businessDate, ...tills },
          'Tills were still open at the night audit',
        );
      }
    }
    await this.journal.closeBusinessDate(manager, event.propertyId, audit.businessDate, audit);
  }
}
