/**
 * The browser's only way to the services: the console backend (BFF) forwards `/api/<service>/<path>` to the service
 * with the signed-in user's access token, which never reaches this code. State-changing calls carry the CSRF token the
 * backend handed out in `/api/session`.
 */
export type ServiceName = 'reservations' | 'concierge' | 'staffing' | 'billing-bridge' | 'integrations';

/** A problem+json answer (RFC 9457) from a service or the BFF, with field-level errors when validation failed. */
export interface Problem {
  type?: string;
  title: string;
  status: number;
  detail?: string;
  /** Field-level validation errors (the platform's problem filter): one entry per field, every message for it. */
  errors?: Array<{ field: string; messages: string[] }>;
  /** A domain rule's refusal names the one field it is about (e.g. `departure`), its text in `detail`. */
  field?: string;
  /** A stable machine-readable reason (`sold-out`, `range-too-long`…). */
  code?: string;
  [extra: string]: unknown;
}

export class ApiError extends Error {
  constructor(readonly problem: Problem) {
    super(problem.detail ?? problem.title);
  }
  get status(): number {
    return this.problem.status;
  }
}

let csrfToken: string | undefined;
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  query?: Record<string, string | number | boolean | undefined | null>;
  /** Sent as Idempotency-Key; every POST that creates or moves money should pass one (see `newIdempotencyKey`). */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** Calls the BFF itself (`/api/session`, `/auth/...`), same conventions. */
export async function bff<T>(path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>(path, options);
}

/** Calls a service's public API (../shared/API.md): `api('reservations', '/v1/properties/…/arrivals')`. */
export async function api<T>(service: ServiceName, path: string, options: RequestOptions = {}): Promise<T> {
  return request<T>(`/api/${service}${path}`, options);
}

/** The URL of a download (CSV, FEC) served through the BFF; opened by the browser with its session cookie. */
export function downloadUrl(service: ServiceName, path: string, query: RequestOptions['query'] = {}): string {
  return `/api/${service}${path}${toQuery(query)}`;
}

function toQuery(query: RequestOptions['query'] = {}): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

async function request<T>(path: string, options: RequestOptions): Promise<T> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json, application/problem+json' };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  if (options.idempotencyKey) headers['idempotency-key'] = options.idempotencyKey;
  const response = await fetch(`${path}${toQuery(options.query)}`, {
    method,
    headers,
    body: options.body === undefined ? undefined : JSON.stringify(options.body),
    credentials: 'same-origin',
    signal: options.signal,
  });
  if (response.status === 401 && !path.startsWith('/api/session')) {
    // The session ended (expired or signed out elsewhere): start a new sign-in, back to this screen afterwards.
    window.location.assign(
      `/auth/login?returnTo=${encodeURIComponent(window.location.pathname + window.location.search)}`,
    );
    throw new ApiError({ title: 'Signed out', status: 401 });
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  const body: unknown = text ? JSON.parse(text) : undefined;
  if (!response.ok) {
    const problem = (body && typeof body === 'object' ? body : {}) as Partial<Problem>;
    throw new ApiError({ ...problem, title: problem.title ?? response.statusText, status: response.status });
  }
  return body as T;
}
