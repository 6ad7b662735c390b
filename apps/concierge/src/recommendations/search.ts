export const RECOMMENDATION_CATEGORIES = [
  'attraction',
  'restaurant',
  'entertainment',
  'transport',
  'shopping',
  'wellness',
  'nightlife',
  'other',
] as const;
export type RecommendationCategory = (typeof RECOMMENDATION_CATEGORIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** One opening period, property-local; a close before the open runs past midnight (a bar 18:00-02:00). */
export interface OpeningPeriod {
  day: Weekday;
  open: string;
  close: string;
}

export interface Searchable {
  name: string;
  category: string;
  description: string | null;
  address: string;
  tags: string[];
  languages: string[];
  openingHours: OpeningPeriod[];
}

export interface RecommendationSearch {
  q?: string;
  category?: string;
  tag?: string;
  language?: string;
  openDay?: Weekday;
  openTime?: string;
}

function previousDay(day: Weekday): Weekday {
  return WEEKDAYS[(WEEKDAYS.indexOf(day) + 6) % 7];
}

/** Whether the place is open on `day` at `time` (HH:MM), counting periods that started the evening before. */
export function isOpenAt(hours: OpeningPeriod[], day: Weekday, time: string): boolean {
  return hours.some((period) => {
    const overnight = period.close <= period.open;
    if (period.day === day) return overnight ? time >= period.open : time >= period.open && time < period.close;
    return overnight && period.day === previousDay(day) && time < period.close;
  });
}

function normalise(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Free text matches name, description, address or tags, accents and case ignored; every word must match. */
export function matches(item: Searchable, search: RecommendationSearch): boolean {
  if (search.category && item.category !== search.category) return false;
  if (search.tag && !item.tags.some((tag) => normalise(tag) === normalise(search.tag!))) return false;
  if (
    search.language &&
    !item.languages.some(
      (language) => language.split('-')[0].toLowerCase() === search.language!.split('-')[0].toLowerCase(),
    )
  ) {
    return false;
  }
  if (search.openDay && search.openTime && !isOpenAt(item.openingHours, search.openDay, search.openTime)) return false;
  if (search.q) {
    const haystack = normalise([item.name, item.description ?? '', item.address, ...item.tags].join(' '));
    if (
      !normalise(search.q)
        .split(/\s+/)
        .filter(Boolean)
        .every((word) => haystack.includes(word))
    )
      return false;
  }
  return true;
}
