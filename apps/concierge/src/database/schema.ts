import { ConciergeCore1764400900000 } from './migrations/1764400900000-concierge-core';
import { MessageLanguageSource1764400901000 } from './migrations/1764400901000-message-language-source';
import { PropertyCurrency1764400902000 } from './migrations/1764400902000-property-currency';
import { StayAppliedPosition1764400903000 } from './migrations/1764400903000-stay-applied-position';
import { GuestMail1764400914000 } from './migrations/1764400914000-guest-mail';

/** Concierge works through SQL repositories (row locks and conditional updates), so it maps no entities. */
export const CONCIERGE_ENTITIES: Function[] = [];
export const CONCIERGE_MIGRATIONS: Function[] = [
  ConciergeCore1764400900000,
  MessageLanguageSource1764400901000,
  PropertyCurrency1764400902000,
  StayAppliedPosition1764400903000,
  GuestMail1764400914000,
];
