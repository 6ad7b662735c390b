import { looksLikeCardNumber, passesLuhn } from './card-data';

describe('card data', () => {
  it('knows the Luhn check', () => {
    expect(passesLuhn('4242424242424242')).toBe(true);
    expect(passesLuhn('4242424242424241')).toBe(false);
  });

  it('spots a card number, grouped or hidden in a reference', () => {
    expect(looksLikeCardNumber('4242424242424242')).toBe(true);
    expect(looksLikeCardNumber('4242 4242 4242 4242')).toBe(true);
    expect(looksLikeCardNumber('5555-5555-5555-4444')).toBe(true);
    expect(looksLikeCardNumber('ref:378282246310005')).toBe(true);
  });

  it('leaves processor references alone', () => {
    expect(looksLikeCardNumber('ch_3NqKx2LkdIwHu7ix0a1b2c3d')).toBe(false);
    expect(looksLikeCardNumber('AUTH-123456')).toBe(false);
    expect(looksLikeCardNumber('4242424242424241')).toBe(false);
  });
});
