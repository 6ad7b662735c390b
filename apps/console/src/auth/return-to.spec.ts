import { safeReturnTo } from './return-to';

describe('safeReturnTo', () => {
  it('keeps a relative path with its query and fragment', () => {
    expect(safeReturnTo('/arrivals?date=2026-12-02#top')).toBe('/arrivals?date=2026-12-02#top');
  });

  it.each(['https://evil.example/', '//evil.example/x', '/\\evil.example', 'arrivals', '', '/a\nb', 42, undefined])(
    'turns %p into /',
    (value) => expect(safeReturnTo(value)).toBe('/'),
  );
});
