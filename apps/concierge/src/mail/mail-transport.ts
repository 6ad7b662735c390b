import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { SERVICE_ENV } from '@frontoffice/platform';
import { createTransport, type Transporter } from 'nodemailer';
import type { ConciergeEnv } from '../config/concierge.env';

export interface OutgoingMail {
  from: { name: string; address: string };
  replyTo?: string;
  to: { name: string; address: string };
  subject: string;
  text: string;
  html: string;
  language: string;
  headers: Record<string, string>;
}

export interface Accepted {
  /** The Message-ID header of the e-mail the relay accepted. */
  messageId: string;
  /** The relay's final reply, e.g. `250 2.0.0 Ok: queued as 4F2A`. */
  response: string;
}

/** The SMTP relay, through nodemailer (pooled connections, STARTTLS or implicit TLS, credentials from the env). */
@Injectable()
export class MailTransport implements OnApplicationShutdown {
  private readonly transporter: Transporter;

  constructor(@Inject(SERVICE_ENV) env: ConciergeEnv) {
    const auth = env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : undefined;
    const common = {
      host: env.SMTP_HOST,
      port: env.SMTP_PORT,
      secure: env.SMTP_SECURE,
      requireTLS: env.SMTP_REQUIRE_TLS,
      auth,
      connectionTimeout: env.SMTP_TIMEOUT_MS,
      greetingTimeout: env.SMTP_TIMEOUT_MS,
      socketTimeout: env.SMTP_TIMEOUT_MS,
    };
    this.transporter = env.SMTP_POOL
      ? createTransport({ ...common, pool: true, maxConnections: env.SMTP_MAX_CONNECTIONS })
      : createTransport(common);
  }

  async send(mail: OutgoingMail): Promise<Accepted> {
    const info = (await this.transporter.sendMail({
      from: mail.from,
      to: mail.to,
      replyTo: mail.replyTo,
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      headers: { 'Content-Language': mail.language, ...mail.headers },
    })) as { messageId: string; response: string };
    return { messageId: info.messageId, response: info.response };
  }

  onApplicationShutdown(): void {
    this.transporter.close();
  }
}
