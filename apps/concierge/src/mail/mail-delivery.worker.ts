import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SERVICE_ENV } from '@frontoffice/platform';
import { DataSource, EntityManager } from 'typeorm';
import type { ConciergeEnv } from '../config/concierge.env';
import { ConsentService } from '../consent/consent.service';
import { DeliveryUpdate, DueMail, LogRow, MessageLogRepository } from '../messages/message-log.repository';
import { MessagesService } from '../messages/messages.service';
import { GuestAddresses } from './guest-addresses';
import { classifyFailure, composeMail, replyCode, retryDelayMs } from './mail-rules';
import { senderOf } from './mail-settings.service';
import { MailTransport } from './mail-transport';

/**
 * Delivers queued e-mails. Every instance runs it: a pass locks due rows with FOR UPDATE SKIP LOCKED, sends them,
 * and records each outcome (and its event) in the same transaction, so two instances never send one message. A
 * temporary refusal (4xx, relay unreachable) defers the message with exponential backoff; a permanent one (5xx)
 * fails it with the relay's reply kept for the desk.
 */
@Injectable()
export class MailDeliveryWorker implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(MailDeliveryWorker.name);
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly log: MessageLogRepository,
    private readonly messages: MessagesService,
    private readonly consent: ConsentService,
    private readonly addresses: GuestAddresses,
    private readonly transport: MailTransport,
    @Inject(SERVICE_ENV) private readonly env: ConciergeEnv,
  ) {}

  onApplicationBootstrap(): void {
    if (!this.env.MAIL_DELIVERY_ENABLED) return;
    this.timer = setInterval(() => void this.runOnce(), this.env.MAIL_POLL_INTERVAL_MS);
    this.timer.unref();
  }

  async onApplicationShutdown(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    await this.running;
  }

  /** One pass unless one is already running; errors are logged and the next tick retries. */
  runOnce(): Promise<number> {
    if (this.running || this.stopped) return this.running ?? Promise.resolve(0);
    this.running = this.deliverDue()
      .catch((error: unknown) => {
        this.logger.error({ err: error }, 'Mail delivery pass failed; the next tick retries');
        return 0;
      })
      .finally(() => (this.running = undefined));
    return this.running;
  }

  /** Sends what is due; returns how many messages changed status. */
  deliverDue(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const due = await this.log.claimDue(manager, this.env.MAIL_BATCH_SIZE);
      if (due.length === 0) return 0;
      const updates = await Promise.all(due.map((mail) => this.attemptSafely(mail)));
      const recorded = await this.log.recordDeliveries(manager, updates);
      await this.announce(manager, recorded);
      return recorded.length;
    });
  }

  /**
   * Never throws: one message's unexpected error must not roll back the pass, whose other messages may already be
   * with the relay (they would go out twice).
   */
  private async attemptSafely(mail: DueMail): Promise<DeliveryUpdate> {
    try {
      return await this.attempt(mail);
    } catch (error) {
      this.logger.error({ err: error, messageId: mail.id }, 'Unexpected error delivering a guest e-mail; deferred');
      const attempt = mail.attempts + 1;
      const outcome = classifyFailure({ message: (error as Error).message }, attempt, this.env.MAIL_MAX_ATTEMPTS);
      return this.update(mail, attempt, outcome.status, null, outcome.reply, null);
    }
  }

  private async attempt(mail: DueMail): Promise<DeliveryUpdate> {
    const attempt = mail.attempts + 1;
    const base = { id: mail.id, smtp_message_id: null, recipient_address: null };
    if (mail.erased || !mail.any_allowed || (mail.automatic && !mail.automatic_allowed)) {
      const why = mail.erased ? 'the guest was erased' : 'the guest opted out';
      return {
        ...base,
        status: 'cancelled',
        attempts: mail.attempts,
        retry_in_ms: null,
        smtp_code: null,
        smtp_response: why,
      };
    }
    let address = mail.recipient_address;
    if (!address) {
      const lookup = mail.reservation_id
        ? await this.addresses.lookup(mail.property_id, mail.reservation_id)
        : ({ kind: 'none', reason: 'no reservation to take the address from' } as const);
      if (lookup.kind !== 'found') {
        const outcome =
          lookup.kind === 'none'
            ? ({ status: 'failed', reply: lookup.reason } as const)
            : classifyFailure({ message: lookup.reason }, attempt, this.env.MAIL_MAX_ATTEMPTS);
        return this.update(mail, attempt, outcome.status, null, outcome.reply, null);
      }
      address = lookup.address;
    }
    const from = senderOf(
      { senderName: mail.sender_name, senderAddress: mail.sender_address },
      mail.property_name,
      this.env.MAIL_DEFAULT_FROM_ADDRESS,
    );
    const recipient = { guestId: mail.guest_id, reservationId: mail.reservation_id ?? mail.id };
    const optOutUrl = mail.automatic ? this.consent.optOutUrl(mail.property_id, recipient) : undefined;
    const parts = composeMail({
      subject: mail.subject,
      body: mail.body,
      language: mail.language,
      propertyName: mail.property_name ?? from.name,
      optOutUrl,
    });
    try {
      const accepted = await this.transport.send({
        from,
        replyTo: mail.reply_to ?? undefined,
        to: { name: mail.recipient, address },
        ...parts,
        language: mail.language,
        headers: {
          'X-Frontoffice-Message-Id': mail.id,
          ...(optOutUrl
            ? { 'List-Unsubscribe': `<${optOutUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
            : {}),
          ...(mail.automatic ? { 'Auto-Submitted': 'auto-generated' } : {}),
        },
      });
      return {
        ...this.update(mail, attempt, 'sent', replyCode(accepted.response) ?? null, accepted.response, address),
        smtp_message_id: accepted.messageId,
      };
    } catch (error) {
      const outcome = classifyFailure(
        error as Parameters<typeof classifyFailure>[0],
        attempt,
        this.env.MAIL_MAX_ATTEMPTS,
      );
      return this.update(mail, attempt, outcome.status, outcome.smtpCode ?? null, outcome.reply, address);
    }
  }

  private update(
    mail: DueMail,
    attempt: number,
    status: 'sent' | 'deferred' | 'failed',
    smtpCode: number | null,
    reply: string,
    address: string | null,
  ): DeliveryUpdate {
    return {
      id: mail.id,
      status,
      attempts: attempt,
      retry_in_ms:
        status === 'deferred' ? retryDelayMs(attempt, this.env.MAIL_RETRY_BASE_MS, this.env.MAIL_RETRY_MAX_MS) : null,
      smtp_message_id: null,
      smtp_code: smtpCode,
      smtp_response: reply,
      recipient_address: address,
    };
  }

  private async announce(manager: EntityManager, rows: LogRow[]): Promise<void> {
    for (const row of rows) {
      await this.messages.announceDelivery(manager, row);
      if (row.status === 'sent') await this.messages.announceSent(manager, row, row.delivered_at ?? new Date());
      const level = row.status === 'failed' ? 'warn' : 'log';
      this.logger[level](
        { messageId: row.id, status: row.status, attempts: row.attempts, smtpCode: row.smtp_code },
        'Guest e-mail',
      );
    }
  }
}
