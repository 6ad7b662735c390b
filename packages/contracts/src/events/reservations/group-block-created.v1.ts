import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsObject, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { IsLocalDate } from '../../validators';

export class GroupBlockNightV1 {
  @IsLocalDate()
  date!: string;

  @IsInt()
  @Min(0)
  rooms!: number;
}

/** Rooms of one type held for a group until a cut-off date. */
export class GroupBlockCreatedV1 {
  @IsUUID()
  groupBlockId!: string;

  @IsString()
  @Length(1, 32)
  code!: string;

  @IsString()
  @Length(1, 200)
  name!: string;

  @IsUUID()
  roomTypeId!: string;

  /** After this date the night audit releases what the group has not picked up. */
  @IsLocalDate()
  cutoffDate!: string;

  @IsArray()
  @ArrayMinSize(1)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => GroupBlockNightV1)
  nights!: GroupBlockNightV1[];
}
