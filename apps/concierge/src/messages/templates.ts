import type { MessagePurpose } from '@frontoffice/contracts';

/** What every template may use: known from the stay and the property. */
export const COMMON_PLACEHOLDERS = [
  'guestFirstName',
  'guestLastName',
  'guestName',
  'roomNumber',
  'arrivalDate',
  'departureDate',
  'confirmationNumber',
  'propertyName',
] as const;

/** What a purpose adds; the sender gives these values when sending. */
export const PURPOSE_PLACEHOLDERS: Record<MessagePurpose, readonly string[]> = {
  pre_arrival: [],
  welcome: [],
  vip_welcome: ['managerName'],
  checkout_thanks: [],
  apology: ['apologyReason'],
  event_reminder: ['eventName', 'eventDate', 'eventTime', 'eventVenue'],
};

export function allowedPlaceholders(purpose: MessagePurpose): string[] {
  return [...COMMON_PLACEHOLDERS, ...PURPOSE_PLACEHOLDERS[purpose]];
}

const PLACEHOLDER = /\{\{\s*([A-Za-z][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names used in a text, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((match) => match[1]))];
}

/** `{{` or `}}` left over once well-formed placeholders are removed: a typo such as `{{guest name}}` or `{{name}`. */
function hasMalformedBraces(text: string): boolean {
  const rest = text.replace(PLACEHOLDER, '');
  return rest.includes('{{') || rest.includes('}}');
}

export interface TemplateProblem {
  field: string;
  messages: string[];
}

/** Checks a template's subject and body when it is saved: every placeholder must be one the purpose knows. */
export function templateProblems(purpose: MessagePurpose, parts: { subject: string; body: string }): TemplateProblem[] {
  const allowed = new Set(allowedPlaceholders(purpose));
  const problems: TemplateProblem[] = [];
  for (const field of ['subject', 'body'] as const) {
    const messages = placeholdersIn(parts[field])
      .filter((name) => !allowed.has(name))
      .map((name) => `unknown placeholder {{${name}}} (allowed for ${purpose}: ${[...allowed].join(', ')})`);
    if (hasMalformedBraces(parts[field])) messages.push(`${field} has a malformed placeholder: use {{name}}`);
    if (messages.length > 0) problems.push({ field, messages });
  }
  return problems;
}

/** Fills placeholders; any without a value is reported instead of being sent as `{{...}}` to a guest. */
export function render(text: string, values: Record<string, string | undefined>): { text: string; missing: string[] } {
  const missing = placeholdersIn(text).filter((name) => values[name] === undefined || values[name] === '');
  return {
    text: text.replace(PLACEHOLDER, (whole, name: string) => values[name] ?? whole),
    missing,
  };
}

function primary(tag: string): string {
  return tag.split('-')[0].toLowerCase();
}

/** The available language best matching `wanted`: the same tag, else one of the same language (en-GB ~ en). */
function bestMatch(available: string[], wanted: string | null | undefined): string | undefined {
  if (!wanted) return undefined;
  const exact = available.find((language) => language.toLowerCase() === wanted.toLowerCase());
  if (exact) return exact;
  const base = available.filter((language) => primary(language) === primary(wanted));
  return base.find((language) => language.toLowerCase() === primary(wanted)) ?? base.sort()[0];
}

export interface LanguageChoice {
  language: string;
  fallbackUsed: boolean;
  source: 'guest' | 'property_fallback' | 'any_available';
}

/**
 * The guest is addressed in their language; without a template in it, in the property's fallback language; and
 * without that either, in whatever language the template exists (alphabetically first, so it is predictable).
 */
export function chooseLanguage(
  available: string[],
  guestLanguage: string | null | undefined,
  propertyFallback: string,
): LanguageChoice | undefined {
  if (available.length === 0) return undefined;
  const forGuest = bestMatch(available, guestLanguage);
  if (forGuest) return { language: forGuest, fallbackUsed: false, source: 'guest' };
  const fallback = bestMatch(available, propertyFallback);
  if (fallback) return { language: fallback, fallbackUsed: true, source: 'property_fallback' };
  return { language: [...available].sort()[0], fallbackUsed: true, source: 'any_available' };
}
