import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Min } from 'class-validator';

const CODE = /^[a-z][a-z0-9_-]{1,48}$/;

export class ProcedureParams {
  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  propertyId!: string;

  @ApiProperty({ example: 'unhappy_guest', description: 'greeting, check_in, unhappy_guest, ...' })
  @Matches(CODE, { message: 'code must be 2-49 lower-case letters, digits, - or _' })
  code!: string;
}

export class SaveProcedureDto {
  @ApiProperty({ example: 'Handling an unhappy guest' })
  @IsString()
  @Length(1, 200)
  title!: string;

  @ApiProperty({ example: '1. Listen without interrupting. 2. Apologise. 3. Call the front office manager.' })
  @IsString()
  @Length(1, 20_000)
  body!: string;

  @ApiPropertyOptional({ example: 'Added the escalation step' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  changeNote?: string;
}

export class ProcedureVersionQuery {
  @ApiPropertyOptional({ minimum: 1, description: 'A past version; the latest by default' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  version?: number;
}

export class ProcedureView {
  @ApiProperty() code!: string;
  @ApiProperty() version!: number;
  @ApiProperty() title!: string;
  @ApiProperty() body!: string;
  @ApiProperty() editedBy!: string;
  @ApiProperty() editedAt!: string;
  @ApiProperty({ nullable: true, type: String }) changeNote!: string | null;
}

export class ProcedureList {
  @ApiProperty({ type: [ProcedureView] }) items!: ProcedureView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
