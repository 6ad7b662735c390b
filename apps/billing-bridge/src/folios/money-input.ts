import { RequestValidationException } from '@frontoffice/platform';

/** The platform's capped money inputs (see MAX_AMOUNT_MINOR), under the names billing has always used. */
export { NonNegativeMoney, PositiveMoney } from '@frontoffice/platform';

export function money(amountMinor: number, currency: string): { amountMinor: number; currency: string } {
  return { amountMinor, currency };
}

/** A rule on one request field that the DTO alone cannot check: the same field-level 400 as DTO validation. */
export function invalidField(field: string, message: string): RequestValidationException {
  return new RequestValidationException([{ field, messages: [message] }]);
}
