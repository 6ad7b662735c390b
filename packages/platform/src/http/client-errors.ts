import type { Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { PROBLEM_CONTENT_TYPE, problemType } from './problem';

const REFUSALS: Record<string, { status: number; title: string; code: string; detail: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    title: 'Request Header Fields Too Large',
    code: 'headers-too-large',
    detail: 'The request line or headers are too large (a URL or query string this long is never needed)',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    title: 'Request Timeout',
    code: 'request-timeout',
    detail: 'The request was not received in time',
  },
};
const MALFORMED = {
  status: 400,
  title: 'Bad Request',
  code: 'malformed-request',
  detail: 'The request is not valid HTTP',
};

/**
 * Requests that Node's HTTP parser refuses before any framework sees them (a URL beyond the header size limit, a
 * malformed request line) are answered as problem+json too, like every other client error. Plain Node, so it holds
 * whatever HTTP adapter the service uses.
 */
export function answerClientErrorsAsProblems(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    if (!socket.writable || (error.code === 'ECONNRESET' && socket.destroyed)) {
      socket.destroy();
      return;
    }
    const refusal = REFUSALS[error.code ?? ''] ?? MALFORMED;
    const body = JSON.stringify({
      type: problemType(refusal.code),
      title: refusal.title,
      status: refusal.status,
      code: refusal.code,
      detail: refusal.detail,
    });
    socket.end(
      `HTTP/1.1 ${refusal.status} ${refusal.title}\r\nContent-Type: ${PROBLEM_CONTENT_TYPE}\r\n` +
        `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  });
}
