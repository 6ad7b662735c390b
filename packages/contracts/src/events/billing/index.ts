import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { FolioOpenedV1 } from './folio-opened.v1';

export { FolioOpenedV1 } from './folio-opened.v1';

const topic = TOPICS.billing;

export const BILLING_EVENTS = [
  defineEvent({
    type: 'folio.opened',
    version: 1,
    topic,
    payload: FolioOpenedV1,
    subject: 'folioId',
    summary: 'A guest account (folio) was opened for a reservation.',
  }),
] as const;

export interface BillingEventDataMap {
  'folio.opened': FolioOpenedV1;
}

export const BILLING_LATEST_PAYLOADS: LatestPayloads<BillingEventDataMap> = {
  'folio.opened': FolioOpenedV1,
};
