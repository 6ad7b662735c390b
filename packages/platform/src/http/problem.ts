/** RFC 9457 problem details, as every service answers errors. */
export interface FieldProblem {
  /** Dotted path of the offending field in the request, e.g. `guest.lastName` or `rooms[3].number`. */
  field: string;
  messages: string[];
}

export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  code?: string;
  correlationId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

export function problemType(code: string): string {
  return `urn:frontoffice:problem:${code}`;
}
