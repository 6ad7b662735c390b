import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, ROOM_STATUSES, RoomStatus } from '@frontoffice/contracts';
import { PageQuery } from '@frontoffice/platform';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsIn,
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

export const MAX_BULK_ROOMS = 2000;

export class CreateRoomDto {
  @ApiProperty({ example: '1204', description: 'Unique in the property' })
  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,15}$/, { message: 'number must be 1-16 letters, digits, - or _' })
  number!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomTypeId!: string;

  @ApiPropertyOptional({ example: 12 })
  @IsOptional()
  @IsInt()
  @Min(-5)
  @Max(200)
  floor?: number;
}

export class BulkCreateRoomsDto {
  @ApiProperty({ type: [CreateRoomDto], maxItems: MAX_BULK_ROOMS })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_BULK_ROOMS)
  @ValidateNested({ each: true })
  @Type(() => CreateRoomDto)
  rooms!: CreateRoomDto[];
}

export class ChangeRoomStatusDto {
  @ApiProperty({ enum: ROOM_STATUSES, description: '`occupied` is set by check-in only' })
  @IsIn(ROOM_STATUSES)
  status!: RoomStatus;

  @ApiPropertyOptional({ description: 'Required for out_of_order', example: 'Water leak in the bathroom' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ description: 'out_of_order: first night out of order (default: the business date)' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ description: 'out_of_order: last night out of order, inclusive (default: open-ended)' })
  @IsOptional()
  @IsLocalDate()
  to?: string;
}

export class ListRoomsQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ROOM_STATUSES })
  @IsOptional()
  @IsIn(ROOM_STATUSES)
  status?: RoomStatus;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  roomTypeId?: string;
}

export class OutOfOrderView {
  @ApiProperty() reason!: string;
  @ApiProperty() from!: string;
  @ApiPropertyOptional({ nullable: true, type: String, description: 'Inclusive; null = open-ended' })
  to!: string | null;
}

export class RoomView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() number!: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) floor!: number | null;
  @ApiProperty() roomTypeId!: string;
  @ApiProperty({ enum: ROOM_STATUSES }) status!: RoomStatus;
  @ApiPropertyOptional({ nullable: true, type: OutOfOrderView }) outOfOrder!: OutOfOrderView | null;
}

export class RoomList {
  @ApiProperty({ type: [RoomView] }) items!: RoomView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
