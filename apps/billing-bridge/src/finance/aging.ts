import { daysBetween } from '@frontoffice/platform';

/** Receivable aging buckets, by days since the business date a debt arose. */
export interface AgingBuckets {
  /** 0 to 30 days. */
  current: number;
  days31to60: number;
  days61to90: number;
  over90: number;
}

export interface Receivable {
  businessDate: string;
  amount: number;
}

/**
 * What a company owes, by age, as of a date: credits (money received, refunds to the account) settle the oldest
 * debts first. A credit balance (the company paid ahead) ages nowhere; the caller reports it in the balance.
 */
export function ageReceivables(debits: readonly Receivable[], credits: number, asOf: string): AgingBuckets {
  const buckets: AgingBuckets = { current: 0, days31to60: 0, days61to90: 0, over90: 0 };
  let unapplied = credits;
  const oldestFirst = [...debits].sort((a, b) => a.businessDate.localeCompare(b.businessDate));
  for (const debit of oldestFirst) {
    const settled = Math.min(unapplied, debit.amount);
    unapplied -= settled;
    const open = debit.amount - settled;
    if (open === 0) continue;
    const age = daysBetween(debit.businessDate, asOf);
    if (age <= 30) buckets.current += open;
    else if (age <= 60) buckets.days31to60 += open;
    else if (age <= 90) buckets.days61to90 += open;
    else buckets.over90 += open;
  }
  return buckets;
}
