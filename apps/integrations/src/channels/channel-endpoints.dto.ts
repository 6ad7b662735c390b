import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUrl, Length } from 'class-validator';

export class PutChannelEndpointDto {
  @ApiProperty({ example: 'https://cm.example.com/ota/push', description: 'Where OTA notifications are posted' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['https', 'http'] })
  url!: string;

  @ApiPropertyOptional({ description: 'HTTP Basic username the channel gave us' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  username?: string;

  @ApiPropertyOptional({ description: 'HTTP Basic password; stored encrypted, never shown again' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  password?: string;

  @ApiPropertyOptional({ default: true, description: 'A paused endpoint is not pushed to; changes wait' })
  @IsOptional()
  @IsBoolean()
  active?: boolean;
}

export class ChannelPushLaneView {
  @ApiProperty({ format: 'uuid' }) propertyId!: string;
  @ApiProperty() hotelCode!: string;
  @ApiProperty({ description: 'The property is mapped to the channel (from reservations)' }) mapped!: boolean;
  @ApiProperty({ description: 'Changes wait to be pushed' }) pending!: boolean;
  @ApiProperty() consecutiveFailures!: number;
  @ApiProperty({ nullable: true, type: String }) nextAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastAttemptAt!: string | null;
  @ApiProperty({ nullable: true, type: Number }) lastStatusCode!: number | null;
  @ApiProperty({ nullable: true, type: String }) lastError!: string | null;
  @ApiProperty({ nullable: true, type: String }) lastSuccessAt!: string | null;
}

export class ChannelEndpointView {
  @ApiProperty({ format: 'uuid' }) channelId!: string;
  @ApiProperty() url!: string;
  @ApiProperty({ nullable: true, type: String }) username!: string | null;
  @ApiProperty() hasPassword!: boolean;
  @ApiProperty() active!: boolean;
  @ApiProperty() updatedBy!: string;
  @ApiProperty() updatedAt!: string;
  @ApiProperty({ type: [ChannelPushLaneView] }) properties!: ChannelPushLaneView[];
}
