import { BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldProblem } from './problem';

/** Raised by the validation pipe; carries field-level problems for the problem+json body. */
export class RequestValidationException extends BadRequestException {
  constructor(readonly fieldProblems: FieldProblem[]) {
    super('The request has invalid fields');
  }
}

const UNKNOWN_PROPERTY = 'whitelistValidation';

export function flattenValidationErrors(errors: ValidationError[], parentPath = ''): FieldProblem[] {
  return errors.flatMap((error) => {
    const isIndex = /^\d+$/.test(error.property);
    const path = parentPath
      ? isIndex
        ? `${parentPath}[${error.property}]`
        : `${parentPath}.${error.property}`
      : error.property;
    const messages = Object.entries(error.constraints ?? {}).map(([name, message]) =>
      name === UNKNOWN_PROPERTY ? `${path} is not a known field` : message,
    );
    const own: FieldProblem[] = messages.length > 0 ? [{ field: path, messages }] : [];
    return [...own, ...flattenValidationErrors(error.children ?? [], path)];
  });
}

/** Edge validation for every route: unknown fields refused, payloads transformed into their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
