import { ArgumentMetadata, BadRequestException, ValidationError, ValidationPipe } from '@nestjs/common';
import { cardNumberProblems } from './card-number';
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

/**
 * The DTO checks, then one platform rule on every string of every body and query: no payment card number, whatever
 * the field (a description, a note, a name), so none reaches the database, the journal, the exports or Kafka.
 */
export class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    const result: unknown = await super.transform(value, metadata);
    if (metadata.type === 'body' || metadata.type === 'query') {
      const problems = cardNumberProblems(result);
      if (problems.length > 0) throw new RequestValidationException(problems);
    }
    return result;
  }
}

/** Edge validation for every route: unknown fields refused, payloads transformed into their DTO classes. */
export function createValidationPipe(): ValidationPipe {
  return new PlatformValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    forbidUnknownValues: true,
    transform: true,
    validationError: { target: false, value: false },
    exceptionFactory: (errors) => new RequestValidationException(flattenValidationErrors(errors)),
  });
}
