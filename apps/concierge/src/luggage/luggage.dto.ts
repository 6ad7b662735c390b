import { OptionalReservationId, OptionalRoomNumber } from '../common/dto-fields';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Length, Max, Min } from 'class-validator';
import { PageQuery } from '@frontoffice/platform';

export class StoreLuggageDto {
  @ApiProperty({ example: 'T-0042', description: 'The number on the tag the guest keeps' })
  @IsString()
  @Length(1, 32)
  tagNumber!: string;

  @OptionalReservationId()
  reservationId?: string;

  @OptionalRoomNumber()
  roomNumber?: string;

  @ApiPropertyOptional({ example: 'Mr Smith', description: 'When the guest has no reservation here (day visitor)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  guestName?: string;

  @ApiProperty({ minimum: 1, example: 2 })
  @IsInt()
  @Min(1)
  @Max(50)
  pieces!: number;

  @ApiPropertyOptional({ example: 'black suitcase, golf bag' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  description?: string;

  @ApiProperty({ example: 'luggage room, shelf A' })
  @IsString()
  @Length(1, 100)
  location!: string;
}

export class MoveLuggageDto {
  @ApiProperty({ example: 'back room' })
  @IsString()
  @Length(1, 100)
  location!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class HandBackDto {
  @ApiProperty({ example: 'T-0042', description: 'The tag the guest presents' })
  @IsString()
  @Length(1, 32)
  tagNumber!: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class LuggageQuery extends PageQuery {
  @ApiPropertyOptional({ enum: ['stored', 'returned'] })
  @IsOptional()
  @IsIn(['stored', 'returned'])
  status?: 'stored' | 'returned';

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @IsUUID()
  reservationId?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 32)
  tagNumber?: string;
}

export class CustodyView {
  @ApiProperty() action!: string;
  @ApiProperty() location!: string;
  @ApiProperty({ nullable: true, type: String }) roomNumber!: string | null;
  @ApiProperty() actor!: string;
  @ApiProperty({ nullable: true, type: String }) note!: string | null;
  @ApiProperty() at!: string;
}

export class LuggageView {
  @ApiProperty() id!: string;
  @ApiProperty() propertyId!: string;
  @ApiProperty() tagNumber!: string;
  @ApiProperty({ nullable: true, type: String }) reservationId!: string | null;
  @ApiProperty({ nullable: true, type: String }) guestName!: string | null;
  @ApiProperty({ nullable: true, type: String }) roomNumber!: string | null;
  @ApiProperty() pieces!: number;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty() location!: string;
  @ApiProperty({ enum: ['stored', 'returned'] }) status!: string;
  @ApiProperty() createdAt!: string;
  @ApiProperty({ nullable: true, type: String }) returnedAt!: string | null;
  @ApiPropertyOptional({ type: [CustodyView] }) custody?: CustodyView[];
}

export class LuggageList {
  @ApiProperty({ type: [LuggageView] }) items!: LuggageView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
