import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLocalDate } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
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

export class GroupBlockNightDto {
  @ApiProperty({ example: '2027-06-11' })
  @IsLocalDate()
  date!: string;

  @ApiProperty({ minimum: 1, maximum: 2000 })
  @IsInt()
  @Min(1)
  @Max(2000)
  rooms!: number;
}

export class CreateGroupBlockDto {
  @ApiProperty({ example: 'WEDDING-MARTIN', description: 'Unique in the property' })
  @Matches(/^[A-Z0-9][A-Z0-9_-]{0,31}$/, { message: 'code must be 1-32 upper-case letters, digits, - or _' })
  code!: string;

  @ApiProperty({ example: 'Martin wedding' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  roomTypeId!: string;

  @ApiPropertyOptional({ format: 'uuid', description: 'Rate plan that prices the group’s bookings' })
  @IsOptional()
  @IsUUID()
  ratePlanId?: string;

  @ApiProperty({ example: '2027-05-28', description: 'The night audit of this date releases what is not picked up' })
  @IsLocalDate()
  cutoffDate!: string;

  @ApiProperty({ type: [GroupBlockNightDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(366)
  @ValidateNested({ each: true })
  @Type(() => GroupBlockNightDto)
  nights!: GroupBlockNightDto[];
}

export class GroupBlockNightView {
  @ApiProperty() date!: string;
  @ApiProperty() rooms!: number;
  @ApiProperty() pickedUp!: number;
  @ApiProperty() released!: number;
  @ApiProperty({ description: 'Still held for the group' }) remaining!: number;
}

export class GroupBlockView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() code!: string;
  @ApiProperty() name!: string;
  @ApiProperty() roomTypeId!: string;
  @ApiPropertyOptional({ nullable: true, type: String }) ratePlanId!: string | null;
  @ApiProperty() cutoffDate!: string;
  @ApiProperty({ enum: ['active', 'released'] }) status!: 'active' | 'released';
  @ApiPropertyOptional({ nullable: true, type: String }) releasedOn!: string | null;
  @ApiProperty({ type: [GroupBlockNightView] }) nights!: GroupBlockNightView[];
}

export class GroupBlockList {
  @ApiProperty({ type: [GroupBlockView] }) items!: GroupBlockView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
