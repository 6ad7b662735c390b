// Load generators of `npm run bench`: closed loop (C clients, each sends its next request when the last answered)
// and open loop (arrivals at a fixed rate whatever the answers, latency counted from the scheduled arrival).
import { Buffer } from 'node:buffer';
import http from 'node:http';

/** Sends JSON over kept-alive connections; resolves with status (0: no answer), body text and latency in ms. */
export function jsonClient(baseUrl, { connections = 64, timeoutMs = 60_000 } = {}) {
  const url = new URL(baseUrl);
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const request = (method, path, body, headers = {}) =>
    new Promise((resolve, reject) => {
      const payload = body === undefined ? undefined : JSON.stringify(body);
      const started = performance.now();
      const req = http.request(
        {
          host: url.hostname,
          port: url.port,
          method,
          path,
          agent,
          headers: {
            ...(payload ? { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) } : {}),
            ...headers,
          },
        },
        (res) => {
          const chunks = [];
          res.on('data', (chunk) => chunks.push(chunk));
          res.on('end', () =>
            resolve({
              status: res.statusCode,
              text: Buffer.concat(chunks).toString(),
              ms: performance.now() - started,
              at: performance.now(),
            }),
          );
          res.on('error', reject);
        },
      );
      // A request that never answers counts as failed (status 0) instead of holding the bench for ever.
      req.setTimeout(timeoutMs, () => req.destroy(new Error(`no answer within ${timeoutMs} ms`)));
      req.on('error', (error) =>
        resolve({ status: 0, text: error.message, ms: performance.now() - started, at: performance.now() }),
      );
      if (payload) req.write(payload);
      req.end();
    });
  return { request, close: () => agent.destroy() };
}

/** Runs `total` calls of `send(index)` from `clients` concurrent loops; latencies of the successful ones. */
export async function closedLoop({ total, clients, send }) {
  const latencies = [];
  let failures = 0;
  let firstFailure;
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: clients }, async () => {
      for (let index = next++; index < total; index = next++) {
        const answer = await send(index);
        if (answer.ok) latencies.push(answer.ms);
        else {
          failures += 1;
          firstFailure ??= answer.detail;
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { seconds, perSecond: latencies.length / seconds, latencies, failures, firstFailure };
}

/** Starts `send(index)` at `rate` per second for `seconds`, without waiting for answers (open loop). */
export async function openLoop({ rate, seconds, send }) {
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const started = performance.now();
  const pending = [];
  const latencies = [];
  let failures = 0;
  let firstFailure;
  for (let index = 0; index < total; index += 1) {
    const due = started + index * interval;
    const wait = due - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    pending.push(
      send(index).then((answer) => {
        // From the scheduled arrival: a late start (the generator itself behind) counts against the system.
        if (answer.ok) latencies.push(answer.at - due);
        else {
          failures += 1;
          firstFailure ??= answer.detail;
        }
        return answer;
      }),
    );
  }
  const answers = await Promise.all(pending);
  return { answers, latencies, failures, firstFailure, seconds: (performance.now() - started) / 1000 };
}
