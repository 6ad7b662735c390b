import { setImmediate as nextTick } from 'node:timers/promises';
import {
  correlationIdFrom,
  CorrelationContext,
  currentCorrelation,
  runWithCorrelation,
  traceparentFrom,
} from './correlation';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const TRACEPARENT = /^00-[0-9a-f]{32}-[0-9a-f]{16}-01$/;
const VALID_TRACEPARENT = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';

describe('runWithCorrelation / currentCorrelation', () => {
  it('has no context outside of a run', () => {
    expect(currentCorrelation()).toBeUndefined();
  });

  it('returns the work result and exposes the context inside it', () => {
    const context: CorrelationContext = { correlationId: 'req-1', causationId: null };
    const result = runWithCorrelation(context, () => currentCorrelation());
    expect(result).toBe(context);
    expect(currentCorrelation()).toBeUndefined();
  });

  it('keeps the context across awaits, timers and promise chains', async () => {
    const context: CorrelationContext = {
      correlationId: 'req-2',
      causationId: 'evt-9',
      traceparent: VALID_TRACEPARENT,
    };

    const seen = await runWithCorrelation(context, async () => {
      const observed: (CorrelationContext | undefined)[] = [currentCorrelation()];
      await Promise.resolve();
      observed.push(currentCorrelation());
      await nextTick();
      observed.push(currentCorrelation());
      await new Promise<void>((resolve) => setTimeout(resolve, 5));
      observed.push(await Promise.resolve().then(() => currentCorrelation()));
      return observed;
    });

    expect(seen).toEqual([context, context, context, context]);
    expect(currentCorrelation()).toBeUndefined();
  });

  it('isolates concurrent runs from each other', async () => {
    const work = (id: string, delayMs: number) =>
      runWithCorrelation({ correlationId: id, causationId: null }, async () => {
        await new Promise((resolve) => setTimeout(resolve, delayMs));
        return currentCorrelation()?.correlationId;
      });

    await expect(Promise.all([work('a', 15), work('b', 1), work('c', 8)])).resolves.toEqual(['a', 'b', 'c']);
  });

  it('lets a nested run override the context and restores the outer one afterwards', async () => {
    await runWithCorrelation({ correlationId: 'outer', causationId: null }, async () => {
      const inner = await runWithCorrelation({ correlationId: 'outer', causationId: 'evt-1' }, async () => {
        await Promise.resolve();
        return currentCorrelation()?.causationId;
      });
      expect(inner).toBe('evt-1');
      expect(currentCorrelation()).toEqual({ correlationId: 'outer', causationId: null });
    });
  });

  it('propagates errors thrown by the work', async () => {
    await expect(
      runWithCorrelation({ correlationId: 'x', causationId: null }, async () => {
        await Promise.resolve();
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
  });
});

describe('correlationIdFrom', () => {
  it.each(['req-123', 'a', 'ABC.def_ghi:jkl-0', '3f1c1b8e-2d4a-4c1e-9f0a-1b2c3d4e5f60', 'x'.repeat(128)])(
    'keeps the safe id %p',
    (id) => {
      expect(correlationIdFrom(id)).toBe(id);
    },
  );

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['too long', 'x'.repeat(129)],
    ['with a space', 'req 1'],
    ['with a newline (log injection)', 'req-1\nlevel=error msg=forged'],
    ['with a slash', 'a/b'],
    ['with quotes', '"req"'],
    ['with unicode', 'réq-1'],
  ])('replaces a %s id with a new uuid', (_label, header) => {
    const id = correlationIdFrom(header);
    expect(id).toMatch(UUID);
    expect(id).not.toBe(header);
  });

  it('generates a different id each time', () => {
    expect(correlationIdFrom(undefined)).not.toBe(correlationIdFrom(undefined));
  });

  it('takes the first value of a repeated header', () => {
    expect(correlationIdFrom(['first-id', 'second-id'])).toBe('first-id');
  });

  it('replaces an unsafe first value of a repeated header, and an empty array', () => {
    expect(correlationIdFrom(['bad id', 'good-id'])).toMatch(UUID);
    expect(correlationIdFrom([])).toMatch(UUID);
  });
});

describe('traceparentFrom', () => {
  it('keeps a valid W3C traceparent', () => {
    expect(traceparentFrom(VALID_TRACEPARENT)).toBe(VALID_TRACEPARENT);
    expect(traceparentFrom('00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')).toBe(
      '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00',
    );
  });

  it('takes the first value of a repeated header', () => {
    expect(traceparentFrom([VALID_TRACEPARENT, '00-ffffffffffffffffffffffffffffffff-ffffffffffffffff-01'])).toBe(
      VALID_TRACEPARENT,
    );
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['garbage', 'not-a-trace'],
    ['upper-case hex', '00-0AF7651916CD43DD8448EB211C80319C-B7AD6B7169203331-01'],
    ['short trace id', '00-0af7651916cd43dd8448eb211c8031-b7ad6b7169203331-01'],
    ['short parent id', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b71692033-01'],
    ['missing flags', '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331'],
    ['trailing data', `${VALID_TRACEPARENT}-extra`],
    ['surrounding spaces', ` ${VALID_TRACEPARENT} `],
  ])('replaces a %s header with a new well-formed traceparent', (_label, header) => {
    const traceparent = traceparentFrom(header);
    expect(traceparent).toMatch(TRACEPARENT);
    expect(traceparent).not.toBe(header);
  });

  it('starts a different trace each time', () => {
    const first = traceparentFrom(undefined);
    const second = traceparentFrom(undefined);
    expect(first.split('-')[1]).not.toBe(second.split('-')[1]);
    expect(first.split('-')[2]).not.toBe(second.split('-')[2]);
  });
});
