import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { SCHEDULED_ROLES } from '@frontoffice/contracts';
import { IsIn, IsOptional, IsString, Length } from 'class-validator';
import { PageQuery } from '@frontoffice/platform';

export class GuestQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['expected', 'in_house', 'departed', 'cancelled'], default: 'in_house' })
  @IsOptional()
  @IsIn(['expected', 'in_house', 'departed', 'cancelled'])
  status?: 'expected' | 'in_house' | 'departed' | 'cancelled';

  @ApiPropertyOptional({ example: '512' })
  @IsOptional()
  @IsString()
  @Length(1, 16)
  roomNumber?: string;
}

export class EmployeeQuery extends PageQuery {
  @ApiPropertyOptional({ enum: SCHEDULED_ROLES })
  @IsOptional()
  @IsIn(SCHEDULED_ROLES)
  role?: string;
}

export class GuestView {
  @ApiProperty() reservationId!: string;
  @ApiProperty({ nullable: true, type: String }) confirmationNumber!: string | null;
  @ApiProperty() firstName!: string;
  @ApiProperty() lastName!: string;
  @ApiProperty({ nullable: true, type: String }) language!: string | null;
  @ApiProperty({ enum: ['none', 'vip', 'vvip'] }) vipLevel!: string;
  @ApiProperty({ enum: ['expected', 'in_house', 'departed', 'cancelled'] }) status!: string;
  @ApiProperty({ nullable: true, type: String }) roomNumber!: string | null;
  @ApiProperty({ nullable: true, type: String }) arrival!: string | null;
  @ApiProperty({ nullable: true, type: String }) departure!: string | null;
}

export class GuestList {
  @ApiProperty({ type: [GuestView] }) items!: GuestView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}

export class EmployeeView {
  @ApiProperty() employeeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: [String] }) roles!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() active!: boolean;
}

export class EmployeeList {
  @ApiProperty({ type: [EmployeeView] }) items!: EmployeeView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
