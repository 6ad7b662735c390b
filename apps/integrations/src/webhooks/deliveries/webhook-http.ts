import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import { AddressPolicy, AddressRefusedError } from './address-policy';

/** What a subscriber answered, or why it did not. */
export interface PostOutcome {
  ok: boolean;
  statusCode?: number;
  /** The first bytes of the answer's body, for the delivery log. */
  responseExcerpt?: string;
  error?: string;
  durationMs: number;
}

export const RESPONSE_EXCERPT_BYTES = 1024;

type LookupCallback = (error: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/**
 * A DNS lookup for outgoing connections that resolves, checks every address against the policy and hands the
 * connection exactly those addresses: what was checked is what is connected to (no second resolution to rebind).
 */
export function guardedLookup(policy: AddressPolicy) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, []);
      for (const { address } of addresses) {
        const refusal = policy.refusal(address);
        if (refusal !== undefined) return callback(new AddressRefusedError(address, refusal), []);
      }
      if (addresses.length === 0) return callback(new Error(`${hostname} has no address`), []);
      if (options.all) return callback(null, addresses);
      return callback(null, addresses[0]!.address, addresses[0]!.family);
    });
  };
}

function refusedBy(error: unknown): AddressRefusedError | undefined {
  for (let cause = error; cause instanceof Error; cause = cause.cause) {
    if (cause instanceof AddressRefusedError) return cause;
  }
  return undefined;
}

function describe(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timed out';
  const refused = refusedBy(error);
  if (refused) return `refused: ${refused.message}`;
  const parts: string[] = [];
  for (let cause = error; cause instanceof Error && parts.length < 3; cause = cause.cause) {
    const code = (cause as NodeJS.ErrnoException).code;
    parts.push(code ? `${code}: ${cause.message}` : cause.message);
  }
  return (parts.join(' ← ') || String(error)).slice(0, 500);
}

/**
 * Posts webhooks over one connection pool whose every new connection goes through the address policy. Redirects
 * are never followed (a 3xx is a failed attempt); every request is bounded by `timeoutMs` from start to the end of
 * the excerpt read.
 */
export class WebhookHttpClient {
  private readonly agent: Agent;

  constructor(
    private readonly policy: AddressPolicy,
    private readonly timeoutMs: number,
  ) {
    this.agent = new Agent({
      connect: { timeout: timeoutMs, lookup: guardedLookup(policy) },
      headersTimeout: timeoutMs,
      bodyTimeout: timeoutMs,
      keepAliveTimeout: 4_000,
    });
  }

  async post(url: string, headers: Record<string, string>, body: string): Promise<PostOutcome> {
    const started = performance.now();
    const signal = AbortSignal.timeout(this.timeoutMs);
    const elapsed = () => Math.round(performance.now() - started);
    try {
      // A literal IP never goes through DNS, so the lookup above would not see it.
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
      if (isIP(host)) this.policy.assertAllowed(host);
      const response = await request(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'user-agent': 'frontoffice-webhooks/1', ...headers },
        body,
        dispatcher: this.agent,
        signal,
      });
      const responseExcerpt = await readExcerpt(response.body);
      const ok = response.statusCode >= 200 && response.statusCode < 300;
      return {
        ok,
        statusCode: response.statusCode,
        responseExcerpt,
        ...(ok ? {} : { error: `HTTP ${response.statusCode}` }),
        durationMs: elapsed(),
      };
    } catch (error) {
      return { ok: false, error: describe(error, signal.aborted), durationMs: elapsed() };
    }
  }

  async close(): Promise<void> {
    await this.agent.destroy();
  }
}

async function readExcerpt(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_EXCERPT_BYTES) {
      body.destroy();
      break;
    }
  }
  return Buffer.concat(chunks).subarray(0, RESPONSE_EXCERPT_BYTES).toString('utf8');
}
