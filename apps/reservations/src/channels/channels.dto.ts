import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const CODE = /^[A-Za-z0-9_.-]+$/;

export class CreateChannelDto {
  @ApiProperty({ example: 'siteminder', description: 'Also the username of the channel’s HTTP Basic credentials' })
  @IsString()
  @Length(2, 64)
  @Matches(CODE, { message: 'code may hold letters, digits, dot, dash and underscore' })
  code!: string;

  @ApiProperty({ example: 'SiteMinder' })
  @IsString()
  @Length(1, 200)
  name!: string;
}

export class RotateChannelKeyDto {
  @ApiPropertyOptional({ minimum: 0, maximum: 168, default: 24, description: 'Hours the previous key keeps working' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(168)
  overlapHours?: number;
}

export class UpdateChannelDto {
  @ApiProperty({ description: 'A paused channel is refused (OTA authentication error) until it is active again' })
  @IsBoolean()
  active!: boolean;
}

export class ChannelView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() active!: boolean;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) keyRotatedAt!: string | null;
}

export class ChannelCredentialsView {
  @ApiProperty({ description: 'HTTP Basic username (the channel code)' }) username!: string;
  @ApiProperty({ description: 'HTTP Basic password: shown this once, stored only as a SHA-256 hash' })
  apiKey!: string;
}

export class ChannelWithCredentialsView extends ChannelView {
  @ApiProperty({ type: ChannelCredentialsView }) credentials!: ChannelCredentialsView;
}

export class ChannelList {
  @ApiProperty({ type: [ChannelView] }) items!: ChannelView[];
}

export class RoomTypeCodeDto {
  @ApiProperty({ example: 'DBL-STD', description: 'The channel’s code for the room type' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomTypeId!: string;
}

export class RatePlanCodeDto {
  @ApiProperty({ example: 'BAR-RO', description: 'The channel’s code for the rate plan' })
  @IsString()
  @Length(1, 64)
  code!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  ratePlanId!: string;
}

export class ChannelMappingDto {
  @ApiProperty({ example: 'PAROPERA', description: 'The channel’s code for this property (HotelCode)' })
  @IsString()
  @Length(1, 64)
  hotelCode!: string;

  @ApiProperty({ type: [RoomTypeCodeDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RoomTypeCodeDto)
  roomTypes!: RoomTypeCodeDto[];

  @ApiProperty({ type: [RatePlanCodeDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => RatePlanCodeDto)
  ratePlans!: RatePlanCodeDto[];
}

export class ChannelMappingView {
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty() channelCode!: string;
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty() hotelCode!: string;
  @ApiProperty({ type: [RoomTypeCodeDto] }) roomTypes!: RoomTypeCodeDto[];
  @ApiProperty({ type: [RatePlanCodeDto] }) ratePlans!: RatePlanCodeDto[];
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
}

export class ChannelMappingList {
  @ApiProperty({ type: [ChannelMappingView] }) items!: ChannelMappingView[];
}
