import type { ChargeType, PostingKind, PostingSource } from '@frontoffice/contracts';
import { splitTaxIncluded } from '../taxes/tax-split';

/** What a posting will hold, computed before it touches the database. */
export interface PostingDraft {
  kind: PostingKind;
  chargeType: ChargeType;
  /** Signed: positive for a charge, negative for an allowance. Equals net + vat + cityTax. */
  amount: number;
  net: number;
  vat: number;
  cityTax: number;
  vatRateBasisPoints: number;
}

/**
 * A charge sold tax included (`gross`, positive) plus city tax collected on top. The VAT split never loses a cent,
 * so amount = net + vat + cityTax exactly.
 */
export function chargeDraft(chargeType: ChargeType, gross: number, vatRate: number, cityTax = 0): PostingDraft {
  if (gross < 0 || cityTax < 0) throw new RangeError('A charge is positive; post an allowance to reduce a folio');
  const { net, vat } = splitTaxIncluded(gross, vatRate);
  return { kind: 'charge', chargeType, amount: gross + cityTax, net, vat, cityTax, vatRateBasisPoints: vatRate };
}

/** An allowance of `gross` (positive, tax included) at the charge type's rate: the folio goes down by gross. */
export function allowanceDraft(chargeType: ChargeType, gross: number, vatRate: number): PostingDraft {
  if (gross <= 0) throw new RangeError('An allowance amount is positive');
  const { net, vat } = splitTaxIncluded(-gross, vatRate);
  return { kind: 'allowance', chargeType, amount: -gross, net, vat, cityTax: 0, vatRateBasisPoints: vatRate };
}

/** The exact reversal of a charge: every component negated, so revenue, VAT and city tax all come back. */
export function correctionDraft(original: PostingDraft): PostingDraft {
  if (original.kind !== 'charge') throw new RangeError('Only a charge can be corrected');
  return {
    kind: 'allowance',
    chargeType: original.chargeType,
    amount: -original.amount,
    net: -original.net,
    vat: -original.vat,
    cityTax: -original.cityTax,
    vatRateBasisPoints: original.vatRateBasisPoints,
  };
}

export interface PostingOrigin {
  source: PostingSource;
  /** Identifies the source record, so it posts at most once (unique with source); none for desk charges. */
  sourceRef?: string;
}
