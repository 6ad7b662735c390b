import { nameVariants, redactNames } from './outbox-erasure';

describe('redacting an erased guest', () => {
  const names = nameVariants(['Noa Levi']);

  it('knows a guest by the full name and each part of it', () => {
    expect(names.sort()).toEqual(['Levi', 'Noa', 'Noa Levi']);
    expect(nameVariants([null, '  ', 'A Bé'])).toEqual(['A Bé', 'Bé']);
  });

  it('replaces name fields and names inside free text, deep in a document', () => {
    const envelope = {
      type: 'reservation.created',
      data: {
        guest: { firstName: 'Noa', lastName: 'levi', guestId: 'g-1' },
        notes: ['Taxi for NOA LEVI at 7', 'Levi-Strauss jeans lost'],
        count: 2,
        vip: null,
      },
    };
    expect(redactNames(envelope, names, 'Erased')).toEqual({
      type: 'reservation.created',
      data: {
        guest: { firstName: 'Erased', lastName: 'Erased', guestId: 'g-1' },
        notes: ['Taxi for Erased at 7', 'Erased-Strauss jeans lost'],
        count: 2,
        vip: null,
      },
    });
  });

  it('leaves words that only contain a name alone, and ordinary words that a short name spells', () => {
    expect(redactNames('Noah and Levin', names, 'Erased')).toBe('Noah and Levin');
    expect(redactNames('An found an issue', nameVariants(['An Li']), 'Erased')).toBe('Erased found an issue');
    expect(redactNames({ a: 'x' }, [], 'Erased')).toEqual({ a: 'x' });
  });
});
