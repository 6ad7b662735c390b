import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { MessagePurpose } from '@frontoffice/contracts';
import {
  CursorKey,
  keyedPage,
  Keyset,
  NotFoundError,
  OutboxService,
  Page,
  pageLimit,
  RequestValidationException,
} from '@frontoffice/platform';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { SettingsService } from '../settings/settings.service';
import { DirectoryService } from '../stays/directory.service';
import {
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

interface LogRow {
  id: string;
  template_id: string;
  template_version: number;
  purpose: string;
  language: string;
  fallback_used: boolean;
  language_source: 'guest' | 'property_fallback' | 'any_available';
  reservation_id: string | null;
  recipient: string;
  channel: string;
  subject: string;
  body: string;
  sent_by: string;
  sent_at: Date;
}

const LOG_ORDER = new Keyset(
  [
    { sql: 'sent_at', kind: 'timestamp' },
    { sql: 'id', kind: 'uuid' },
  ],
  'DESC',
);

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

function toMessageView(row: LogRow): MessageView {
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
  };
}

/** The guest-communication protocol: templates per purpose and language, rendering, and the log of what was sent. */
@Injectable()
export class MessagesService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: OutboxService,
    private readonly settings: SettingsService,
    private readonly directory: DirectoryService,
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

  /** Renders in the guest's language, logs what was sent to whom by whom, and announces it. */
  send(propertyId: string, input: SendMessageDto, actor: string): Promise<MessageView> {
    return this.dataSource.transaction(async (manager) => {
      const { view } = await this.renderFor(manager, propertyId, input);
      const rows: LogRow[] = await manager.query(
        `INSERT INTO message_log (id, property_id, template_id, template_version, purpose, language, fallback_used,
                                  language_source, reservation_id, recipient, channel, subject, body, sent_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) RETURNING *`,
        [
          randomUUID(),
          propertyId,
          view.templateId,
          view.templateVersion,
          view.purpose,
          view.language,
          view.fallbackUsed,
          view.languageSource,
          view.reservationId,
          view.recipient,
          view.channel,
          view.subject,
          view.body,
          actor,
        ],
      );
      const logged = rows[0];
      await this.outbox.publish(manager, 'concierge.message-sent', {
        propertyId,
        subject: logged.id,
        data: {
          messageId: logged.id,
          purpose: input.purpose,
          language: logged.language,
          fallbackUsed: logged.fallback_used,
          templateId: logged.template_id,
          ...(logged.reservation_id ? { reservationId: logged.reservation_id } : {}),
          channel: input.channel,
          sentBy: actor,
          sentAt: logged.sent_at.toISOString(),
        },
      });
      return toMessageView(logged);
    });
  }

  /** Newest first: (sent_at, id) descending. */
  async log(propertyId: string, query: MessageQuery): Promise<Page<MessageView>> {
    const limit = pageLimit(query);
    const after = LOG_ORDER.after(query.cursor, 5);
    const rows: Array<LogRow & { page_key: CursorKey }> = await this.dataSource.query(
      `SELECT *, ${LOG_ORDER.pageKey} FROM message_log WHERE property_id = $1 AND ($2::uuid IS NULL OR reservation_id = $2)
          AND ($3::text IS NULL OR purpose = $3) AND ${after.sql}
        ORDER BY ${LOG_ORDER.orderBy} LIMIT $4`,
      [propertyId, query.reservationId ?? null, query.purpose ?? null, limit + 1, ...after.parameters],
    );
    return keyedPage(rows, limit, toMessageView);
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
  ): Promise<{ view: Omit<MessageView, 'id' | 'sentBy' | 'sentAt'> }> {
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
    };
  }
}
