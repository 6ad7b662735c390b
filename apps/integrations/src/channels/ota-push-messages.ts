import { addDays } from '@frontoffice/platform';
import { XMLBuilder } from 'fast-xml-parser';
import { randomUUID } from 'node:crypto';

export const OTA_NAMESPACE = 'http://www.opentravel.org/OTA/2003/05';

export interface ChannelCodes {
  hotelCode: string;
  roomTypes: { code: string; roomTypeId: string }[];
  ratePlans: { code: string; ratePlanId: string }[];
}

export interface AvailabilityNight {
  roomTypeId: string;
  date: string;
  available: number;
}

export interface RateNight {
  roomTypeId: string;
  ratePlanId: string;
  date: string;
  amountMinor: number;
  currency: string;
}

/** Consecutive nights with the same value; `end` is the last night, inclusive, as OpenTravel date spans are. */
export interface Run<V> {
  start: string;
  end: string;
  value: V;
}

/** Groups nights sorted by date into runs of one value (compared by `sameAs`). */
export function runsOf<N extends { date: string }, V>(
  nights: readonly N[],
  valueOf: (night: N) => V,
  sameAs: (a: V, b: V) => boolean = (a, b) => a === b,
): Run<V>[] {
  const runs: Run<V>[] = [];
  for (const night of [...nights].sort((a, b) => a.date.localeCompare(b.date))) {
    const value = valueOf(night);
    const last = runs[runs.length - 1];
    if (last && addDays(last.end, 1) === night.date && sameAs(last.value, value)) last.end = night.date;
    else runs.push({ start: night.date, end: night.date, value });
  }
  return runs;
}

/** Minor units as the decimal OpenTravel amounts carry, with the currency's own number of decimals (JPY 0, EUR 2). */
export function decimalAmount(amountMinor: number, currency: string): string {
  const digits =
    new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  if (digits === 0) return String(amountMinor);
  const sign = amountMinor < 0 ? '-' : '';
  const text = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  return `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  suppressEmptyNode: true,
  format: true,
});

function document(root: string, body: Record<string, unknown>): string {
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    [root]: {
      '@xmlns': OTA_NAMESPACE,
      '@EchoToken': randomUUID(),
      '@TimeStamp': new Date().toISOString(),
      '@Version': '1.0',
      ...body,
    },
  }) as string;
}

function codesByRoomType(codes: ChannelCodes): Map<string, string[]> {
  const byType = new Map<string, string[]>();
  for (const { code, roomTypeId } of codes.roomTypes) byType.set(roomTypeId, [...(byType.get(roomTypeId) ?? []), code]);
  return byType;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const name = key(item);
    const group = groups.get(name);
    if (group) group.push(item);
    else groups.set(name, [item]);
  }
  return groups;
}

/**
 * OTA_HotelAvailNotifRQ: rooms left to sell (BookingLimit) per channel room type code over runs of nights; a night
 * with none is also closed (RestrictionStatus Close). Undefined when none of the nights is of a mapped room type.
 */
export function availNotif(codes: ChannelCodes, nights: readonly AvailabilityNight[]): string | undefined {
  const byType = codesByRoomType(codes);
  const messages: Record<string, unknown>[] = [];
  for (const [roomTypeId, typeNights] of groupBy(nights, (night) => night.roomTypeId)) {
    for (const code of byType.get(roomTypeId) ?? []) {
      for (const run of runsOf(typeNights, (night) => night.available)) {
        messages.push({
          '@BookingLimit': String(run.value),
          '@BookingLimitMessageType': 'SetLimit',
          StatusApplicationControl: { '@Start': run.start, '@End': run.end, '@InvTypeCode': code },
          RestrictionStatus: { '@Status': run.value > 0 ? 'Open' : 'Close' },
        });
      }
    }
  }
  if (messages.length === 0) return undefined;
  return document('OTA_HotelAvailNotifRQ', {
    AvailStatusMessages: { '@HotelCode': codes.hotelCode, AvailStatusMessage: messages },
  });
}

/** OTA_HotelRateAmountNotifRQ: the nightly price per (room type code, rate plan code) over runs of nights. */
export function rateAmountNotif(codes: ChannelCodes, nights: readonly RateNight[]): string | undefined {
  const byType = codesByRoomType(codes);
  const messages: Record<string, unknown>[] = [];
  for (const [, planNights] of groupBy(nights, (night) => `${night.roomTypeId}/${night.ratePlanId}`)) {
    const { roomTypeId, ratePlanId } = planNights[0];
    const planCodes = codes.ratePlans.filter((plan) => plan.ratePlanId === ratePlanId).map((plan) => plan.code);
    for (const roomCode of byType.get(roomTypeId) ?? []) {
      for (const planCode of planCodes) {
        for (const run of runsOf(
          planNights,
          (night) => ({ amountMinor: night.amountMinor, currency: night.currency }),
          (a, b) => a.amountMinor === b.amountMinor && a.currency === b.currency,
        )) {
          messages.push({
            StatusApplicationControl: {
              '@Start': run.start,
              '@End': run.end,
              '@InvTypeCode': roomCode,
              '@RatePlanCode': planCode,
            },
            Rates: {
              Rate: {
                BaseByGuestAmts: {
                  BaseByGuestAmt: {
                    '@AmountAfterTax': decimalAmount(run.value.amountMinor, run.value.currency),
                    '@CurrencyCode': run.value.currency,
                  },
                },
              },
            },
          });
        }
      }
    }
  }
  if (messages.length === 0) return undefined;
  return document('OTA_HotelRateAmountNotifRQ', {
    RateAmountMessages: { '@HotelCode': codes.hotelCode, RateAmountMessage: messages },
  });
}

/** A channel accepted a notification when it answered 2xx with an RS that holds Success and no Errors. */
export function accepted(statusCode: number | undefined, body: string | undefined): boolean {
  if (statusCode === undefined || statusCode < 200 || statusCode >= 300 || !body) return false;
  return /<(\w+:)?Success\s*\/?>/.test(body) && !/<(\w+:)?Errors\b/.test(body);
}
