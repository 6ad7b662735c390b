import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsUtcInstant, Omittable } from '../../validators';

/** What a guest request is about; the category picks the role that handles it and its SLA. */
export const REQUEST_CATEGORIES = [
  'information',
  'local_booking',
  'amenity',
  'luggage',
  'wake_up',
  'maintenance',
  'complaint',
] as const;
export type RequestCategory = (typeof REQUEST_CATEGORIES)[number];

export const REQUEST_PRIORITIES = ['low', 'normal', 'high', 'urgent'] as const;
export type RequestPriority = (typeof REQUEST_PRIORITIES)[number];

/** The desk roles a request can be queued for. */
export const REQUEST_ROLES = ['front_desk', 'concierge', 'porter', 'front_office_manager'] as const;
export type RequestRole = (typeof REQUEST_ROLES)[number];

/** A guest request or an internal task (luggage up/down, VIP welcome) was opened, with its SLA due time. */
export class ConciergeRequestCreatedV1 {
  @IsUUID()
  requestId!: string;

  @IsIn(REQUEST_CATEGORIES)
  category!: RequestCategory;

  @IsIn(REQUEST_PRIORITIES)
  priority!: RequestPriority;

  /** The queue (role) the request waits in. */
  @IsIn(REQUEST_ROLES)
  role!: RequestRole;

  /** Set for tasks the service opened itself, e.g. 'luggage_up', 'luggage_down', 'vip_welcome'. */
  @Omittable()
  @IsString()
  @Length(1, 32)
  kind?: string;

  @Omittable()
  @IsUUID()
  reservationId?: string;

  @Omittable()
  @IsString()
  @Length(1, 16)
  roomNumber?: string;

  @IsUtcInstant()
  dueAt!: string;

  @IsString()
  @Length(1, 100)
  createdBy!: string;

  @IsUtcInstant()
  createdAt!: string;
}
