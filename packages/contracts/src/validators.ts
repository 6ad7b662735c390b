import {
  IsISO31661Alpha2,
  Matches,
  registerDecorator,
  ValidateIf,
  ValidatorConstraint,
  type ValidationArguments,
  type ValidationOptions,
  type ValidatorConstraintInterface,
} from 'class-validator';

/**
 * Names of the custom constraints below. The AsyncAPI generator maps each one to a JSON Schema fragment, so a
 * constraint added here without a mapping shows up as a bare `type: string` in the published contract.
 */
export const CUSTOM_CONSTRAINTS = {
  localDate: 'isLocalDate',
  afterLocalDate: 'isAfterLocalDate',
  ianaTimeZone: 'isIanaTimeZone',
  languageTag: 'isLanguageTag',
  utcInstant: 'isUtcInstant',
  nonEmptyStringOrNull: 'isNonEmptyStringOrNull',
} as const;

const LOCAL_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The years a stay, business or report date may fall in. Far enough for birth dates and long-term contracts, near
 * enough that no range computed from two dates (a year 0000 to 9999 availability query) can stall a service.
 */
export const LOCAL_DATE_MIN_YEAR = 1900;
export const LOCAL_DATE_MAX_YEAR = 2199;

/** `YYYY-MM-DD` naming a day that exists in 1900–2199: 2026-02-30 has the right shape but is refused. */
export function isLocalDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = LOCAL_DATE_PATTERN.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (year < LOCAL_DATE_MIN_YEAR || year > LOCAL_DATE_MAX_YEAR) return false;
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** Stay and business dates are property-local calendar days, not instants, so they carry no time or offset. */
export function IsLocalDate(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: CUSTOM_CONSTRAINTS.localDate,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => isLocalDate(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be a calendar date formatted YYYY-MM-DD, between ${LOCAL_DATE_MIN_YEAR}-01-01 and ${LOCAL_DATE_MAX_YEAR}-12-31`,
      },
    });
}

@ValidatorConstraint({ name: CUSTOM_CONSTRAINTS.afterLocalDate })
export class IsAfterLocalDateConstraint implements ValidatorConstraintInterface {
  validate(value: unknown, args: ValidationArguments): boolean {
    const [earlierProperty] = args.constraints as [string];
    const earlier: unknown = (args.object as Record<string, unknown>)[earlierProperty];
    // A malformed date on either side is already reported by its own @IsLocalDate; one message per mistake.
    if (!isLocalDate(value) || !isLocalDate(earlier)) return true;
    return value > earlier;
  }

  defaultMessage(args: ValidationArguments): string {
    const [earlierProperty] = args.constraints as [string];
    return `${args.property} must be after ${earlierProperty}`;
  }
}

/** The decorated local date must fall strictly after the local date held by `earlierProperty` on the same object. */
export function IsAfterLocalDate(earlierProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      constraints: [earlierProperty],
      validator: IsAfterLocalDateConstraint,
    });
}

/** Offsets such as '+01:00' are refused: a property follows its zone's daylight-saving rules, a fixed offset does not. */
const TIME_ZONE_NAME_PATTERN = /^[A-Za-z][A-Za-z_]*(\/[A-Za-z0-9_+-]+)*$/;

export function isIanaTimeZone(value: unknown): value is string {
  if (typeof value !== 'string' || !TIME_ZONE_NAME_PATTERN.test(value)) return false;
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/** An IANA time zone name the runtime knows, e.g. 'Europe/Paris'. */
export function IsIanaTimeZone(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: CUSTOM_CONSTRAINTS.ianaTimeZone,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => isIanaTimeZone(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be an IANA time zone name such as Europe/Paris`,
      },
    });
}

/**
 * Intl alone accepts any 5-8 letter word as a language subtag ('english'); requiring a 2-3 letter ISO 639 code
 * first keeps free text out while still allowing script, region and variant subtags.
 */
const LANGUAGE_TAG_PATTERN = /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/;

export function isLanguageTag(value: unknown): value is string {
  if (typeof value !== 'string' || !LANGUAGE_TAG_PATTERN.test(value)) return false;
  try {
    Intl.getCanonicalLocales(value);
    return true;
  } catch {
    return false;
  }
}

/** A BCP 47 language tag such as 'fr' or 'en-GB': the language the desk should speak with the guest. */
export function IsLanguageTag(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: CUSTOM_CONSTRAINTS.languageTag,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => isLanguageTag(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be a BCP 47 language tag such as fr or en-GB`,
      },
    });
}

/** Millisecond precision or finer, always in UTC ('Z'), so instants compare correctly as plain strings too. */
const UTC_INSTANT_PATTERN = /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,9})?Z$/;

export function isUtcInstant(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = UTC_INSTANT_PATTERN.exec(value);
  return match !== null && isLocalDate(match[1]);
}

/** An ISO-8601 instant in UTC, e.g. '2026-03-01T09:30:00.000Z'. */
export function IsUtcInstant(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: CUSTOM_CONSTRAINTS.utcInstant,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => isUtcInstant(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be an ISO-8601 UTC instant such as 2026-03-01T09:30:00.000Z`,
      },
    });
}

/** For fields that must be present but may be explicitly null (e.g. an envelope's causationId). */
export function IsNonEmptyStringOrNull(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: CUSTOM_CONSTRAINTS.nonEmptyStringOrNull,
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => value === null || (typeof value === 'string' && value.length > 0),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} must be a non-empty string or null`,
      },
    });
}

/**
 * The shape of the code is checked, not membership of today's ISO list: the list changes (ZWG in 2024, XCG in
 * 2025), and a stale copy would dead-letter every event of a property that bills in a new currency.
 */
export const CURRENCY_CODE_PATTERN = /^[A-Z]{3}$/;

/** An ISO-4217 alphabetic currency code such as 'EUR'. */
export function IsCurrencyCode(options?: ValidationOptions): PropertyDecorator {
  return Matches(CURRENCY_CODE_PATTERN, {
    message: ({ property }) => `${property} must be an ISO-4217 currency code such as EUR`,
    ...options,
  });
}

/** An ISO 3166-1 alpha-2 country code in upper case, e.g. 'FR'; the library alone would also accept 'fr'. */
export function IsCountryCode(options?: ValidationOptions): PropertyDecorator {
  const mustBeUpperCase = Matches(/^[A-Z]{2}$/, {
    message: ({ property }) => `${property} must be an upper-case ISO 3166-1 alpha-2 country code such as FR`,
    ...options,
  });
  const mustBeAssigned = IsISO31661Alpha2(options);
  return (target: object, propertyName: string | symbol) => {
    mustBeUpperCase(target, propertyName);
    mustBeAssigned(target, propertyName);
  };
}

/**
 * Like @IsOptional, but only an absent field is skipped: the TypeScript type says `field?: T`, not `T | null`, so a
 * null must fail instead of reaching a consumer that only checks for undefined.
 */
export function Omittable(options?: ValidationOptions): PropertyDecorator {
  return ValidateIf((_object: object, value: unknown) => value !== undefined, options);
}
