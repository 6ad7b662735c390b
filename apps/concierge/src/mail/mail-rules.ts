import type { MessagePurpose } from '@frontoffice/contracts';
import { addDays, localDateIn, zonedTimeToUtc } from '@frontoffice/platform';

/** The purposes the concierge sends on its own, along the stay; each one can be switched off per property. */
export const AUTOMATIC_PURPOSES = [
  'pre_arrival',
  'welcome',
  'vip_welcome',
  'checkout_thanks',
  'event_reminder',
] as const satisfies readonly MessagePurpose[];
export type AutomaticPurpose = (typeof AUTOMATIC_PURPOSES)[number];

export function isAutomaticPurpose(purpose: string): purpose is AutomaticPurpose {
  return (AUTOMATIC_PURPOSES as readonly string[]).includes(purpose);
}

/** One automatic message per stay and purpose (per stay and group event for reminders), whatever the redeliveries. */
export function onceKey(reservationId: string, purpose: AutomaticPurpose, groupEventId?: string): string {
  return groupEventId ? `${reservationId}/${purpose}/${groupEventId}` : `${reservationId}/${purpose}`;
}

function hourOfDay(hour: number): string {
  return `${String(hour).padStart(2, '0')}:00`;
}

/** The instant the pre-arrival message is due: `daysBefore` calendar days before arrival, at `hour` property time. */
export function preArrivalDueAt(arrival: string, daysBefore: number, hour: number, timeZone: string): Date {
  return zonedTimeToUtc(addDays(arrival, -daysBefore), hourOfDay(hour), timeZone);
}

/**
 * Whether the pre-arrival message goes out now: its time has come and the guest has not reached their arrival day
 * yet (a service that was down over the due hour still sends it the next morning, but never on arrival day, when the
 * welcome takes over).
 */
export function preArrivalIsDue(
  now: Date,
  arrival: string,
  settings: { daysBefore: number; hour: number; timeZone: string },
): boolean {
  const dueAt = preArrivalDueAt(arrival, settings.daysBefore, settings.hour, settings.timeZone);
  return dueAt.getTime() <= now.getTime() && localDateIn(settings.timeZone, now) < arrival;
}

/** A group event's reminder goes out `hoursBefore` its local start, and not once the event has begun. */
export function eventReminderIsDue(
  now: Date,
  event: { date: string; startTime: string; timeZone: string },
  hoursBefore: number,
): boolean {
  const start = zonedTimeToUtc(event.date, event.startTime, event.timeZone).getTime();
  return start - hoursBefore * 3_600_000 <= now.getTime() && now.getTime() < start;
}

/** Exponential backoff: base, 2×base, 4×base, ... capped; attempt counts from 1. */
export function retryDelayMs(attempt: number, baseMs: number, maxMs: number): number {
  return Math.min(maxMs, baseMs * 2 ** Math.max(0, attempt - 1));
}

export type DeliveryOutcome =
  | { status: 'sent'; smtpCode?: number; reply: string; serverMessageId: string }
  | { status: 'deferred' | 'failed'; smtpCode?: number; reply: string };

/**
 * What a delivery error means: a 5xx reply is a permanent refusal (RFC 5321), a 4xx or no reply at all (connection
 * refused, timeout) is temporary and retried, until the attempts run out.
 */
export function classifyFailure(
  error: { responseCode?: number; response?: string; message?: string; code?: string },
  attempt: number,
  maxAttempts: number,
): Extract<DeliveryOutcome, { status: 'deferred' | 'failed' }> {
  const smtpCode = typeof error.responseCode === 'number' ? error.responseCode : undefined;
  const reply = (error.response ?? [error.code, error.message].filter(Boolean).join(' ')) || 'unknown error';
  if (smtpCode !== undefined && smtpCode >= 500) return { status: 'failed', smtpCode, reply };
  if (attempt >= maxAttempts)
    return { status: 'failed', smtpCode, reply: `gave up after ${attempt} attempts: ${reply}` };
  return { status: 'deferred', smtpCode, reply };
}

/** The first reply code in an SMTP reply line such as `250 2.0.0 OK queued as 4F2A`. */
export function replyCode(reply: string | undefined): number | undefined {
  const match = /^(\d{3})[\s-]/.exec(reply ?? '');
  return match ? Number(match[1]) : undefined;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => HTML_ESCAPES[character]);
}

export interface MailParts {
  subject: string;
  text: string;
  html: string;
}

const OPT_OUT_WORDING: Record<string, string> = {
  en: 'You receive this message because you are staying with us. Stop automatic messages:',
  fr: 'Vous recevez ce message car vous séjournez chez nous. Ne plus recevoir de messages automatiques :',
  de: 'Sie erhalten diese Nachricht, weil Sie bei uns wohnen. Keine automatischen Nachrichten mehr:',
  es: 'Recibe este mensaje porque se aloja con nosotros. Dejar de recibir mensajes automáticos:',
  it: 'Riceve questo messaggio perché soggiorna da noi. Non ricevere più messaggi automatici:',
};

/** The opt-out line in the message's language (English when we have no wording for it). */
export function optOutWording(language: string): string {
  return OPT_OUT_WORDING[language.split('-')[0].toLowerCase()] ?? OPT_OUT_WORDING.en;
}

/**
 * The e-mail from a rendered template: the text as written, and the same text as HTML (paragraphs at blank lines,
 * line breaks kept, everything escaped); automatic messages end with the opt-out link.
 */
export function composeMail(input: {
  subject: string;
  body: string;
  language: string;
  propertyName: string;
  optOutUrl?: string;
}): MailParts {
  const footer = input.optOutUrl ? `${optOutWording(input.language)} ${input.optOutUrl}` : undefined;
  const text = footer ? `${input.body.trimEnd()}\n\n-- \n${footer}\n` : `${input.body.trimEnd()}\n`;
  const paragraphs = input.body
    .trim()
    .split(/\n\s*\n/)
    .map((paragraph) => `<p>${escapeHtml(paragraph).replace(/\n/g, '<br>')}</p>`)
    .join('\n');
  const footerHtml =
    footer && input.optOutUrl
      ? `\n<hr><p style="font-size:12px;color:#666">${escapeHtml(optOutWording(input.language))} ` +
        `<a href="${escapeHtml(input.optOutUrl)}">${escapeHtml(input.optOutUrl)}</a></p>`
      : '';
  const html =
    `<!doctype html>\n<html lang="${escapeHtml(input.language)}"><head><meta charset="utf-8">` +
    `<title>${escapeHtml(input.subject)}</title></head>\n<body style="font-family:sans-serif;line-height:1.5">\n` +
    `<h2>${escapeHtml(input.propertyName)}</h2>\n${paragraphs}${footerHtml}\n</body></html>\n`;
  return { subject: input.subject, text, html };
}
