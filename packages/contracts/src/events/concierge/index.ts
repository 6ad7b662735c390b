import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { ConciergeCompensationGrantedV1 } from './compensation-granted.v1';
import { ConciergeServiceChargedV1 } from './service-charged.v1';

export { COMPENSATION_KINDS, ConciergeCompensationGrantedV1, type CompensationKind } from './compensation-granted.v1';
export { ConciergeServiceChargedV1, SERVICE_CHARGE_TYPES, type ServiceChargeType } from './service-charged.v1';

const topic = TOPICS.concierge;

export const CONCIERGE_EVENTS = [
  defineEvent({
    type: 'concierge.service-charged',
    version: 1,
    topic,
    payload: ConciergeServiceChargedV1,
    subject: 'chargeId',
    summary: 'The concierge sold a service to an in-house guest; billing posts it to the folio.',
  }),
  defineEvent({
    type: 'concierge.compensation-granted',
    version: 1,
    topic,
    payload: ConciergeCompensationGrantedV1,
    subject: 'compensationId',
    summary: 'A compensation for a complaint was approved; billing posts it as an allowance.',
  }),
] as const;

export interface ConciergeEventDataMap {
  'concierge.service-charged': ConciergeServiceChargedV1;
  'concierge.compensation-granted': ConciergeCompensationGrantedV1;
}

export const CONCIERGE_LATEST_PAYLOADS: LatestPayloads<ConciergeEventDataMap> = {
  'concierge.service-charged': ConciergeServiceChargedV1,
  'concierge.compensation-granted': ConciergeCompensationGrantedV1,
};
