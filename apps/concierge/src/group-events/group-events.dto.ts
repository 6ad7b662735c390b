import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate, IsUtcInstant } from '@frontoffice/contracts';
import {
  ArrayMaxSize,
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
} from 'class-validator';
import { GROUP_EVENT_STATUSES, type GroupEventStatus } from './group-event-rules';
import { PageQuery } from '@frontoffice/platform';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class CreateGroupEventDto {
  @ApiProperty({ example: 'Acme sales kick-off dinner' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ example: '2026-03-12', description: 'Property-local date' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ example: '19:30' })
  @Matches(CLOCK, { message: 'startTime must be a time HH:MM' })
  startTime!: string;

  @ApiPropertyOptional({ example: '23:00' })
  @IsOptional()
  @Matches(CLOCK, { message: 'endTime must be a time HH:MM' })
  endTime?: string;

  @ApiProperty({ example: 'Salon Opéra' })
  @IsString()
  @Length(1, 200)
  venue!: string;

  @ApiProperty({ minimum: 1, example: 40 })
  @IsInt()
  @Min(1)
  @Max(10_000)
  headcount!: number;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  groupBlockId?: string;

  @ApiPropertyOptional({ type: [String], description: 'Reservations of the group' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true })
  reservationIds?: string[];

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 4000)
  notes?: string;
}

export class GroupEventQuery extends PageQuery {
  @ApiPropertyOptional({ example: '2026-03-01' })
  @IsOptional()
  @IsLocalDate()
  from?: string;

  @ApiPropertyOptional({ example: '2026-03-31' })
  @IsOptional()
  @IsLocalDate()
  to?: string;

  @ApiPropertyOptional({ enum: GROUP_EVENT_STATUSES })
  @IsOptional()
  @IsIn(GROUP_EVENT_STATUSES)
  status?: GroupEventStatus;
}

export class ChangeStatusDto {
  @ApiProperty({ enum: GROUP_EVENT_STATUSES })
  @IsIn(GROUP_EVENT_STATUSES)
  status!: GroupEventStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class AddTaskDto {
  @ApiProperty({ example: 'Print name badges' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: 'emp-42', description: 'An employee of the property (staff directory)' })
  @IsString()
  @Length(1, 100)
  ownerId!: string;

  @ApiProperty({ example: '2026-03-12T15:00:00.000Z' })
  @IsUtcInstant()
  dueAt!: string;
}

export class GroupTaskView {
  @ApiProperty() id!: string;
  @ApiProperty() title!: string;
  @ApiProperty() ownerId!: string;
  @ApiProperty() dueAt!: string;
  @ApiProperty({ nullable: true, type: String }) doneAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) doneBy!: string | null;
}

export class TimelineEntryView {
  @ApiProperty() entry!: string;
  @ApiProperty() actor!: string;
  @ApiProperty() at!: string;
}

export class GroupEventView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() date!: string;
  @ApiProperty() startTime!: string;
  @ApiProperty({ nullable: true, type: String }) endTime!: string | null;
  @ApiProperty() venue!: string;
  @ApiProperty() headcount!: number;
  @ApiProperty({ nullable: true, type: String }) groupBlockId!: string | null;
  @ApiProperty({ type: [String] }) reservationIds!: string[];
  @ApiProperty({ nullable: true, type: String }) notes!: string | null;
  @ApiProperty({ enum: GROUP_EVENT_STATUSES }) status!: string;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
  @ApiPropertyOptional({ type: [GroupTaskView] }) tasks?: GroupTaskView[];
  @ApiPropertyOptional({ type: [TimelineEntryView] }) timeline?: TimelineEntryView[];
}

export class GroupEventList {
  @ApiProperty({ type: [GroupEventView] }) items!: GroupEventView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
