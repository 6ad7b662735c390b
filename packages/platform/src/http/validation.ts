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

/** No route takes more items in one array (the largest, a bulk room import, takes 2,000). */
export const MAX_ARRAY_ITEMS = 2000;
/** No request body nests deeper than this. */
export const MAX_NESTING_DEPTH = 16;

/**
 * Checked on the raw JSON before it is turned into DTO classes: transforming and validating a 100,000-item array or
 * a 500-level nesting costs the event loop far more than refusing it, so such a body is refused first, in one walk.
 */
export function shapeProblems(value: unknown, path = '', depth = 0): FieldProblem[] {
  const field = path || 'body';
  if (depth > MAX_NESTING_DEPTH) {
    return [{ field, messages: [`${field} nests deeper than ${MAX_NESTING_DEPTH} levels`] }];
  }
  if (Array.isArray(value)) {
    if (value.length > MAX_ARRAY_ITEMS) {
      return [{ field, messages: [`${field} must contain no more than ${MAX_ARRAY_ITEMS} elements`] }];
    }
    for (let index = 0; index < value.length; index += 1) {
      const problems = shapeProblems(value[index], `${path}[${index}]`, depth + 1);
      if (problems.length > 0) return problems;
    }
    return [];
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      const problems = shapeProblems(item, path ? `${path}.${key}` : key, depth + 1);
      if (problems.length > 0) return problems;
    }
  }
  return [];
}

/**
 * The DTO checks, then one platform rule on every string of every body and query: no payment card number, whatever
 * the field (a description, a note, a name), so none reaches the database, the journal, the exports or Kafka.
 */
export class PlatformValidationPipe extends ValidationPipe {
  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' || metadata.type === 'query') {
      const oversized = shapeProblems(value);
      if (oversized.length > 0) throw new RequestValidationException(oversized);
    }
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
