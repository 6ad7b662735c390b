import { Equals, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsUtcInstant, Omittable } from '../../validators';
import {
  REQUEST_CATEGORIES,
  REQUEST_PRIORITIES,
  type RequestCategory,
  type RequestPriority,
} from './request-created.v1';

/** Why a request went up to the front office manager. */
export const ESCALATION_REASONS = ['sla_breached', 'complaint'] as const;
export type EscalationReason = (typeof ESCALATION_REASONS)[number];

/** A request passed its SLA, or is a complaint: the front office manager handles it now. Once per request. */
export class ConciergeRequestEscalatedV1 {
  @IsUUID()
  requestId!: string;

  @IsIn(REQUEST_CATEGORIES)
  category!: RequestCategory;

  @IsIn(REQUEST_PRIORITIES)
  priority!: RequestPriority;

  @IsIn(ESCALATION_REASONS)
  reason!: EscalationReason;

  @Equals('front_office_manager')
  escalatedTo!: 'front_office_manager';

  @IsUtcInstant()
  dueAt!: string;

  @IsUtcInstant()
  escalatedAt!: string;

  @Omittable()
  @IsString()
  @Length(1, 100)
  assigneeId?: string;

  @Omittable()
  @IsUUID()
  reservationId?: string;

  @Omittable()
  @IsString()
  @Length(1, 16)
  roomNumber?: string;
}
