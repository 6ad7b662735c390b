import { followGuest, handBack, LuggageState, move, sameTag } from './custody';

const stored: LuggageState = { status: 'stored', tagNumber: 'T-0042', location: 'shelf A', roomNumber: '512' };

describe('luggage chain of custody', () => {
  it('records a move with who and where', () => {
    const decision = move(stored, 'back room', 'porter-1');
    expect(decision).toEqual({
      ok: true,
      entry: { action: 'moved', location: 'back room', roomNumber: '512', actor: 'porter-1', note: null },
      next: { ...stored, location: 'back room' },
    });
    expect(move(stored, 'shelf A', 'porter-1')).toMatchObject({ ok: false, code: 'same-location' });
  });

  it('follows the guest to a new room, keeping the location', () => {
    const decision = followGuest(stored, '714', 'system');
    expect(decision).toMatchObject({ ok: true, next: { roomNumber: '714', location: 'shelf A' } });
    expect(followGuest(stored, '512', 'system')).toMatchObject({ ok: false, code: 'same-room' });
  });

  it('hands back only against the matching tag, once', () => {
    expect(handBack(stored, 'T-0041', 'porter-1')).toMatchObject({
      ok: false,
      code: 'tag-mismatch',
      field: 'tagNumber',
    });
    const decision = handBack(stored, ' t-0042 ', 'porter-1');
    expect(decision).toMatchObject({ ok: true, next: { status: 'returned' }, entry: { action: 'handed_back' } });
    if (!decision.ok) throw new Error('expected hand back');
    expect(handBack(decision.next, 'T-0042', 'porter-1')).toMatchObject({ ok: false, code: 'luggage-returned' });
    expect(move(decision.next, 'shelf B', 'porter-1')).toMatchObject({ ok: false, code: 'luggage-returned' });
    expect(followGuest(decision.next, '800', 'system')).toMatchObject({ ok: false });
  });

  it('compares tags ignoring case and spaces', () => {
    expect(sameTag('ab-1', ' AB-1')).toBe(true);
    expect(sameTag('ab-1', 'ab-2')).toBe(false);
  });
});
