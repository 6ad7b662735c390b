import { BusinessRuleViolation } from '@frontoffice/platform';

export interface BlockNight {
  date: string;
  rooms: number;
  pickedUp: number;
  released: number;
}

/** Nights must be distinct and not in the past; the cut-off is not after the last night nor before today. */
export function validateBlock(
  input: { cutoffDate: string; nights: { date: string; rooms: number }[] },
  businessDate: string,
) {
  const seen = new Set<string>();
  input.nights.forEach((night, index) => {
    if (seen.has(night.date)) {
      throw new BusinessRuleViolation('duplicate-night', `${night.date} is listed twice`, `nights[${index}].date`);
    }
    seen.add(night.date);
    if (night.date < businessDate) {
      throw new BusinessRuleViolation(
        'date-in-past',
        `nights must not be before ${businessDate}`,
        `nights[${index}].date`,
      );
    }
  });
  const last = [...seen].sort().at(-1)!;
  if (input.cutoffDate < businessDate) {
    throw new BusinessRuleViolation('date-in-past', `cutoffDate must not be before ${businessDate}`, 'cutoffDate');
  }
  if (input.cutoffDate > last) {
    throw new BusinessRuleViolation('cutoff-after-stay', 'cutoffDate must not be after the last night', 'cutoffDate');
  }
}

/** Rooms the block still holds for a night. */
export function remaining(night: BlockNight): number {
  return night.rooms - night.pickedUp - night.released;
}

/** What releasing a block at cut-off gives back, night by night (nights with nothing left are skipped). */
export function releasePlan(nights: BlockNight[]): { date: string; rooms: number }[] {
  return nights.map((night) => ({ date: night.date, rooms: remaining(night) })).filter((night) => night.rooms > 0);
}
