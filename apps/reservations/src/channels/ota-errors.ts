/**
 * OpenTravel error vocabulary: `Type` from the Error Warning Type list (EWT), `Code` from the Error Codes list (ERR).
 * `httpStatus` follows one rule: 200 for every message we read and answered (Success or business Errors, which the
 * channel reads in the body); 4xx for a request we refused to read (credentials, size, not an OpenTravel document);
 * 503 for our own failure, so the channel retries later. Every one of them carries an OTA_HotelResNotifRS body.
 */
export const EWT = {
  noImplementation: 2,
  bizRule: 3,
  authentication: 4,
  authorization: 6,
  protocolViolation: 7,
  requiredFieldMissing: 10,
  processingException: 12,
} as const;

export interface OtaErrorKind {
  type: number;
  code: number;
  shortText: string;
  httpStatus: number;
}

const kind = (type: number, code: number, shortText: string, httpStatus = 200): OtaErrorKind => ({
  type,
  code,
  shortText,
  httpStatus,
});

export const OTA_ERRORS = {
  invalidDate: kind(EWT.bizRule, 15, 'Invalid date'),
  bookingAlreadyCancelled: kind(EWT.bizRule, 95, 'Booking already cancelled'),
  invalidStartDate: kind(EWT.bizRule, 136, 'Invalid start date'),
  invalidConfirmationNumber: kind(EWT.bizRule, 245, 'Invalid confirmation number'),
  invalidRateCode: kind(EWT.bizRule, 249, 'Invalid rate code'),
  invalidValue: kind(EWT.bizRule, 320, 'Invalid value'),
  requiredFieldMissing: kind(EWT.requiredFieldMissing, 321, 'Required field missing'),
  noAvailability: kind(EWT.bizRule, 322, 'No availability'),
  invalidHotelCode: kind(EWT.bizRule, 392, 'Invalid hotel code'),
  invalidRoomType: kind(EWT.bizRule, 402, 'Invalid room type'),
  invalidDateRange: kind(EWT.bizRule, 404, 'Invalid start date-end date combination'),
  unableToProcess: kind(EWT.bizRule, 450, 'Unable to process'),
  notImplemented: kind(EWT.noImplementation, 450, 'Unable to process'),
  malformed: kind(EWT.protocolViolation, 450, 'Unable to process', 400),
  tooLarge: kind(EWT.protocolViolation, 450, 'Unable to process', 413),
  unsupportedMediaType: kind(EWT.protocolViolation, 450, 'Unable to process', 415),
  authentication: kind(EWT.authentication, 497, 'Authorization error', 401),
  systemUnavailable: kind(EWT.processingException, 187, 'System currently unavailable', 503),
} as const;

/** A message refused with an OpenTravel error; the answer names it, the HTTP status follows the kind. */
export class OtaFault extends Error {
  constructor(
    readonly kind: OtaErrorKind,
    message: string,
  ) {
    super(message);
    this.name = 'OtaFault';
  }
}
