import { defineEvent, type LatestPayloads } from '../../define-event';
import { TOPICS } from '../../topics';
import { ConciergeCompensationGrantedV1 } from './compensation-granted.v1';
import { ConciergeComplaintLoggedV1 } from './complaint-logged.v1';
import { ConciergeMessageDeliveryChangedV1 } from './message-delivery-changed.v1';
import { ConciergeMessageSentV1 } from './message-sent.v1';
import { ConciergeRequestAssignedV1 } from './request-assigned.v1';
import { ConciergeRequestCompletedV1 } from './request-completed.v1';
import { ConciergeRequestCreatedV1 } from './request-created.v1';
import { ConciergeRequestEscalatedV1 } from './request-escalated.v1';
import { ConciergeServiceChargedV1 } from './service-charged.v1';

export { COMPENSATION_KINDS, ConciergeCompensationGrantedV1, type CompensationKind } from './compensation-granted.v1';
export { ConciergeServiceChargedV1, SERVICE_CHARGE_TYPES, type ServiceChargeType } from './service-charged.v1';
export {
  ConciergeRequestCreatedV1,
  REQUEST_CATEGORIES,
  REQUEST_PRIORITIES,
  REQUEST_ROLES,
  type RequestCategory,
  type RequestPriority,
  type RequestRole,
} from './request-created.v1';
export { ConciergeRequestAssignedV1 } from './request-assigned.v1';
export { ConciergeRequestCompletedV1 } from './request-completed.v1';
export { ConciergeRequestEscalatedV1, ESCALATION_REASONS, type EscalationReason } from './request-escalated.v1';
export { COMPLAINT_CATEGORIES, ConciergeComplaintLoggedV1, type ComplaintCategory } from './complaint-logged.v1';
export {
  ConciergeMessageSentV1,
  MESSAGE_CHANNELS,
  MESSAGE_PURPOSES,
  type MessageChannel,
  type MessagePurpose,
} from './message-sent.v1';
export {
  ConciergeMessageDeliveryChangedV1,
  DELIVERY_STATUSES,
  type DeliveryStatus,
} from './message-delivery-changed.v1';

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
  defineEvent({
    type: 'concierge.request-created',
    version: 1,
    topic,
    payload: ConciergeRequestCreatedV1,
    subject: 'requestId',
    summary: 'A guest request or internal task was opened in a role queue, with its SLA due time.',
  }),
  defineEvent({
    type: 'concierge.request-assigned',
    version: 1,
    topic,
    payload: ConciergeRequestAssignedV1,
    subject: 'requestId',
    summary: 'A request was assigned to an employee holding the role it needs.',
  }),
  defineEvent({
    type: 'concierge.request-completed',
    version: 1,
    topic,
    payload: ConciergeRequestCompletedV1,
    subject: 'requestId',
    summary: 'A request was done, within its SLA or not.',
  }),
  defineEvent({
    type: 'concierge.request-escalated',
    version: 1,
    topic,
    payload: ConciergeRequestEscalatedV1,
    subject: 'requestId',
    summary: 'A request passed its SLA or is a complaint, and went to the front office manager (once per request).',
  }),
  defineEvent({
    type: 'concierge.complaint-logged',
    version: 1,
    topic,
    payload: ConciergeComplaintLoggedV1,
    subject: 'complaintId',
    summary: 'A guest complaint was recorded and the front office manager alerted.',
  }),
  defineEvent({
    type: 'concierge.message-sent',
    version: 1,
    topic,
    payload: ConciergeMessageSentV1,
    subject: 'messageId',
    summary: 'A message rendered from a protocol template was sent to a guest.',
  }),
  defineEvent({
    type: 'concierge.message-delivery-changed',
    version: 1,
    topic,
    payload: ConciergeMessageDeliveryChangedV1,
    subject: 'messageId',
    summary: 'An e-mail to a guest was queued, accepted by the SMTP relay, deferred, failed or withdrawn (ids only).',
  }),
] as const;

export interface ConciergeEventDataMap {
  'concierge.service-charged': ConciergeServiceChargedV1;
  'concierge.compensation-granted': ConciergeCompensationGrantedV1;
  'concierge.request-created': ConciergeRequestCreatedV1;
  'concierge.request-assigned': ConciergeRequestAssignedV1;
  'concierge.request-completed': ConciergeRequestCompletedV1;
  'concierge.request-escalated': ConciergeRequestEscalatedV1;
  'concierge.complaint-logged': ConciergeComplaintLoggedV1;
  'concierge.message-sent': ConciergeMessageSentV1;
  'concierge.message-delivery-changed': ConciergeMessageDeliveryChangedV1;
}

export const CONCIERGE_LATEST_PAYLOADS: LatestPayloads<ConciergeEventDataMap> = {
  'concierge.service-charged': ConciergeServiceChargedV1,
  'concierge.compensation-granted': ConciergeCompensationGrantedV1,
  'concierge.request-created': ConciergeRequestCreatedV1,
  'concierge.request-assigned': ConciergeRequestAssignedV1,
  'concierge.request-completed': ConciergeRequestCompletedV1,
  'concierge.request-escalated': ConciergeRequestEscalatedV1,
  'concierge.complaint-logged': ConciergeComplaintLoggedV1,
  'concierge.message-sent': ConciergeMessageSentV1,
  'concierge.message-delivery-changed': ConciergeMessageDeliveryChangedV1,
};
