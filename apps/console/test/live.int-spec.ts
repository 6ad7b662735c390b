import { createEvent } from '@frontoffice/contracts';
import { eventually, testKafka, TestEventProducer } from '@frontoffice/platform/testing';
import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RunningConsole, startConsole, tokensFor } from './support/console-test-app';
import { SseClient } from './support/sse-client';
import { LiveHub } from '../src/live/live-hub';

/** Events produced to the real broker reach the browsers whose properties claim covers them, and only those. */
describe('live updates (real Kafka)', () => {
  let console_: RunningConsole;
  let producer: TestEventProducer;
  const clients: SseClient[] = [];
  const propertyA: string = randomUUID();
  const propertyB: string = randomUUID();

  beforeAll(async () => {
    console_ = await startConsole({ LIVE_HEARTBEAT_MS: '1000', LIVE_MAX_STREAMS_PER_SESSION: '2' });
    producer = await new TestEventProducer(testKafka()).start();
  });

  afterAll(async () => {
    clients.forEach((client) => client.close());
    await producer.stop();
    await console_.shutdown();
  });

  async function stream(properties: string[]): Promise<{ client: SseClient; cookie: string }> {
    const { sessionId } = await console_.sessions.create(
      tokensFor({ sub: `user-${properties.join('-')}`, roles: ['front_desk'], properties }),
    );
    const cookie = `fo_session=${sessionId}`;
    const client = await SseClient.open(`${console_.url}/api/live`, cookie);
    clients.push(client);
    return { client, cookie };
  }

  function roomChanged(propertyId: string) {
    const roomId = randomUUID();
    return createEvent('room.status-changed', {
      propertyId,
      subject: roomId,
      data: {
        roomId,
        roomNumber: '204',
        roomTypeId: randomUUID(),
        status: 'vacant_dirty',
        previousStatus: 'occupied',
      },
    });
  }

  /** Other suites share the topics: each stream is judged on this suite's two properties only. */
  const ours = (client: SseClient) =>
    client.data.filter((event) => [propertyA, propertyB].includes((event as { propertyId: string }).propertyId));

  it('fans each event out to the streams of users covering its property, with identifiers only', async () => {
    const { client: deskA } = await stream([propertyA]);
    const { client: deskB } = await stream([propertyB]);
    const { client: chain } = await stream(['*']);
    expect(deskA.status).toBe(200);
    expect(deskA.contentType).toMatch(/^text\/event-stream/);

    const forA = roomChanged(propertyA);
    const forB = roomChanged(propertyB);
    await producer.send(forA, forB);

    await eventually(() => expect(ours(chain)).toHaveLength(2), { timeoutMs: 20_000 });
    await eventually(() => expect(ours(deskA)).toHaveLength(1));
    await eventually(() => expect(ours(deskB)).toHaveLength(1));
    expect(ours(deskA)[0]).toEqual({
      id: forA.id,
      type: 'room.status-changed',
      propertyId: propertyA,
      occurredAt: forA.time,
      subjects: { roomId: forA.data.roomId, roomTypeId: forA.data.roomTypeId },
    });
    expect((ours(deskB)[0] as { id: string }).id).toBe(forB.id);
    expect(ours(chain).map((event) => (event as { id: string }).id)).toEqual([forA.id, forB.id]);
  });

  it('reaches the browsers of every console instance, each with a consumer group of its own', async () => {
    const other = await startConsole();
    try {
      const { sessionId } = await other.sessions.create(
        tokensFor({ sub: 'user-other-instance', roles: ['front_desk'], properties: [propertyA] }),
      );
      const onOther = await SseClient.open(`${other.url}/api/live`, `fo_session=${sessionId}`);
      clients.push(onOther);
      const { client: onThis } = await stream([propertyA]);
      const event = roomChanged(propertyA);
      await producer.send(event);
      for (const client of [onThis, onOther]) {
        await eventually(() => expect(ours(client).map((e) => (e as { id: string }).id)).toEqual([event.id]), {
          timeoutMs: 20_000,
        });
      }
    } finally {
      await other.shutdown();
    }
  });

  it('sends heartbeat comments, caps the streams of one session, and forgets closed streams', async () => {
    const first = await stream([propertyA]);
    await eventually(() => expect(first.client.comments).toContain('heartbeat'), { timeoutMs: 5000 });

    const second = await SseClient.open(`${console_.url}/api/live`, first.cookie);
    const third = await SseClient.open(`${console_.url}/api/live`, first.cookie);
    clients.push(second, third);
    await eventually(() => expect(first.client.ended).toBe(true));
    expect(second.ended).toBe(false);

    const hub = console_.app.get(LiveHub);
    const open = hub.size;
    third.close();
    await eventually(() => expect(hub.size).toBe(open - 1));
    await sleep(100);
    const event = roomChanged(propertyA);
    await producer.send(event);
    await eventually(() => expect(ours(second).map((e) => (e as { id: string }).id)).toContain(event.id), {
      timeoutMs: 20_000,
    });
  });

  it('refuses a stream without a session, and ends one whose session ended', async () => {
    const anonymous = await SseClient.open(`${console_.url}/api/live`, '');
    expect(anonymous.status).toBe(401);

    const { client, cookie } = await stream([propertyB]);
    const session = (await console_.sessions.resolve(cookie.slice('fo_session='.length)))!;
    await console_.sessions.destroy(session);
    await eventually(() => expect(client.ended).toBe(true), { timeoutMs: 5000 });
  });
});
