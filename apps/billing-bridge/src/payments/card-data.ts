import { registerDecorator, type ValidationArguments, type ValidationOptions } from 'class-validator';

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

/**
 * True when the text holds something that could be a card number (PAN): 13 to 19 digits, possibly grouped by
 * spaces or dashes, passing the Luhn check. Such text is refused, never stored.
 */
export function looksLikeCardNumber(text: string): boolean {
  const candidates = text.match(/\d(?:[ -]?\d){12,}/g) ?? [];
  return candidates.some((candidate) => {
    const digits = candidate.replace(/[ -]/g, '');
    return digits.length >= 13 && digits.length <= 19 && passesLuhn(digits);
  });
}

/** Refuses a field that carries a card number: a processor reference is never a PAN. */
export function HasNoCardNumber(options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'hasNoCardNumber',
      target: target.constructor,
      propertyName: propertyName.toString(),
      options,
      validator: {
        validate: (value: unknown) => typeof value !== 'string' || !looksLikeCardNumber(value),
        defaultMessage: (args?: ValidationArguments) =>
          `${args?.property ?? 'value'} looks like a card number: card numbers are never accepted, give the processor reference`,
      },
    });
}
