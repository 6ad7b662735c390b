import { daysBetween } from '../time/local-calendar';
import { BusinessRuleViolation } from './domain-errors';

export interface DateSpanRule {
  /** Longest span accepted, in days (nights for a stay). */
  maxDays: number;
  /** The request field a refusal names, usually the later date. */
  field: string;
  /** `to` is the last day itself (a price override), not the day after (a departure). */
  inclusive?: boolean;
  backwardsCode?: string;
  backwardsMessage?: string;
  tooLongCode?: string;
  tooLongMessage?: string;
}

/**
 * Checks a span of two local dates in constant time, before anything is built from it (a list of nights, a price per
 * night, an SQL series): a client's year 1900 to 2199 range is refused here, not after the service has spent
 * seconds of its event loop expanding it.
 */
export function assertDateSpan(from: string, to: string, rule: DateSpanRule): number {
  const days = daysBetween(from, to) + (rule.inclusive ? 1 : 0);
  if (!Number.isFinite(days) || days < 1) {
    throw new BusinessRuleViolation(
      rule.backwardsCode ?? 'range-backwards',
      rule.backwardsMessage ?? `${rule.field} must be after the start of the range`,
      rule.field,
    );
  }
  if (days > rule.maxDays) {
    throw new BusinessRuleViolation(
      rule.tooLongCode ?? 'range-too-long',
      rule.tooLongMessage ?? `At most ${rule.maxDays} days at a time`,
      rule.field,
    );
  }
  return days;
}
