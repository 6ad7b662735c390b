import type { EventEnvelope } from '@frontoffice/contracts';

/** Field names that hold personal data wherever they appear in a payload. */
const PERSONAL_FIELDS = new Set([
  'firstName',
  'lastName',
  'middleName',
  'fullName',
  'guestName',
  'email',
  'phone',
  'phoneNumber',
  'mobile',
  'address',
  'postalAddress',
  'dateOfBirth',
  'birthDate',
  'documentNumber',
  'passportNumber',
]);

/** Personal fields whose generic name only means a person in these event types (`name` of an employee). */
const PERSONAL_FIELDS_BY_TYPE: Readonly<Record<string, readonly string[]>> = {
  'employee.updated': ['name'],
};

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([key]) => !PERSONAL_FIELDS.has(key))
      .map(([key, child]) => [key, strip(child)]),
  );
}

/**
 * The envelope a subscription receives. Without `includePersonalData` (which only a manager or an admin can grant)
 * guests' and employees' names and contact details are left out; ids, dates, money and statuses stay.
 */
export function envelopeForSubscriber(event: EventEnvelope, includePersonalData: boolean): EventEnvelope {
  if (includePersonalData) return event;
  const data = strip(event.data) as Record<string, unknown>;
  for (const field of PERSONAL_FIELDS_BY_TYPE[event.type] ?? []) delete data[field];
  return { ...event, data };
}
