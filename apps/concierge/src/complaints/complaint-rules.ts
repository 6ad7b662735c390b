export type CompensationStatus = 'proposed' | 'approved' | 'rejected';

export type CompensationDecision =
  | { outcome: 'apply'; to: CompensationStatus }
  | { outcome: 'already'; status: CompensationStatus }
  | { outcome: 'refused'; reason: string }
  | { outcome: 'forbidden'; reason: string };

/**
 * A proposed compensation is approved or rejected once. Approving it again is a harmless replay (same answer, no
 * second grant); approving a rejected one, or rejecting an approved one, is a conflict. Four eyes: whoever proposed
 * it never approves it (withdrawing one's own proposal by rejecting it stays allowed).
 */
export function decideCompensation(
  current: CompensationStatus,
  wanted: 'approved' | 'rejected',
  people: { proposedBy: string; decidedBy: string },
): CompensationDecision {
  if (wanted === 'approved' && people.proposedBy === people.decidedBy) {
    return {
      outcome: 'forbidden',
      reason: 'A compensation is approved by a manager other than the one who proposed it',
    };
  }
  if (current === 'proposed') return { outcome: 'apply', to: wanted };
  if (current === wanted) return { outcome: 'already', status: current };
  return { outcome: 'refused', reason: `The compensation was already ${current}` };
}

/** Compensation is money credited to the guest: a positive amount tied to a stay billing can post it to. */
export function compensationProblem(input: {
  reservationId: string | null;
  amountMinor: number;
}): { field: string; reason: string } | undefined {
  if (!input.reservationId) {
    return { field: 'reservationId', reason: 'A compensation needs the complaint to name the guest’s reservation' };
  }
  if (!Number.isSafeInteger(input.amountMinor) || input.amountMinor <= 0) {
    return { field: 'amount.amountMinor', reason: 'The compensation amount must be positive' };
  }
  return undefined;
}

export interface CategoryCount {
  category: string;
  count: number;
}

export interface CategoryReportLine extends CategoryCount {
  share: number;
  recurring: boolean;
}

/**
 * Complaint categories of a period, most frequent first. A category is recurring when it comes back at least
 * `threshold` times: that is what the front office manager acts on (training, maintenance, a supplier).
 */
export function categoryReport(counts: CategoryCount[], threshold = 3): CategoryReportLine[] {
  const total = counts.reduce((sum, line) => sum + line.count, 0);
  return counts
    .filter((line) => line.count > 0)
    .map((line) => ({
      ...line,
      share: total === 0 ? 0 : Math.round((line.count / total) * 1000) / 1000,
      recurring: line.count >= threshold,
    }))
    .sort((a, b) => b.count - a.count || a.category.localeCompare(b.category));
}
