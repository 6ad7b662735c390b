import { currencyProblem, DEFAULT_SLA_MINUTES, effectiveHasPorters, slaPolicy } from './settings-rules';

describe('concierge settings rules', () => {
  it('fills every category with the defaults and applies valid overrides only', () => {
    expect(slaPolicy(undefined)).toEqual(DEFAULT_SLA_MINUTES);
    const policy = slaPolicy({ luggage: 5, amenity: 0, spa: 12, information: 2.5 });
    expect(policy.luggage).toBe(5);
    expect(policy.amenity).toBe(DEFAULT_SLA_MINUTES.amenity);
    expect(policy.information).toBe(DEFAULT_SLA_MINUTES.information);
    expect(policy).not.toHaveProperty('spa');
  });

  it('lets the manager decide about porters, else the directory does', () => {
    expect(effectiveHasPorters(false, 3)).toBe(false);
    expect(effectiveHasPorters(true, 0)).toBe(true);
    expect(effectiveHasPorters(null, 1)).toBe(true);
    expect(effectiveHasPorters(null, 0)).toBe(false);
  });

  it('refuses money in another currency than the property’s, once that is known', () => {
    expect(currencyProblem('EUR', 'EUR')).toBeUndefined();
    expect(currencyProblem(null, 'USD')).toBeUndefined();
    expect(currencyProblem('EUR', 'USD')).toBe('The property bills in EUR, not USD');
  });
});
