import { isLocalDate } from '@frontoffice/contracts';
import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { createHash } from 'node:crypto';
import { OTA_ERRORS, OtaErrorKind, OtaFault } from './ota-errors';

export const OTA_NAMESPACE = 'http://www.opentravel.org/OTA/2003/05';
const REQUEST_ROOT = 'OTA_HotelResNotifRQ';
const ANSWER_ROOT = 'OTA_HotelResNotifRS';
/** UIT (Unique ID Type) 14: a reservation; the channel's id and our confirmation number both carry it. */
const RESERVATION_ID_TYPE = '14';
const ADULT = '10';
const CHILD = '8';
const REPEATED = new Set([
  'HotelReservation',
  'RoomStay',
  'RoomType',
  'RatePlan',
  'RoomRate',
  'GuestCount',
  'ResGuest',
  'ProfileInfo',
  'HotelReservationID',
  'GivenName',
  'Email',
  'Telephone',
  'Comment',
]);

export type OtaAction = 'Commit' | 'Modify' | 'Cancel';

export interface OtaGuest {
  firstName: string;
  lastName: string;
  email?: string;
  phone?: string;
}

/** One booking as a channel sent it, in the channel's own codes. */
export interface OtaReservation {
  action: OtaAction;
  channelReservationId: string;
  hotelCode: string;
  roomTypeCode?: string;
  ratePlanCode?: string;
  arrival?: string;
  departure?: string;
  adults?: number;
  children?: number;
  guest?: OtaGuest;
  comments?: string;
}

export interface OtaRequest {
  echoToken?: string;
  reservation: OtaReservation;
}

type Node = Record<string, unknown>;

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name) => REPEATED.has(name),
  // DTDs are refused before parsing (rejectDeclarations); only XML's five predefined entities are expanded.
  processEntities: true,
  htmlEntities: false,
  maxNestedTags: 64,
});

const builder = new XMLBuilder({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  suppressEmptyNode: true,
  format: true,
});

const fault = (kind: OtaErrorKind, message: string) => new OtaFault(kind, message);

/**
 * Refuses a document type declaration or entity declaration wherever it appears: external entities (XXE) and
 * entity expansion (billion laughs) both need one, and no OpenTravel message has any use for it.
 */
export function rejectDeclarations(xml: string): void {
  if (/<!DOCTYPE/i.test(xml) || /<!ENTITY/i.test(xml)) {
    throw fault(OTA_ERRORS.malformed, 'Document type and entity declarations are refused');
  }
}

function node(value: unknown): Node | undefined {
  return value !== null && typeof value === 'object' && !Array.isArray(value) ? (value as Node) : undefined;
}

function first(value: unknown): Node | undefined {
  return Array.isArray(value) ? node(value[0]) : node(value);
}

function all(value: unknown): Node[] {
  const items: unknown[] = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items.flatMap((item): Node[] => {
    const element = node(item);
    return element ? [element] : [];
  });
}

/** Follows a path of element names, taking the first of repeated elements. */
function path(root: Node | undefined, ...names: string[]): Node | undefined {
  let current = root;
  for (const name of names) current = first(current?.[name]);
  return current;
}

