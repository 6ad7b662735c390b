import { EventValidationError, validateEnvelope } from '../src';
import { EVENT_ID, pathsOf, PROPERTY_ID, rawEvent } from './fixtures';

describe('validateEnvelope', () => {
  it('returns the envelope fields of a well-formed event', () => {
    const raw = rawEvent();
    const envelope = validateEnvelope(raw);
    expect(envelope).toEqual(raw);
    expect(envelope.data).toBe(raw.data);
  });

  it('checks the envelope only, so an uncatalogued type still passes for routing and dead-lettering', () => {
    expect(validateEnvelope(rawEvent({ type: 'room.repainted', version: 7, data: {} })).type).toBe('room.repainted');
  });

  it('drops fields the envelope does not define', () => {
    const envelope = validateEnvelope(rawEvent({ partition: 3 }));
    expect(envelope).not.toHaveProperty('partition');
  });

  it.each([null, 'reservation.created', 42, [rawEvent()]])('refuses %p, which is not an event object', (raw) => {
    expect(pathsOf(() => validateEnvelope(raw))).toEqual(['']);
  });

  it.each([
    ['id', undefined],
    ['id', 'not-a-uuid'],
    ['id', '6ba7b810-9dad-11d1-80b4-00c04fd430c8'], // a v1 uuid: ids are v4
    ['type', 'ReservationCreated'],
    ['type', 'reservation'],
    ['version', 0],
    ['version', 1.5],
    ['version', '1'],
    ['source', 'billing'],
    ['time', '2026-03-01T10:30:00+01:00'],
    ['time', '2026-03-01'],
    ['time', '2026-02-30T09:30:00Z'],
    ['propertyId', 'PAR-OPERA'],
    ['subject', ''],
    ['correlationId', undefined],
    ['causationId', undefined],
    ['causationId', ''],
    ['data', undefined],
    ['data', [1, 2]],
    ['data', 'payload'],
  ])('reports %s = %p on its own path', (field, value) => {
    expect(pathsOf(() => validateEnvelope(rawEvent({ [field]: value })))).toEqual([field]);
  });

  it('accepts a causationId that names the causing event, and null', () => {
    expect(validateEnvelope(rawEvent({ causationId: EVENT_ID })).causationId).toBe(EVENT_ID);
    expect(validateEnvelope(rawEvent({ causationId: null })).causationId).toBeNull();
  });

  it('reports every broken field at once, with a message that names them', () => {
    const raw = rawEvent({ id: 'x', propertyId: 'y', time: 'yesterday' });
    let caught: unknown;
    try {
      validateEnvelope(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventValidationError);
    const error = caught as EventValidationError;
    expect(error.name).toBe('EventValidationError');
    expect(error.issues.map((issue) => issue.path).sort()).toEqual(['id', 'propertyId', 'time']);
    expect(error.message).toContain(`Invalid event reservation.created v1 x`);
    expect(error.message).toContain('propertyId: propertyId must be a UUID');
  });

  it('accepts a propertyId of any uuid version, since ids may come from other generators', () => {
    const v7 = '01890a5d-ac96-774b-bcce-b302099a8057';
    expect(validateEnvelope(rawEvent({ propertyId: v7 })).propertyId).toBe(v7);
    expect(validateEnvelope(rawEvent()).propertyId).toBe(PROPERTY_ID);
  });
});
