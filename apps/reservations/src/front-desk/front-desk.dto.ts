import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, VIP_LEVELS } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsDefined, IsOptional, IsString, IsUUID, Length, ValidateNested } from 'class-validator';
import { CreateReservationDto, GuestDto, ReservationView } from '../reservations/reservations.dto';

export class AssignRoomDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiPropertyOptional({ description: 'Accept a room of another type than the booked one, recorded as an upgrade' })
  @IsOptional()
  @IsBoolean()
  upgrade?: boolean;

  @ApiPropertyOptional({ description: 'Why this room (recorded with the assignment)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class CheckInDto {
  @ApiPropertyOptional({ format: 'uuid', description: 'The room to give; omitted: the assigned room, or a ready one' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ description: 'Accept a room of another type than the booked one, recorded as an upgrade' })
  @IsOptional()
  @IsBoolean()
  upgrade?: boolean;
}

export class RoomMoveDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomId!: string;

  @ApiPropertyOptional({ example: 'Noisy neighbours' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;

  @ApiPropertyOptional({ description: 'Accept a room of another type, recorded as an upgrade' })
  @IsOptional()
  @IsBoolean()
  upgrade?: boolean;
}

export class WalkInDto extends CreateReservationDto {
  @ApiProperty({ type: GuestDto })
  @IsDefined()
  @ValidateNested()
  @Type(() => GuestDto)
  override guest!: GuestDto;

  @ApiPropertyOptional({ format: 'uuid', description: 'The room to give; omitted: a ready room of the type' })
  @IsOptional()
  @IsUUID()
  roomId?: string;

  @ApiPropertyOptional({ description: 'Accept a room of another type than the booked one, recorded as an upgrade' })
  @IsOptional()
  @IsBoolean()
  upgrade?: boolean;
}

export class DateQuery {
  @ApiPropertyOptional({ example: '2026-11-29', description: 'Property-local date; default: the business date' })
  @IsOptional()
  @IsLocalDate()
  date?: string;
}

export class RoomRef {
  @ApiProperty() id!: string;
  @ApiProperty({ example: '214' }) number!: string;
  @ApiProperty() roomTypeId!: string;
}

/** A reservation after a front-desk action: the booking, its status and its room. */
export class StayView extends ReservationView {
  @ApiPropertyOptional({ nullable: true, type: RoomRef }) room!: RoomRef | null;
  @ApiProperty({ description: 'The room given is of a better type than booked' }) upgraded!: boolean;
}

export class DeskListGuest {
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String }) guestId!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ enum: VIP_LEVELS }) vipLevel!: string;
}

export class DeskListItem {
  @ApiProperty() reservationId!: string;
  @ApiProperty() confirmationNumber!: string;
  @ApiProperty() status!: string;
  @ApiProperty({ type: DeskListGuest }) guest!: DeskListGuest;
  @ApiProperty({ description: 'VIP or VVIP: the front office manager greets them' }) vip!: boolean;
  @ApiProperty() roomTypeId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) roomId!: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) roomNumber!: string | null;
  @ApiProperty() arrival!: string;
  @ApiProperty() departure!: string;
  @ApiProperty() adults!: number;
  @ApiProperty() children!: number;
  @ApiPropertyOptional({ nullable: true, type: String }) groupBlockId!: string | null;
}

export class DeskListGroup {
  @ApiProperty() groupBlockId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) reservationIds!: string[];
}

export class DeskList {
  @ApiProperty({ example: '2026-11-29' }) date!: string;
  @ApiProperty({ type: [DeskListItem], description: 'Groups first (together), then VIPs, then by last name' })
  items!: DeskListItem[];
  @ApiProperty({ type: [DeskListGroup] }) groups!: DeskListGroup[];
  @ApiProperty() vipCount!: number;
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
