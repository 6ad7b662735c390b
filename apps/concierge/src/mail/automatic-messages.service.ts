import { Injectable, Logger } from '@nestjs/common';
import type { GuestProfileUpdatedV1, VipLevel } from '@frontoffice/contracts';
import { DomainError, RequestValidationException } from '@frontoffice/platform';
import type { EntityManager } from 'typeorm';
import { ConsentService } from '../consent/consent.service';
import { MessageLogRepository } from '../messages/message-log.repository';
import { MessagesService } from '../messages/messages.service';
import { DirectoryService } from '../stays/directory.service';
import { AutomaticPurpose, eventReminderIsDue, onceKey, preArrivalIsDue } from './mail-rules';
import { MailSettingsRepository } from './mail-settings.repository';
import { MailSettingsService } from './mail-settings.service';

export type QueueResult = 'queued' | 'already_sent' | 'switched_off' | 'opted_out' | 'no_template' | 'unknown_stay';

const SCAN_LIMIT = 500;

function isVip(level: VipLevel): boolean {
  return level === 'vip' || level === 'vvip';
}

/**
 * The e-mails the concierge sends on its own along a stay: pre-arrival, welcome (the VIP welcome for VIPs),
 * thank-you at check-out and group-event reminders. Each is queued once per stay (and event) in the transaction that
 * decides it, only when the property has it switched on, has a template for it, and the guest has not opted out.
 */
@Injectable()
export class AutomaticMessagesService {
  private readonly logger = new Logger(AutomaticMessagesService.name);

  constructor(
    private readonly messages: MessagesService,
    private readonly log: MessageLogRepository,
    private readonly settings: MailSettingsService,
    private readonly searches: MailSettingsRepository,
    private readonly consent: ConsentService,
    private readonly directory: DirectoryService,
  ) {}

  /** At check-in: the VIP welcome for a VIP (the plain welcome when the property has none), else the welcome. */
  async checkedIn(manager: EntityManager, propertyId: string, reservationId: string): Promise<QueueResult> {
    const stay = await this.directory.stay(propertyId, reservationId, manager);
    if (!stay) return 'unknown_stay';
    if (isVip(stay.vipLevel)) {
      const vip = await this.queue(manager, propertyId, reservationId, 'vip_welcome');
      if (vip !== 'switched_off' && vip !== 'no_template') return vip;
    }
    return this.queue(manager, propertyId, reservationId, 'welcome');
  }

  checkedOut(manager: EntityManager, propertyId: string, reservationId: string): Promise<QueueResult> {
    return this.queue(manager, propertyId, reservationId, 'checkout_thanks');
  }

  /**
   * An erased guest gets nothing more: they are remembered by id only, and their log entries lose name, address and
   * text; e-mails still waiting are withdrawn.
   */
  async guestProfile(manager: EntityManager, profile: GuestProfileUpdatedV1): Promise<void> {
    if (!profile.erased) return;
    await this.consent.markErased(manager, profile.guestId);
    const withdrawn = await this.log.scrubGuest(manager, profile.guestId);
    for (const row of withdrawn) await this.messages.announceDelivery(manager, row);
  }

  /** Pre-arrival messages whose property-local hour has come. Returns how many were queued. */
  async queueDuePreArrivals(manager: EntityManager, now: Date): Promise<number> {
    const candidates = await this.searches.preArrivalCandidates(manager, now, SCAN_LIMIT);
    let queued = 0;
    for (const stay of candidates) {
      const due = preArrivalIsDue(now, stay.arrival, {
        daysBefore: stay.pre_arrival_days,
        hour: stay.pre_arrival_hour,
        timeZone: stay.timezone,
      });
      if (due && (await this.queue(manager, stay.property_id, stay.reservation_id, 'pre_arrival')) === 'queued') {
        queued += 1;
      }
    }
    return queued;
  }

  /** Reminders of group events whose lead time has come, to each guest of the event. */
  async queueDueReminders(manager: EntityManager, now: Date): Promise<number> {
    const candidates = await this.searches.reminderCandidates(manager, now, SCAN_LIMIT);
    let queued = 0;
    for (const guest of candidates) {
      const due = eventReminderIsDue(
        now,
        { date: guest.date, startTime: guest.start_time, timeZone: guest.timezone },
        guest.event_reminder_hours,
      );
      if (!due) continue;
      const result = await this.queue(
        manager,
        guest.property_id,
        guest.reservation_id,
        'event_reminder',
        guest.event_id,
      );
      if (result === 'queued') queued += 1;
    }
    return queued;
  }

  private async queue(
    manager: EntityManager,
    propertyId: string,
    reservationId: string,
    purpose: AutomaticPurpose,
    groupEventId?: string,
  ): Promise<QueueResult> {
    const settings = await this.settings.get(propertyId, manager);
    if (settings.disabled.has(purpose)) return 'switched_off';
    const stay = await this.directory.stay(propertyId, reservationId, manager);
    if (!stay) return 'unknown_stay';
    if (!(await this.consent.mayReceive(manager, propertyId, stay, true))) return 'opted_out';
    const key = onceKey(reservationId, purpose, groupEventId);
    if ((await this.log.loggedOnceKeys(manager, [key])).size > 0) return 'already_sent';
    const variables: Record<string, string> =
      purpose === 'vip_welcome' && settings.managerName ? { managerName: settings.managerName } : {};
    try {
      const queued = await this.messages.queueAutomatic(manager, propertyId, {
        purpose,
        reservationId,
        onceKey: key,
        groupEventId,
        variables,
      });
      return queued ? 'queued' : 'already_sent';
    } catch (error) {
      // No template in any language, or one using a placeholder this stay has no value for: the desk fixes the
      // template; the event itself was handled.
      if (error instanceof DomainError || error instanceof RequestValidationException) {
        this.logger.warn({ propertyId, reservationId, purpose, reason: error.message }, 'Automatic e-mail not sent');
        return 'no_template';
      }
      throw error;
    }
  }
}
