import { OptionalReservationId, OptionalRoomNumber } from '../common/dto-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsUtcInstant,
  REQUEST_CATEGORIES,
  REQUEST_PRIORITIES,
  REQUEST_ROLES,
  type RequestCategory,
  type RequestPriority,
  type RequestRole,
} from '@frontoffice/contracts';
import { IsIn, IsOptional, IsString, IsUUID, Length } from 'class-validator';
import { REQUEST_STATUSES, type RequestStatus } from './request-rules';
import { PageQuery } from '@frontoffice/platform';

export class CreateRequestDto {
  @ApiProperty({ enum: REQUEST_CATEGORIES })
  @IsIn(REQUEST_CATEGORIES)
  category!: RequestCategory;

  @ApiProperty({ example: 'Two extra pillows' })
  @IsString()
  @Length(1, 2000)
  description!: string;

  @OptionalReservationId()
  reservationId?: string;

  @OptionalRoomNumber()
  roomNumber?: string;

  @ApiPropertyOptional({ enum: REQUEST_PRIORITIES, default: 'normal', description: 'VIP guests get at least high' })
  @IsOptional()
  @IsIn(REQUEST_PRIORITIES)
  priority?: RequestPriority;

  @ApiPropertyOptional({
    example: '2026-03-11T05:30:00.000Z',
    description: 'For scheduled requests (a wake-up call): the time it must be done; else the SLA policy decides',
  })
  @IsOptional()
  @IsUtcInstant()
  dueAt?: string;
}

export class RequestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: REQUEST_STATUSES })
  @IsOptional()
  @IsIn(REQUEST_STATUSES)
  status?: RequestStatus;

  @ApiPropertyOptional({ enum: REQUEST_CATEGORIES })
  @IsOptional()
  @IsIn(REQUEST_CATEGORIES)
  category?: RequestCategory;

  @ApiPropertyOptional({ example: 'emp-42' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  assigneeId?: string;

  @ApiPropertyOptional({ enum: REQUEST_ROLES, description: 'A role queue: requests waiting for that role' })
  @IsOptional()
  @IsIn(REQUEST_ROLES)
  queue?: RequestRole;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;
}

export class AssignRequestDto {
  @ApiProperty({ example: 'emp-42', description: 'Staffing employeeId (the token sub)' })
  @IsString()
  @Length(1, 100)
  employeeId!: string;
}

export class NoteDto {
  @ApiPropertyOptional({ example: 'Guest went out' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class DeferRequestDto {
  @ApiProperty({ example: '2026-03-11T09:00:00.000Z', description: 'When to take the request up again' })
  @IsUtcInstant()
  until!: string;

  @ApiProperty({ example: 'Guest asked for tomorrow morning' })
  @IsString()
  @Length(1, 500)
  reason!: string;
}

export class RequestHistoryView {
  @ApiProperty() action!: string;
  @ApiProperty({ nullable: true, type: String }) fromStatus!: string | null;
  @ApiProperty() toStatus!: string;
  @ApiProperty() actor!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() at!: string;
}

export class RequestView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty({ enum: REQUEST_CATEGORIES }) category!: RequestCategory;
  @ApiProperty({ nullable: true, type: String, description: 'luggage_up, luggage_down, vip_welcome, ...' })
  kind!: string | null;
  @ApiProperty() description!: string;
  @ApiProperty({ nullable: true, type: String }) reservationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) roomNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) guestName!: string | null;
  @ApiProperty({ enum: ['none', 'vip', 'vvip'] }) vipLevel!: string;
  @ApiProperty({ enum: REQUEST_PRIORITIES }) priority!: RequestPriority;
  @ApiProperty({ enum: REQUEST_ROLES, description: 'The queue it waits in' }) role!: RequestRole;
  @ApiProperty({ enum: REQUEST_STATUSES }) status!: RequestStatus;
  @ApiProperty({ nullable: true, type: String }) assigneeId!: string | null;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ nullable: true, type: String }) deferredUntil!: string | null;
  @ApiProperty() escalated!: boolean;
  @ApiProperty({ nullable: true, type: String }) escalatedAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) escalationReason!: string | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: [RequestHistoryView] }) history?: RequestHistoryView[];
}

export class RequestList {
  @ApiProperty({ type: [RequestView] }) items!: RequestView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
