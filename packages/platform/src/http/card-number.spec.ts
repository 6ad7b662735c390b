import { cardNumberProblems, looksLikeCardNumber, passesLuhn } from './card-number';

describe('card numbers', () => {
  it('knows the Luhn check', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
  });

  it.each([
    '4242424242424242',
    '4242 4242 4242 4242',
    '5555-5555-5555-4444',
    'ref:378282246310005',
    // Finding 6 of issue 11: each of these went through.
    '4111111111111111 1228',
    '4111.1111.1111.1111',
    '4111_1111_1111_1111',
    'card 4111 1111 1111 1111',
    '4111 - 1111 / 1111 . 1111',
    'exp 12/28 4111-1111_1111.1111 cvv 123',
    'pan:6011111111111117',
    '4222222222222', // 13 digits
    '6250941006528599', // 16 digits, UnionPay
  ])('spots %p', (text) => {
    expect(looksLikeCardNumber(text)).toBe(true);
  });

  it.each([
    'ch_3NqKx2LkdIwHu7ix0a1b2c3d',
    'AUTH-123456',
    '4242424242424241',
    'Room 412, late check-out 14:00, 2 adults',
    '+33612345678',
    '2026-12-24',
    'FR40303265045',
    '41111111111111111111111', // 23 digits: not a PAN
    '4111 1111 1111 111', // 15 digits, Luhn fails
  ])('leaves %p alone', (text) => {
    expect(looksLikeCardNumber(text)).toBe(false);
  });

  it('names every field of a request that holds one, at any depth', () => {
    expect(
      cardNumberProblems({
        description: 'card 4111 1111 1111 1111',
        guest: { firstName: 'Ann', lastName: '4111.1111.1111.1111' },
        lines: [{ note: 'fine' }, { note: '4111_1111_1111_1111' }],
        id: '41111111-1111-1111-1111-111111111111',
        amountMinor: 4111111111111111,
      }).map((problem) => problem.field),
    ).toEqual(['description', 'guest.lastName', 'lines[1].note']);
  });

  it('lets a phone number through a phone field, even one that passes Luhn, but not a card number', () => {
    expect(passesLuhn('4915112345678')).toBe(true);
    expect(
      cardNumberProblems({
        guest: { phone: '+4915112345678', mobile: '+49 151 1234 5678' },
        notes: 'call +4915112345678',
        contact: { phone: '4111 1111 1111 1111' },
      }).map((problem) => problem.field),
    ).toEqual(['notes', 'contact.phone']);
  });
});
