/**
 * Errors that domain code throws without knowing about HTTP. The problem+json filter maps each to its status;
 * `code` is a stable, machine-readable slug integrators can switch on.
 */
export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** The request is valid but the current state forbids it: no availability, invalid transition, duplicate. */
export class ConflictError extends DomainError {
  readonly status = 409;
}

export class NotFoundError extends DomainError {
  readonly status = 404;
  constructor(resource: string, id: string) {
    super(`${resource}-not-found`, `${resource} ${id} was not found`, { resource, id });
  }
}

/** A business rule refuses this actor (e.g. approving one's own refund); auth failures are handled by the guard. */
export class ForbiddenError extends DomainError {
  readonly status = 403;
}

/** Input that passed DTO validation but breaks a rule that spans fields (departure before arrival, ...). */
export class BusinessRuleViolation extends DomainError {
  readonly status = 400;
  constructor(
    code: string,
    message: string,
    readonly field?: string,
  ) {
    super(code, message, field ? { field } : {});
  }
}
