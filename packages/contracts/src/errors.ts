export interface ValidationIssue {
  /** Where the problem is, from the envelope down: 'data.guest.lastName', 'data.nights[0].price.amountMinor'. */
  path: string;
  message: string;
}

/** Thrown when an event does not honour the contract; consumers dead-letter it with these issues as the reason. */
export class EventValidationError extends Error {
  override readonly name = 'EventValidationError';

  constructor(
    readonly issues: ValidationIssue[],
    context = 'Invalid event',
  ) {
    super(`${context}: ${issues.map(formatIssue).join('; ')}`);
  }
}

function formatIssue({ path, message }: ValidationIssue): string {
  return path === '' ? message : `${path}: ${message}`;
}
