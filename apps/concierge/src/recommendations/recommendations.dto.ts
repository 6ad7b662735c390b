import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsLanguageTag } from '@frontoffice/contracts';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  IsUrl,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { RECOMMENDATION_CATEGORIES, WEEKDAYS, type RecommendationCategory, type Weekday } from './search';
import { PageQuery } from '@frontoffice/platform';

const CLOCK = /^([01]\d|2[0-3]):[0-5]\d$/;

export class OpeningPeriodDto {
  @ApiProperty({ enum: WEEKDAYS })
  @IsIn(WEEKDAYS)
  day!: Weekday;

  @ApiProperty({ example: '12:00' })
  @Matches(CLOCK, { message: 'open must be a time HH:MM' })
  open!: string;

  @ApiProperty({ example: '14:30', description: 'Before open means past midnight' })
  @Matches(CLOCK, { message: 'close must be a time HH:MM' })
  close!: string;
}

export class SaveRecommendationDto {
  @ApiProperty({ example: 'Le Petit Bistrot' })
  @IsString()
  @Length(1, 200)
  name!: string;

  @ApiProperty({ enum: RECOMMENDATION_CATEGORIES })
  @IsIn(RECOMMENDATION_CATEGORIES)
  category!: RecommendationCategory;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 2000)
  description?: string;

  @ApiPropertyOptional({ type: [String], example: ['french', 'terrace'] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(30)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  tags?: string[];

  @ApiPropertyOptional({ type: [String], example: ['fr', 'en'], description: 'Languages spoken there' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsLanguageTag({ each: true })
  languages?: string[];

  @ApiProperty({ example: '12 rue de la Paix, 75002 Paris' })
  @IsString()
  @Length(1, 300)
  address!: string;

  @ApiPropertyOptional({ type: [OpeningPeriodDto] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => OpeningPeriodDto)
  openingHours?: OpeningPeriodDto[];

  @ApiPropertyOptional({ example: '+33142000000' })
  @IsOptional()
  @Matches(/^\+[1-9]\d{6,14}$/, { message: 'phone must be in E.164 format, e.g. +33142000000' })
  phone?: string;

  @ApiPropertyOptional({ example: 'https://example.com' })
  @IsOptional()
  @IsUrl({ require_protocol: true })
  website?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 4, description: '1 (cheap) to 4 (luxury)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(4)
  priceLevel?: number;
}

export class RecommendationQuery extends PageQuery {
  @ApiPropertyOptional({ description: 'Free text: name, description, address, tags' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  q?: string;

  @ApiPropertyOptional({ enum: RECOMMENDATION_CATEGORIES })
  @IsOptional()
  @IsIn(RECOMMENDATION_CATEGORIES)
  category?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @Length(1, 40)
  tag?: string;

  @ApiPropertyOptional({ example: 'en' })
  @IsOptional()
  @IsLanguageTag()
  language?: string;

  @ApiPropertyOptional({ enum: WEEKDAYS, description: 'With openTime: open then' })
  @IsOptional()
  @IsIn(WEEKDAYS)
  openDay?: Weekday;

  @ApiPropertyOptional({ example: '20:00' })
  @IsOptional()
  @Matches(CLOCK, { message: 'openTime must be a time HH:MM' })
  openTime?: string;
}

export class RecommendationView {
  @ApiProperty() id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: RECOMMENDATION_CATEGORIES }) category!: string;
  @ApiProperty({ nullable: true, type: String }) description!: string | null;
  @ApiProperty({ type: [String] }) tags!: string[];
  @ApiProperty({ type: [String] }) languages!: string[];
  @ApiProperty() address!: string;
  @ApiProperty({ type: [OpeningPeriodDto] }) openingHours!: OpeningPeriodDto[];
  @ApiProperty({ nullable: true, type: String }) phone!: string | null;
  @ApiProperty({ nullable: true, type: String }) website!: string | null;
  @ApiProperty({ nullable: true, type: Number }) priceLevel!: number | null;
  @ApiProperty() createdBy!: string;
  @ApiProperty() createdAt!: string;
}

export class RecommendationList {
  @ApiProperty({ type: [RecommendationView] }) items!: RecommendationView[];
  @ApiProperty({ nullable: true, type: String }) nextCursor!: string | null;
}
