import { Type } from 'class-transformer';
import { IsArray, IsInt, IsObject, IsUUID, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../validators';
import { GroupBlockNightV1 } from './group-block-created.v1';

/** The cut-off passed: rooms the group did not pick up went back to general inventory. */
export class GroupBlockReleasedV1 {
  @IsUUID()
  groupBlockId!: string;

  @IsUUID()
  roomTypeId!: string;

  @IsLocalDate()
  businessDate!: string;

  /** Rooms released per night. */
  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GroupBlockNightV1)
  released!: GroupBlockNightV1[];

  @IsInt()
  @Min(0)
  roomNightsReleased!: number;
}
