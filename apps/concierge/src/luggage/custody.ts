export type LuggageStatus = 'stored' | 'returned';
export type CustodyAction = 'stored' | 'moved' | 'followed_guest' | 'handed_back';

export interface CustodyEntry {
  action: CustodyAction;
  location: string;
  roomNumber: string | null;
  actor: string;
  note: string | null;
  at: string;
}

export interface LuggageState {
  status: LuggageStatus;
  tagNumber: string;
  location: string;
  roomNumber: string | null;
}

export type CustodyDecision =
  | { ok: true; entry: Omit<CustodyEntry, 'at'>; next: LuggageState }
  | { ok: false; code: string; reason: string; field?: string };

/** Tag numbers are compared the way porters read them aloud: case and surrounding spaces do not matter. */
export function sameTag(a: string, b: string): boolean {
  return a.trim().toUpperCase() === b.trim().toUpperCase();
}

/** Luggage taken somewhere else in the storage (a new shelf, the back room). */
export function move(state: LuggageState, location: string, actor: string, note?: string): CustodyDecision {
  if (state.status !== 'stored') return { ok: false, code: 'luggage-returned', reason: 'This luggage was handed back' };
  if (location.trim() === state.location) {
    return { ok: false, code: 'same-location', reason: `The luggage is already at ${location}`, field: 'location' };
  }
  return {
    ok: true,
    entry: { action: 'moved', location, roomNumber: state.roomNumber, actor, note: note ?? null },
    next: { ...state, location },
  };
}

/** The guest moved rooms: stored luggage is now to be delivered to the new room. */
export function followGuest(state: LuggageState, toRoom: string, actor: string): CustodyDecision {
  if (state.status !== 'stored') return { ok: false, code: 'luggage-returned', reason: 'This luggage was handed back' };
  if (state.roomNumber === toRoom) return { ok: false, code: 'same-room', reason: `Already for room ${toRoom}` };
  return {
    ok: true,
    entry: {
      action: 'followed_guest',
      location: state.location,
      roomNumber: toRoom,
      actor,
      note: `guest moved from room ${state.roomNumber ?? '?'} to ${toRoom}`,
    },
    next: { ...state, roomNumber: toRoom },
  };
}

/** Handed back only against the guest's tag: a wrong tag is refused and nothing changes. */
export function handBack(state: LuggageState, presentedTag: string, actor: string, note?: string): CustodyDecision {
  if (state.status !== 'stored') {
    return { ok: false, code: 'luggage-returned', reason: 'This luggage was already handed back' };
  }
  if (!sameTag(state.tagNumber, presentedTag)) {
    return {
      ok: false,
      code: 'tag-mismatch',
      reason: 'The tag presented does not match this luggage',
      field: 'tagNumber',
    };
  }
  return {
    ok: true,
    entry: { action: 'handed_back', location: 'guest', roomNumber: state.roomNumber, actor, note: note ?? null },
    next: { ...state, status: 'returned', location: 'guest' },
  };
}
