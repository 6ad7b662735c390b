import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';
import type { FieldProblem } from './problem';

/** Luhn checksum, as every payment card number satisfies. */
export function passesLuhn(digits: string): boolean {
  let sum = 0;
  for (let index = 0; index < digits.length; index += 1) {
    let digit = Number(digits[digits.length - 1 - index]);
    if (index % 2 === 1) {
      digit *= 2;
      if (digit > 9) digit -= 9;
    }
    sum += digit;
  }
  return sum % 10 === 0;
}

export const PAN_MIN_DIGITS = 13;
export const PAN_MAX_DIGITS = 19;

/**
 * Runs of digit groups joined by short runs of separators (any blank or punctuation, mixed: `4111 1111.1111-1111`,
 * `4111_1111_1111_1111`). A letter ends a run, so words keep numbers apart.
 */
const DIGIT_CHAIN = /\d+(?:[^\p{L}\p{N}]{1,3}\d+)*/gu;

/**
 * True when the text holds something that could be a card number (PAN): 13 to 19 digits, with or without
 * separators, passing the Luhn check. Every span of whole digit groups is tried, so a number followed by its expiry
 * (`4111111111111111 1228`) or preceded by other digits is still found.
 */
export function looksLikeCardNumber(text: string): boolean {
  for (const [chain] of text.matchAll(DIGIT_CHAIN)) {
    const groups = chain.match(/\d+/g)!;
    for (let first = 0; first < groups.length; first += 1) {
      let digits = '';
      for (let last = first; last < groups.length; last += 1) {
        digits += groups[last];
        if (digits.length > PAN_MAX_DIGITS) break;
        if (digits.length >= PAN_MIN_DIGITS && passesLuhn(digits)) return true;
      }
    }
  }
  return false;
}

export function cardNumberMessage(field: string): string {
  return `${field} looks like a payment card number: card numbers are never accepted (give a processor reference or the last four digits)`;
}

/** Refuses a field that carries a card number (the platform's pipe already checks every string of every request). */
export function HasNoCardNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasNoCardNumber',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !looksLikeCardNumber(value),
        defaultMessage: (args?: ValidationArguments) => cardNumberMessage(args?.property ?? 'value'),
      },
    });
}

/** Strings that are identifiers, not free text: never a PAN, and a UUID's digit groups must not look like one. */
const STRUCTURED = /^(?:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/i;

const PHONE_FIELD = /(?:phone|mobile|fax|tel)$/i;
const PHONE_VALUE = /^\+?[\d\s().-]+$/;
/** E.164 numbers have at most 15 digits. */
const PHONE_MAX_DIGITS = 15;

/**
 * A phone number in a phone field: one in ten 13–15-digit numbers passes Luhn (`+4915112345678` does), and a guest's
 * mobile must not be refused as a card. A 16-to-19-digit value is no phone number and is still checked.
 */
function isPhoneNumber(path: string, value: string): boolean {
  return PHONE_FIELD.test(path) && PHONE_VALUE.test(value) && (value.match(/\d/g)?.length ?? 0) <= PHONE_MAX_DIGITS;
}

/**
 * Every string field of a request (body or query, at any depth) that holds a card number, by its path
 * (`guest.lastName`, `lines[2].description`). Applied to every route by the platform's validation pipe.
 */
export function cardNumberProblems(value: unknown, path = ''): FieldProblem[] {
  if (typeof value === 'string') {
    if (STRUCTURED.test(value) || isPhoneNumber(path, value) || !looksLikeCardNumber(value)) return [];
    const field = path || 'body';
    return [{ field, messages: [cardNumberMessage(field)] }];
  }
  if (Array.isArray(value)) {
    return value.flatMap((item, index) => cardNumberProblems(item, `${path}[${index}]`));
  }
  if (value !== null && typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).flatMap(([key, item]) =>
      cardNumberProblems(item, path ? `${path}.${key}` : key),
    );
  }
  return [];
}
