import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AddressPolicy } from './address-policy';
import { RESPONSE_EXCERPT_BYTES, WebhookHttpClient } from './webhook-http';

describe('WebhookHttpClient', () => {
  let server: Server;
  let port: number;
  const hits: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      hits.push(request.url ?? '');
      if (request.url === '/redirect') return void response.writeHead(302, { location: '/target' }).end();
      if (request.url === '/silent') return; // never answers
      if (request.url === '/big') return void response.end('x'.repeat(100_000));
      response.writeHead(request.url === '/fail' ? 503 : 204).end(request.url === '/fail' ? 'try later' : undefined);
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const local = () => new WebhookHttpClient(new AddressPolicy('127.0.0.1/32,::1/128'), 500);

  it('refuses a loopback literal and a name that resolves to loopback when nothing is allowed', async () => {
    const client = new WebhookHttpClient(new AddressPolicy(''), 2000);
    const before = hits.length;
    const literal = await client.post(`http://127.0.0.1:${port}/ok`, {}, '{}');
    const named = await client.post(`http://localhost:${port}/ok`, {}, '{}');
    const mapped = await client.post(`http://[::ffff:127.0.0.1]:${port}/ok`, {}, '{}');
    await client.close();
    for (const outcome of [literal, named, mapped]) {
      expect(outcome.ok).toBe(false);
      expect(outcome.error).toMatch(/^refused: address .* is loopback/);
      expect(outcome.statusCode).toBeUndefined();
    }
    expect(hits.length).toBe(before);
  });

  it('delivers to an allowed address and keeps a bounded excerpt of the answer', async () => {
    const client = local();
    expect(await client.post(`http://127.0.0.1:${port}/ok`, {}, '{}')).toMatchObject({ ok: true, statusCode: 204 });
    expect(await client.post(`http://127.0.0.1:${port}/fail`, {}, '{}')).toMatchObject({
      ok: false,
      statusCode: 503,
      responseExcerpt: 'try later',
      error: 'HTTP 503',
    });
    const big = await client.post(`http://127.0.0.1:${port}/big`, {}, '{}');
    expect(big.responseExcerpt).toHaveLength(RESPONSE_EXCERPT_BYTES);
    await client.close();
  });

  it('never follows a redirect', async () => {
    const client = local();
    const outcome = await client.post(`http://127.0.0.1:${port}/redirect`, {}, '{}');
    await client.close();
    expect(outcome).toMatchObject({ ok: false, statusCode: 302 });
    expect(hits).not.toContain('/target');
  });

  it('gives up on a subscriber that never answers after the timeout', async () => {
    const client = local();
    const outcome = await client.post(`http://127.0.0.1:${port}/silent`, {}, '{}');
    await client.close();
    expect(outcome).toMatchObject({ ok: false, error: 'timed out' });
    expect(outcome.durationMs).toBeLessThan(5_000);
  });
});
