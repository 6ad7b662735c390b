import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsUtcInstant, Omittable } from '../../validators';

/** What a complaint is about; the recurring-categories report counts them per property. */
export const COMPLAINT_CATEGORIES = [
  'room',
  'cleanliness',
  'noise',
  'service',
  'staff',
  'food_beverage',
  'amenities',
  'billing',
  'maintenance',
  'other',
] as const;
export type ComplaintCategory = (typeof COMPLAINT_CATEGORIES)[number];

/**
 * A guest complained; the front office manager was alerted at once. The guest's own words stay in the concierge
 * service: they are not copied onto the broker.
 */
export class ConciergeComplaintLoggedV1 {
  @IsUUID()
  complaintId!: string;

  /** The complaint request queued for the front office manager. */
  @IsUUID()
  requestId!: string;

  @IsIn(COMPLAINT_CATEGORIES)
  category!: ComplaintCategory;

  @Omittable()
  @IsUUID()
  reservationId?: string;

  @Omittable()
  @IsString()
  @Length(1, 16)
  roomNumber?: string;

  @IsString()
  @Length(1, 100)
  loggedBy!: string;

  @IsUtcInstant()
  loggedAt!: string;
}