function attribute(element: Node | undefined, name: string): string | undefined {
  const value = element?.[`@${name}`];
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function text(value: unknown): string | undefined {
  const element = Array.isArray(value) ? value[0] : value;
  if (typeof element === 'string') return element.trim() || undefined;
  const inner = node(element)?.['#text'];
  return typeof inner === 'string' ? inner.trim() || undefined : undefined;
}

function count(value: string | undefined, field: string): number {
  if (value === undefined || !/^\d{1,2}$/.test(value)) {
    throw fault(OTA_ERRORS.invalidValue, `${field} must be a whole number of guests`);
  }
  return Number(value);
}

function action(value: string | undefined): OtaAction {
  switch (value) {
    case 'Commit':
    case 'Book':
      return 'Commit';
    case 'Modify':
      return 'Modify';
    case 'Cancel':
      return 'Cancel';
    case undefined:
      throw fault(OTA_ERRORS.requiredFieldMissing, 'ResStatus (Commit, Modify or Cancel) is missing');
    default:
      throw fault(OTA_ERRORS.notImplemented, `ResStatus ${value} is not supported: send Commit, Modify or Cancel`);
  }
}

/** The dates of TimeSpan; Start before End, both calendar dates (a date-time keeps its date part). */
function stayDates(timeSpan: Node | undefined): { arrival: string; departure: string } {
  const start = attribute(timeSpan, 'Start')?.slice(0, 10);
  const end = attribute(timeSpan, 'End')?.slice(0, 10);
  if (!start || !end) throw fault(OTA_ERRORS.requiredFieldMissing, 'RoomStay/TimeSpan needs Start and End');
  if (!isLocalDate(start)) throw fault(OTA_ERRORS.invalidDate, `TimeSpan Start ${start} is not a date`);
  if (!isLocalDate(end)) throw fault(OTA_ERRORS.invalidDate, `TimeSpan End ${end} is not a date`);
  if (end <= start) throw fault(OTA_ERRORS.invalidDateRange, `TimeSpan End ${end} is not after Start ${start}`);
  return { arrival: start, departure: end };
}

function guestOf(reservation: Node): OtaGuest {
  const customer = path(reservation, 'ResGuests', 'ResGuest', 'Profiles', 'ProfileInfo', 'Profile', 'Customer');
  const name = path(customer, 'PersonName');
  const firstName = text(name?.GivenName);
  const lastName = text(name?.Surname);
  if (!lastName || !firstName) {
    throw fault(OTA_ERRORS.requiredFieldMissing, 'ResGuest/Customer/PersonName needs GivenName and Surname');
  }
  const email = text(customer?.Email);
  // Channels send phones as guests typed them; one that is not a number in E.164 once spaced out is left out, a
  // booking is never refused over it.
  const phone = attribute(first(customer?.Telephone), 'PhoneNumber')?.replace(/[\s().-]/g, '');
  const validPhone = phone && /^\+[1-9]\d{6,14}$/.test(phone) ? phone : undefined;
  return { firstName, lastName, ...(email ? { email } : {}), ...(validPhone ? { phone: validPhone } : {}) };
}

/** Reads an OTA_HotelResNotifRQ (OpenTravel 2015B or later) carrying one HotelReservation with one room. */
export function parseResNotif(xml: string): OtaRequest {
  rejectDeclarations(xml);
  const valid = XMLValidator.validate(xml);
  if (valid !== true)
    throw fault(OTA_ERRORS.malformed, `Not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  const document = parser.parse(xml) as Node;
  const root = node(document[REQUEST_ROOT]);
  if (!root) {
    const name = Object.keys(document).find((key) => !key.startsWith('?')) ?? 'nothing';
    throw fault(OTA_ERRORS.malformed, `Expected ${REQUEST_ROOT}, got ${name}`);
  }
  const reservations = all(node(root.HotelReservations)?.HotelReservation);
  if (reservations.length !== 1) {
    throw fault(
      reservations.length === 0 ? OTA_ERRORS.requiredFieldMissing : OTA_ERRORS.notImplemented,
      'Send exactly one HotelReservation per message',
    );
  }
  const reservation = reservations[0];
  const resAction = action(attribute(root, 'ResStatus') ?? attribute(reservation, 'ResStatus'));
  const ids = all(path(reservation, 'ResGlobalInfo', 'HotelReservationIDs')?.HotelReservationID);
  const channelReservationId =
    attribute(path(reservation, 'UniqueID'), 'ID') ??
    attribute(
      ids.find((id) => attribute(id, 'ResID_Type') === RESERVATION_ID_TYPE),
      'ResID_Value',
    );
  if (!channelReservationId) {
    throw fault(OTA_ERRORS.requiredFieldMissing, 'HotelReservation/UniqueID (the channel reservation id) is missing');
  }
  if (channelReservationId.length > 64) throw fault(OTA_ERRORS.invalidValue, 'UniqueID ID is longer than 64');
  const roomStays = all(node(reservation.RoomStays)?.RoomStay);
  if (roomStays.length > 1) throw fault(OTA_ERRORS.notImplemented, 'Send one RoomStay per HotelReservation');
  const roomStay = roomStays[0];
  const hotelCode =
    attribute(path(roomStay, 'BasicPropertyInfo'), 'HotelCode') ??
    attribute(path(reservation, 'ResGlobalInfo', 'BasicPropertyInfo'), 'HotelCode') ??
    attribute(node(root.HotelReservations), 'HotelCode');
  if (!hotelCode) throw fault(OTA_ERRORS.requiredFieldMissing, 'BasicPropertyInfo HotelCode is missing');
  const echoToken = attribute(root, 'EchoToken');
  if (resAction === 'Cancel') {
    return { echoToken, reservation: { action: resAction, channelReservationId, hotelCode } };
  }
  if (!roomStay) throw fault(OTA_ERRORS.requiredFieldMissing, 'HotelReservation/RoomStays/RoomStay is missing');
  const roomRate = path(roomStay, 'RoomRates', 'RoomRate');
  const units = attribute(roomRate, 'NumberOfUnits');
  if (units !== undefined && units !== '1')
    throw fault(OTA_ERRORS.notImplemented, 'Book one room per HotelReservation');
  const roomTypeCode =
    attribute(path(roomStay, 'RoomTypes', 'RoomType'), 'RoomTypeCode') ?? attribute(roomRate, 'RoomTypeCode');
  if (!roomTypeCode) throw fault(OTA_ERRORS.requiredFieldMissing, 'RoomType RoomTypeCode is missing');
  const ratePlanCode =
    attribute(path(roomStay, 'RatePlans', 'RatePlan'), 'RatePlanCode') ?? attribute(roomRate, 'RatePlanCode');
  const counts = all(node(roomStay.GuestCounts)?.GuestCount);
  const adults = counts
    .filter((guestCount) => (attribute(guestCount, 'AgeQualifyingCode') ?? ADULT) === ADULT)
    .reduce((sum, guestCount) => sum + count(attribute(guestCount, 'Count'), 'GuestCount Count'), 0);
  const children = counts
    .filter((guestCount) => attribute(guestCount, 'AgeQualifyingCode') === CHILD)
    .reduce((sum, guestCount) => sum + count(attribute(guestCount, 'Count'), 'GuestCount Count'), 0);
  if (adults < 1)
    throw fault(OTA_ERRORS.requiredFieldMissing, 'GuestCounts needs at least one adult (AgeQualifyingCode 10)');
  const comments = all(path(reservation, 'ResGlobalInfo', 'Comments')?.Comment)
    .map((comment) => text(comment.Text) ?? text(comment))
    .filter((comment): comment is string => comment !== undefined)
    .join('\n');
  return {
    echoToken,
    reservation: {
      action: resAction,
      channelReservationId,
      hotelCode,
      roomTypeCode,
      ...(ratePlanCode ? { ratePlanCode } : {}),
      ...stayDates(path(roomStay, 'TimeSpan')),
      adults,
      children,
      guest: guestOf(reservation),
      ...(comments ? { comments: comments.slice(0, 2000) } : {}),
    },
  };
}

/** What a replay is compared on: the booking's content, not the envelope (EchoToken and TimeStamp change on resend). */
export function digestOf(reservation: OtaReservation): string {
  const ordered = Object.fromEntries(Object.entries(reservation).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(ordered)).digest('hex');
}

function envelope(echoToken: string | undefined, body: Node): string {
  return builder.build({
    '?xml': { '@version': '1.0', '@encoding': 'UTF-8' },
    [ANSWER_ROOT]: {
      '@xmlns': OTA_NAMESPACE,
      ...(echoToken ? { '@EchoToken': echoToken } : {}),
      '@TimeStamp': new Date().toISOString(),
      '@Version': '1.0',
      ...body,
    },
  }) as string;
}

export interface OtaConfirmation {
  action: OtaAction;
  channelReservationId: string;
  confirmationNumber: string;
}

export function successAnswer(echoToken: string | undefined, confirmation: OtaConfirmation): string {
  return envelope(echoToken, {
    Success: '',
    HotelReservations: {
      HotelReservation: {
        '@ResStatus': confirmation.action,
        UniqueID: { '@Type': RESERVATION_ID_TYPE, '@ID': confirmation.channelReservationId },
        ResGlobalInfo: {
          HotelReservationIDs: {
            HotelReservationID: {
              '@ResID_Type': RESERVATION_ID_TYPE,
              '@ResID_Value': confirmation.confirmationNumber,
              '@ResID_Source': 'frontoffice',
            },
          },
        },
      },
    },
  });
}

export function errorAnswer(echoToken: string | undefined, kind: OtaErrorKind, message: string): string {
  return envelope(echoToken, {
    Errors: {
      Error: { '@Type': String(kind.type), '@Code': String(kind.code), '@ShortText': kind.shortText, '#text': message },
    },
  });
}

/** The EchoToken of a message we refuse to parse fully, when it can be read at all (echoed back to the channel). */
export function echoTokenOf(xml: string): string | undefined {
  return /<(?:\w+:)?OTA_HotelResNotifRQ\b[^>]*\bEchoToken="([^"<>&]{1,128})"/.exec(xml.slice(0, 4096))?.[1];
}
