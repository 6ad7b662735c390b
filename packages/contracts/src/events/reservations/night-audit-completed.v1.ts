import { Type } from 'class-transformer';
import { IsInt, IsObject, IsUUID, Min, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant } from '../../validators';

/** A business date was closed: the figures finance's flash report and staffing need. */
export class NightAuditCompletedV1 {
  /** The audit run; one per (property, business date). */
  @IsUUID()
  auditId!: string;

  @IsLocalDate()
  businessDate!: string;

  @IsLocalDate()
  nextBusinessDate!: string;

  @IsInt()
  @Min(0)
  roomsTotal!: number;

  @IsInt()
  @Min(0)
  roomsOutOfOrder!: number;

  /** Rooms that could be sold that night: total minus out of order. */
  @IsInt()
  @Min(0)
  roomsAvailable!: number;

  /** Stay-nights posted that night. */
  @IsInt()
  @Min(0)
  roomsSold!: number;

  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  roomRevenue!: Money;

  @IsInt()
  @Min(0)
  arrivals!: number;

  @IsInt()
  @Min(0)
  departures!: number;

  @IsInt()
  @Min(0)
  noShows!: number;

  @IsInt()
  @Min(0)
  groupRoomNightsReleased!: number;

  @IsUtcInstant()
  completedAt!: string;
}
