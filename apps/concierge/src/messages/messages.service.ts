import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessageChannel, MessagePurpose } from '@frontoffice/contracts';
import { ConflictError, NotFoundError, OutboxService, Page, RequestValidationException } from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SettingsService } from '../settings/settings.service';
import { ConsentService } from '../consent/consent.service';
import { consentKeyFor } from '../consent/opt-out-token';
import { DirectoryService, StayGuest } from '../stays/directory.service';
import { LogRow, MessageLogRepository, NewLogEntry } from './message-log.repository';
import {
  LoggedMessageView,
  MessageQuery,
  MessageView,
  SaveTemplateDto,
  SendMessageDto,
  TemplateQuery,
  TemplateView,
} from './messages.dto';
import { allowedPlaceholders, chooseLanguage, placeholdersIn, render, templateProblems } from './templates';

interface TemplateRow {
  id: string;
  property_id: string;
  purpose: MessagePurpose;
  language: string;
  subject: string;
  body: string;
  version: number;
  updated_by: string;
  updated_at: Date;
}

const SYSTEM = 'system';

function toTemplateView(row: TemplateRow): TemplateView {
  return {
    id: row.id,
    purpose: row.purpose,
    language: row.language,
    subject: row.subject,
    body: row.body,
    placeholders: placeholdersIn(`${row.subject}\n${row.body}`),
    version: row.version,
    updatedBy: row.updated_by,
    updatedAt: row.updated_at.toISOString(),
  };
}

function isoOrNull(value: Date | null): string | null {
  return value ? value.toISOString() : null;
}

export function toLoggedMessageView(row: LogRow): LoggedMessageView {
  return {
    id: row.id,
    purpose: row.purpose,
    language: row.language,
    fallbackUsed: row.fallback_used,
    languageSource: row.language_source,
    templateId: row.template_id,
    templateVersion: row.template_version,
    reservationId: row.reservation_id,
    recipient: row.recipient,
    channel: row.channel,
    subject: row.subject,
    body: row.body,
    sentBy: row.sent_by,
    sentAt: row.sent_at.toISOString(),
    status: row.status,
    automatic: row.automatic,
    recipientAddress: row.recipient_address,
    attempts: row.attempts,
    nextAttemptAt: isoOrNull(row.next_attempt_at),
    smtpMessageId: row.smtp_message_id,
    smtpCode: row.smtp_code,
    smtpResponse: row.smtp_response,
    deliveredAt: isoOrNull(row.delivered_at),
    scrubbedAt: isoOrNull(row.scrubbed_at),
  };
}

/** What an automatic message needs besides its purpose and stay. */
export interface AutomaticMessage {
  purpose: MessagePurpose;
  reservationId: string;
  onceKey: string;
  groupEventId?: string;
  variables?: Record<string, string>;
}

type Rendered = Omit<MessageView, 'id' | 'sentBy' | 'sentAt'>;

