import { createServer, type IncomingHttpHeaders, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export type Behaviour = 'ok' | 'hang' | 'down' | { failFirst: number } | { delayMs: number };

export interface ReceivedWebhook {
  webhookId: string;
  headers: Record<string, string>;
  rawBody: string;
  body: { id: string; type: string; propertyId: string; data: Record<string, unknown> };
  answered: number;
}

interface Endpoint {
  behaviour: Behaviour;
  secrets: string[];
  requests: number;
  received: ReceivedWebhook[];
  badSignatures: number;
  /** Requests open right now, and the most ever open at once, per property (from the body). */
  openByProperty: Map<string, number>;
  maxOpenByProperty: Map<string, number>;
  maxOpen: number;
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name, Array.isArray(value) ? value.join(', ') : (value ?? '')]),
  );
}

/**
 * The integrator's side: an HTTP server with one endpoint per subscriber that verifies every delivery with the
 * `standardwebhooks` library (as an integrator would), and answers as told — accept, fail, or never answer.
 */
export class TestSubscriber {
  private readonly endpoints = new Map<string, Endpoint>();
  private server?: Server;
  private port = 0;

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const endpoint = this.endpoints.get(request.url ?? '');
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        if (!endpoint) return void response.writeHead(404).end();
        endpoint.requests += 1;
        const { behaviour } = endpoint;
        if (behaviour === 'hang') return;
        const rawBody = Buffer.concat(chunks).toString('utf8');
        if (typeof behaviour === 'object' && 'delayMs' in behaviour) {
          const propertyId = (JSON.parse(rawBody) as { propertyId: string }).propertyId;
          const open = (endpoint.openByProperty.get(propertyId) ?? 0) + 1;
          endpoint.openByProperty.set(propertyId, open);
          endpoint.maxOpenByProperty.set(propertyId, Math.max(open, endpoint.maxOpenByProperty.get(propertyId) ?? 0));
          const total = [...endpoint.openByProperty.values()].reduce((sum, count) => sum + count, 0);
          endpoint.maxOpen = Math.max(endpoint.maxOpen, total);
          setTimeout(() => {
            endpoint.openByProperty.set(propertyId, endpoint.openByProperty.get(propertyId)! - 1);
            this.answer(endpoint, rawBody, flatHeaders(request.headers), response);
          }, behaviour.delayMs);
          return;
        }
        this.answer(endpoint, rawBody, flatHeaders(request.headers), response);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  private answer(endpoint: Endpoint, rawBody: string, headers: Record<string, string>, response: ServerResponse): void {
    const verified = endpoint.secrets.some((secret) => {
      try {
        new Webhook(secret).verify(rawBody, headers);
        return true;
      } catch {
        return false;
      }
    });
    if (!verified) {
      endpoint.badSignatures += 1;
      return void response.writeHead(401).end('bad signature');
    }
    const { behaviour } = endpoint;
    const failing =
      behaviour === 'down' ||
      (typeof behaviour === 'object' && 'failFirst' in behaviour && endpoint.requests <= behaviour.failFirst);
    const answered = failing ? 503 : 204;
    endpoint.received.push({
      webhookId: headers['webhook-id']!,
      headers,
      rawBody,
      body: JSON.parse(rawBody) as ReceivedWebhook['body'],
      answered,
    });
    response.writeHead(answered).end(failing ? 'busy, try later' : undefined);
  }

  /** A new endpoint; its URL is what the subscription registers. */
  endpoint(name: string, behaviour: Behaviour): string {
    this.endpoints.set(`/${name}`, {
      behaviour,
      secrets: [],
      requests: 0,
      received: [],
      badSignatures: 0,
      openByProperty: new Map(),
      maxOpenByProperty: new Map(),
      maxOpen: 0,
    });
    return `http://127.0.0.1:${this.port}/${name}`;
  }

  /** The secrets the endpoint accepts (the integrator stores the one the API showed once). */
  trust(name: string, ...secrets: string[]): void {
    this.get(name).secrets = secrets;
  }

  behave(name: string, behaviour: Behaviour): void {
    this.get(name).behaviour = behaviour;
  }

  /** Deliveries the endpoint verified, including those it answered with a failure. */
  received(name: string): ReceivedWebhook[] {
    return this.get(name).received;
  }

  /** What the integrator processed: accepted deliveries, de-duplicated by webhook-id, in order of arrival. */
  processed(name: string): ReceivedWebhook[] {
    const seen = new Set<string>();
    return this.get(name).received.filter((delivery) => {
      if (delivery.answered !== 204 || seen.has(delivery.webhookId)) return false;
      seen.add(delivery.webhookId);
      return true;
    });
  }

  /** The most requests ever open at once: for one property, and in all. */
  concurrency(name: string): { perProperty: number; overall: number } {
    const endpoint = this.get(name);
    return { perProperty: Math.max(0, ...endpoint.maxOpenByProperty.values()), overall: endpoint.maxOpen };
  }

  requests(name: string): number {
    return this.get(name).requests;
  }

  badSignatures(name: string): number {
    return this.get(name).badSignatures;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  private get(name: string): Endpoint {
    const endpoint = this.endpoints.get(`/${name}`);
    if (!endpoint) throw new Error(`no endpoint ${name}`);
    return endpoint;
  }
}
