import { Type } from 'class-transformer';
import { IsArray, IsBoolean, IsObject, IsString, IsUUID, Length, ValidateNested } from 'class-validator';

export class ChannelRoomTypeCodeV1 {
  @IsString()
  @Length(1, 64)
  code!: string;

  @IsUUID()
  roomTypeId!: string;
}

export class ChannelRatePlanCodeV1 {
  @IsString()
  @Length(1, 64)
  code!: string;

  @IsUUID()
  ratePlanId!: string;
}

/**
 * How one channel manager names one property, its room types and rate plans; `active: false` when the property was
 * disconnected from the channel. Carries no credentials.
 */
export class ChannelMappingUpdatedV1 {
  @IsUUID()
  channelId!: string;

  @IsString()
  @Length(1, 64)
  channelCode!: string;

  @IsString()
  @Length(1, 64)
  hotelCode!: string;

  @IsBoolean()
  active!: boolean;

  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ChannelRoomTypeCodeV1)
  roomTypes!: ChannelRoomTypeCodeV1[];

  @IsArray()
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ChannelRatePlanCodeV1)
  ratePlans!: ChannelRatePlanCodeV1[];
}
