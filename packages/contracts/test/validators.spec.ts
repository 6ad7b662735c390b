import { plainToInstance, Type } from 'class-transformer';
import { IsObject, validateSync, ValidateNested } from 'class-validator';
import {
  IsLocalDate,
  isIanaTimeZone,
  isLanguageTag,
  isLocalDate,
  isUtcInstant,
  Money,
  STAFF_ROLES,
  VIP_LEVELS,
} from '../src';

/** How a service's HTTP DTO uses the shared value types. */
class StayRequestDto {
  @IsLocalDate({ message: 'arrival must be a real day, YYYY-MM-DD' })
  arrival!: string;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  deposit!: Money;
}

function failedProperties(dto: object): string[] {
  return validateSync(dto).map((error) => error.property);
}

describe('isLocalDate', () => {
  it.each(['2026-03-01', '2024-02-29', '2000-02-29', '2026-12-31', '2026-04-30'])('accepts %s', (value) => {
    expect(isLocalDate(value)).toBe(true);
  });

  it.each([
    '2026-02-30',
    '2026-02-29',
    '1900-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-03-00',
    '2026-3-1',
    '2026-03-01T00:00:00Z',
    ' 2026-03-01',
    20260301,
    null,
  ])('refuses %p', (value) => {
    expect(isLocalDate(value)).toBe(false);
  });
});

describe('IsLocalDate on a DTO', () => {
  it('refuses an impossible date with the message the DTO chose', () => {
    const dto = plainToInstance(StayRequestDto, {
      arrival: '2026-02-30',
      deposit: { amountMinor: 5000, currency: 'EUR' },
    });
    const [error] = validateSync(dto);
    expect(error?.property).toBe('arrival');
    expect(Object.values(error?.constraints ?? {})).toEqual(['arrival must be a real day, YYYY-MM-DD']);
  });
});

describe('Money', () => {
  const dtoWith = (deposit: unknown) => plainToInstance(StayRequestDto, { arrival: '2026-03-01', deposit });

  it.each([
    { amountMinor: 5000, currency: 'EUR' },
    { amountMinor: -1250, currency: 'JPY' },
    { amountMinor: 0, currency: 'ZWG' },
  ])('accepts %p', (deposit) => {
    expect(failedProperties(dtoWith(deposit))).toEqual([]);
  });

  it.each([
    { amountMinor: 50.5, currency: 'EUR' },
    { amountMinor: Number.MAX_SAFE_INTEGER + 1, currency: 'EUR' },
    { amountMinor: '5000', currency: 'EUR' },
    { amountMinor: 5000, currency: 'eur' },
    { amountMinor: 5000 },
    12.5,
  ])('refuses %p', (deposit) => {
    expect(failedProperties(dtoWith(deposit))).toEqual(['deposit']);
  });
});

describe('isIanaTimeZone', () => {
  it.each(['Europe/Paris', 'America/Argentina/Buenos_Aires', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5'])(
    'accepts %s',
    (zone) => {
      expect(isIanaTimeZone(zone)).toBe(true);
    },
  );

  it.each(['Europe/Atlantis', '+01:00', 'GMT+1:00', 'Paris', '', 42])('refuses %p', (zone) => {
    expect(isIanaTimeZone(zone)).toBe(false);
  });
});

describe('isLanguageTag', () => {
  it.each(['fr', 'en-GB', 'zh-Hant-TW', 'es-419', 'gsw'])('accepts %s', (tag) => {
    expect(isLanguageTag(tag)).toBe(true);
  });

  it.each(['english', 'en_GB', 'e', 'en-', 'fr-FR-', '', null])('refuses %p', (tag) => {
    expect(isLanguageTag(tag)).toBe(false);
  });
});

describe('isUtcInstant', () => {
  it.each(['2026-03-01T09:30:00Z', '2026-03-01T09:30:00.123Z', '2026-03-01T23:59:59.123456Z'])(
    'accepts %s',
    (value) => {
      expect(isUtcInstant(value)).toBe(true);
    },
  );

  it.each(['2026-03-01T09:30:00+00:00', '2026-03-01 09:30:00Z', '2026-02-30T09:30:00Z', '2026-03-01T24:00:00Z'])(
    'refuses %s',
    (value) => {
      expect(isUtcInstant(value)).toBe(false);
    },
  );
});

describe('shared vocabularies', () => {
  it('lists the VIP levels', () => {
    expect(VIP_LEVELS).toEqual(['none', 'vip', 'vvip']);
  });

  it('lists the token roles of DESIGN.md', () => {
    expect(STAFF_ROLES).toEqual(['front_desk', 'front_office_manager', 'concierge', 'porter', 'finance', 'admin']);
  });
});
