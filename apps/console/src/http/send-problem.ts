import { PROBLEM_CONTENT_TYPE, problemType, type ProblemDetails } from '@frontoffice/platform';
import type { Request, Response } from 'express';

/** Answers problem+json from code that runs outside Nest's exception filter (forwarding, live stream). */
export function sendProblem(
  request: Request,
  response: Response,
  status: number,
  code: string,
  title: string,
  detail?: string,
): void {
  if (response.headersSent) {
    response.destroy();
    return;
  }
  const problem: ProblemDetails = {
    type: problemType(code),
    title,
    status,
    ...(detail ? { detail } : {}),
    instance: request.originalUrl,
    code,
  };
  const correlationId = response.getHeader('x-correlation-id');
  if (typeof correlationId === 'string') problem.correlationId = correlationId;
  response.status(status).type(PROBLEM_CONTENT_TYPE).send(JSON.stringify(problem));
}
