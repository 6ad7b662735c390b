import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLanguageTag } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, Max, Min, ValidateNested } from 'class-validator';

function SlaMinutes(): PropertyDecorator {
  return (target: object, key: string | symbol) => {
    ApiPropertyOptional({ minimum: 1, maximum: 10080 })(target, key);
    IsOptional()(target, key);
    IsInt()(target, key);
    Min(1)(target, key);
    Max(10080)(target, key);
  };
}

/** Minutes to handle each category; omitted categories keep their current value. */
export class SlaMinutesDto {
  @SlaMinutes() information?: number;
  @SlaMinutes() local_booking?: number;
  @SlaMinutes() amenity?: number;
  @SlaMinutes() luggage?: number;
  @SlaMinutes() wake_up?: number;
  @SlaMinutes() maintenance?: number;
  @SlaMinutes() complaint?: number;
}

export class UpdateSettingsDto {
  @ApiPropertyOptional({ description: 'Whether the property has porters (luggage tasks on check-in and check-out)' })
  @IsOptional()
  @IsBoolean()
  hasPorters?: boolean;

  @ApiPropertyOptional({ example: 'en', description: 'Language used when no template exists in the guest’s' })
  @IsOptional()
  @IsLanguageTag()
  fallbackLanguage?: string;

  @ApiPropertyOptional({ type: SlaMinutesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => SlaMinutesDto)
  slaMinutes?: SlaMinutesDto;
}

export class SettingsView {
  @ApiProperty() propertyId!: string;
  @ApiProperty({ nullable: true, type: String }) propertyName!: string | null;
  @ApiProperty({ example: 'Europe/Paris' }) timezone!: string;
  @ApiProperty({ nullable: true, type: String, example: 'EUR', description: 'From the property events' })
  currency!: string | null;
  @ApiProperty({ description: 'Effective value: the manager’s setting, else whether the directory has porters' })
  hasPorters!: boolean;
  @ApiProperty({ nullable: true, type: Boolean, description: 'The manager’s setting; null when left to the directory' })
  hasPortersSetting!: boolean | null;
  @ApiProperty() fallbackLanguage!: string;
  @ApiProperty({ type: SlaMinutesDto }) slaMinutes!: Record<string, number>;
  @ApiProperty({ nullable: true, type: String }) updatedBy!: string | null;
  @ApiProperty({ nullable: true, type: String }) updatedAt!: string | null;
}
