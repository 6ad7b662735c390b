import { isOpenAt, matches, Searchable } from './search';

const bistro: Searchable = {
  name: 'Le Petit Bistrot',
  category: 'restaurant',
  description: 'Cuisine française, terrasse',
  address: '12 rue de la Paix',
  tags: ['French', 'terrace', 'romantic'],
  languages: ['fr', 'en-GB'],
  openingHours: [
    { day: 'mon', open: '12:00', close: '14:30' },
    { day: 'fri', open: '19:00', close: '01:00' },
  ],
};

describe('recommendation search', () => {
  it('knows opening hours, overnight periods included', () => {
    expect(isOpenAt(bistro.openingHours, 'mon', '13:00')).toBe(true);
    expect(isOpenAt(bistro.openingHours, 'mon', '14:30')).toBe(false);
    expect(isOpenAt(bistro.openingHours, 'fri', '23:30')).toBe(true);
    expect(isOpenAt(bistro.openingHours, 'sat', '00:30')).toBe(true);
    expect(isOpenAt(bistro.openingHours, 'sat', '01:30')).toBe(false);
    expect(isOpenAt(bistro.openingHours, 'tue', '13:00')).toBe(false);
  });

  it('filters by category, tag, language and free text, accents and case ignored', () => {
    expect(matches(bistro, { q: 'francaise TERRASSE' })).toBe(true);
    expect(matches(bistro, { q: 'sushi' })).toBe(false);
    expect(matches(bistro, { category: 'restaurant', tag: 'french', language: 'en' })).toBe(true);
    expect(matches(bistro, { language: 'de' })).toBe(false);
    expect(matches(bistro, { category: 'attraction' })).toBe(false);
    expect(matches(bistro, { openDay: 'sat', openTime: '00:15' })).toBe(true);
  });
});