/** The guest-communication protocol: templates per purpose and language, rendering, and the log of what was sent. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly settings: SettingsService,
    private readonly directory: DirectoryService,
    private readonly log: MessageLogRepository,
    private readonly consent: ConsentService,
  ) {}

  /** Creates or replaces the template of (purpose, language); unknown placeholders are refused with 400. */
  async save(
    propertyId: string,
    purpose: MessagePurpose,
    language: string,
    input: SaveTemplateDto,
    actor: string,
  ): Promise<TemplateView> {
    const problems = templateProblems(purpose, input);
    if (problems.length > 0) throw new RequestValidationException(problems);
    const rows: TemplateRow[] = await this.dataSource.query(
      `INSERT INTO message_template (id, property_id, purpose, language, subject, body, updated_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7)
       ON CONFLICT (property_id, purpose, language) DO UPDATE SET subject = EXCLUDED.subject, body = EXCLUDED.body,
         version = message_template.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
       RETURNING *`,
      [randomUUID(), propertyId, purpose, language, input.subject, input.body, actor],
    );
    return toTemplateView(rows[0]);
  }

  async templates(propertyId: string, query: TemplateQuery): Promise<TemplateView[]> {
    const rows: TemplateRow[] = await this.dataSource.query(
      `SELECT * FROM message_template WHERE property_id = $1 AND ($2::text IS NULL OR purpose = $2)
          AND ($3::text IS NULL OR lower(language) = lower($3)) ORDER BY purpose, language`,
      [propertyId, query.purpose ?? null, query.language ?? null],
    );
    return rows.map(toTemplateView);
  }

  /** Renders without sending: what the desk would send, in which language. */
  async preview(propertyId: string, input: SendMessageDto): Promise<MessageView> {
    const rendered = await this.renderFor(this.dataSource.manager, propertyId, input);
    return { ...rendered.view, id: '', sentBy: null, sentAt: null };
  }

  /**
   * Renders in the guest's language and logs it. An e-mail is queued for the delivery worker (and refused with 409
   * when the guest asked for no e-mail at all); what the desk hands over itself is announced at once.
   */
  send(propertyId: string, input: SendMessageDto, actor: string): Promise<LoggedMessageView> {
    return this.dataSource.transaction(async (manager) => {
      const { view, stay } = await this.renderFor(manager, propertyId, input);
      const email = input.channel === 'email';
      if (email && !(await this.consent.mayReceive(manager, propertyId, stay, false))) {
        throw new ConflictError('guest-opted-out', 'The guest asked to receive no e-mail from the hotel');
      }
      const [logged] = await this.log.insert(manager, [
        this.entry(propertyId, view, stay, { status: email ? 'queued' : 'sent', sentBy: actor }),
      ]);
      if (!email) await this.announceSent(manager, logged, logged.sent_at);
      return toLoggedMessageView(logged);
    });
  }

  /**
   * Queues an automatic e-mail in the caller's transaction (an event handler's, or a scheduler pass's). Returns
   * false when this stay already had it: the once-key makes redeliveries and concurrent instances harmless.
   */
  async queueAutomatic(manager: EntityManager, propertyId: string, message: AutomaticMessage): Promise<boolean> {
    const { view, stay } = await this.renderFor(manager, propertyId, {
      purpose: message.purpose,
      reservationId: message.reservationId,
      channel: 'email',
      groupEventId: message.groupEventId,
      variables: message.variables,
    });
    const inserted = await this.log.insert(manager, [
      this.entry(propertyId, view, stay, { status: 'queued', sentBy: SYSTEM, onceKey: message.onceKey }),
    ]);
    return inserted.length > 0;
  }

  /** `concierge.message-delivery-changed`: an e-mail's new status, with ids and the reply code only. */
  async announceDelivery(manager: EntityManager, row: LogRow): Promise<void> {
    await this.outbox.publish(manager, 'concierge.message-delivery-changed', {
      propertyId: row.property_id,
      subject: row.id,
      data: {
        messageId: row.id,
        purpose: row.purpose,
        ...(row.reservation_id ? { reservationId: row.reservation_id } : {}),
        status: row.status,
        attempts: row.attempts,
        ...(row.smtp_code !== null ? { smtpCode: row.smtp_code } : {}),
        ...(row.status === 'deferred' && row.next_attempt_at
          ? { nextAttemptAt: row.next_attempt_at.toISOString() }
          : {}),
        changedAt: row.status_changed_at.toISOString(),
      },
    });
  }

  /** `concierge.message-sent`: ids only, never the text or the address. */
  async announceSent(manager: EntityManager, logged: LogRow, sentAt: Date): Promise<void> {
    await this.outbox.publish(manager, 'concierge.message-sent', {
      propertyId: logged.property_id,
      subject: logged.id,
      data: {
        messageId: logged.id,
        purpose: logged.purpose,
        language: logged.language,
        fallbackUsed: logged.fallback_used,
        templateId: logged.template_id,
        ...(logged.reservation_id ? { reservationId: logged.reservation_id } : {}),
        channel: logged.channel as MessageChannel,
        sentBy: logged.sent_by,
        sentAt: sentAt.toISOString(),
      },
    });
  }

  /** Newest first: (sent_at, id) descending. */
  async list(propertyId: string, query: MessageQuery): Promise<Page<LoggedMessageView>> {
    const page = await this.log.list(propertyId, query);
    return { items: page.items.map(toLoggedMessageView), nextCursor: page.nextCursor };
  }

  async message(propertyId: string, messageId: string): Promise<LoggedMessageView> {
    const row = await this.log.get(propertyId, messageId);
    if (!row) throw new NotFoundError('message', messageId);
    return toLoggedMessageView(row);
  }

  private entry(
    propertyId: string,
    view: Rendered,
    stay: StayGuest,
    how: { status: 'queued' | 'sent'; sentBy: string; onceKey?: string },
  ): NewLogEntry {
    return {
      id: randomUUID(),
      property_id: propertyId,
      template_id: view.templateId,
      template_version: view.templateVersion,
      purpose: view.purpose as MessagePurpose,
      language: view.language,
      fallback_used: view.fallbackUsed,
      language_source: view.languageSource as LogRow['language_source'],
      reservation_id: view.reservationId,
      recipient: view.recipient,
      channel: view.channel,
      subject: view.subject,
      body: view.body,
      sent_by: how.sentBy,
      status: how.status,
      automatic: how.onceKey !== undefined,
      once_key: how.onceKey ?? null,
      guest_id: stay.guestId,
      consent_key: consentKeyFor(stay),
    };
  }

  private async groupEvent(
    manager: EntityManager,
    propertyId: string,
    eventId: string,
  ): Promise<Record<string, string>> {
    const rows: Array<{ name: string; date: string; start_time: string; venue: string }> = await manager.query(
      `SELECT name, to_char(date, 'YYYY-MM-DD') AS date, start_time, venue FROM group_event
        WHERE id = $1 AND property_id = $2`,
      [eventId, propertyId],
    );
    if (!rows[0]) throw new NotFoundError('group-event', eventId);
    return {
      eventName: rows[0].name,
      eventDate: rows[0].date,
      eventTime: rows[0].start_time,
      eventVenue: rows[0].venue,
    };
  }

  private async renderFor(
    manager: EntityManager,
    propertyId: string,
    input: SendMessageDto,
  ): Promise<{ view: Rendered; stay: StayGuest }> {
    const variables = input.variables ?? {};
    const allowed = new Set(allowedPlaceholders(input.purpose));
    const unknown = Object.keys(variables).filter((name) => !allowed.has(name));
    if (unknown.length > 0) {
      throw new RequestValidationException(
        unknown.map((name) => ({
          field: `variables.${name}`,
          messages: [`${name} is not a placeholder of ${input.purpose}`],
        })),
      );
    }
    const stay = await this.directory.requireStay(propertyId, input.reservationId, manager);
    const settings = await this.settings.get(propertyId, manager);
    const templates: TemplateRow[] = await manager.query(
      'SELECT * FROM message_template WHERE property_id = $1 AND purpose = $2',
      [propertyId, input.purpose],
    );
    const choice = chooseLanguage(
      templates.map((template) => template.language),
      stay.language,
      settings.fallbackLanguage,
    );
    if (!choice) throw new NotFoundError('message-template', input.purpose);
    const template = templates.find((candidate) => candidate.language === choice.language)!;
    const event = input.groupEventId ? await this.groupEvent(manager, propertyId, input.groupEventId) : {};
    const values: Record<string, string | undefined> = {
      guestFirstName: stay.firstName,
      guestLastName: stay.lastName,
      guestName: `${stay.firstName} ${stay.lastName}`,
      roomNumber: stay.roomNumber ?? undefined,
      arrivalDate: stay.arrival ?? undefined,
      departureDate: stay.departure ?? undefined,
      confirmationNumber: stay.confirmationNumber ?? undefined,
      propertyName: settings.propertyName ?? undefined,
      ...event,
      ...variables,
    };
    const subject = render(template.subject, values);
    const body = render(template.body, values);
    const missing = [...new Set([...subject.missing, ...body.missing])];
    if (missing.length > 0) {
      throw new RequestValidationException(
        missing.map((name) => ({
          field: `variables.${name}`,
          messages: [`The template uses {{${name}}}, which has no value for this guest: give it in variables`],
        })),
      );
    }
    return {
      view: {
        purpose: input.purpose,
        language: choice.language,
        fallbackUsed: choice.fallbackUsed,
        languageSource: choice.source,
        templateId: template.id,
        templateVersion: template.version,
        reservationId: stay.reservationId,
        recipient: `${stay.firstName} ${stay.lastName}`,
        channel: input.channel,
        subject: subject.text,
        body: body.text,
      },
      stay,
    };
  }
}
