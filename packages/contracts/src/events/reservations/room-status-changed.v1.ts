import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsLocalDate, Omittable } from '../../validators';

export const ROOM_STATUSES = ['vacant_clean', 'vacant_dirty', 'inspected', 'occupied', 'out_of_order'] as const;
export type RoomStatus = (typeof ROOM_STATUSES)[number];

/** Housekeeping, the desk or a stay changed a room's status. */
export class RoomStatusChangedV1 {
  @IsUUID()
  roomId!: string;

  @IsString()
  @Length(1, 16)
  roomNumber!: string;

  @IsUUID()
  roomTypeId!: string;

  @IsIn(ROOM_STATUSES)
  status!: RoomStatus;

  @IsIn(ROOM_STATUSES)
  previousStatus!: RoomStatus;

  /** Why a room is out of order, and for which nights. */
  @Omittable()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @Omittable()
  @IsLocalDate()
  outOfOrderFrom?: string;

  @Omittable()
  @IsLocalDate()
  outOfOrderTo?: string;
}
