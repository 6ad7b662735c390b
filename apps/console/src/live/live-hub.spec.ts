import { LiveHub, type LiveStream } from './live-hub';

function stream(sessionKey: string, properties: string[]): LiveStream & { received: string[]; closed: boolean } {
  const result = {
    sessionKey,
    properties,
    received: [] as string[],
    closed: false,
    send: (chunk: string) => result.received.push(chunk),
    close: () => (result.closed = true),
  };
  return result;
}

const event = (propertyId: string) => ({
  id: `e-${propertyId}`,
  type: 'room.status-changed',
  propertyId,
  occurredAt: '2026-12-02T10:00:00.000Z',
  subjects: { roomId: 'r1' },
});

describe('LiveHub', () => {
  it("sends an event only to the streams whose properties cover it ('*' covers all)", () => {
    const hub = new LiveHub();
    const a = stream('s1', ['p1']);
    const b = stream('s2', ['p2']);
    const all = stream('s3', ['*']);
    [a, b, all].forEach((s) => hub.add(s));
    hub.publish([event('p1')]);
    expect(a.received).toEqual([`id: e-p1\ndata: ${JSON.stringify(event('p1'))}\n\n`]);
    expect(b.received).toEqual([]);
    expect(all.received).toHaveLength(1);
  });

  it('closes the oldest stream of a session past the cap, and forgets removed ones', () => {
    const hub = new LiveHub();
    hub.configure(2);
    const [first, second, third] = [stream('s1', ['p1']), stream('s1', ['p1']), stream('s1', ['p1'])];
    const other = stream('s2', ['p1']);
    [first, second, other, third].forEach((s) => hub.add(s));
    expect(first.closed).toBe(true);
    expect(second.closed).toBe(false);
    expect(hub.size).toBe(3);
    hub.remove(second);
    hub.publish([event('p1')]);
    expect(second.received).toEqual([]);
    expect(third.received).toHaveLength(1);
  });
});
