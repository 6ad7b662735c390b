import { Type } from 'class-transformer';
import { IsInt, IsObject, IsString, IsUUID, Length, Min, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, Omittable } from '../../validators';

/**
 * One stay-night's room revenue, emitted by the night audit for every in-house stay. Billing posts room and tax
 * from it; (reservationId, businessDate) identifies it, so a consumer can post it at most once.
 */
export class NightAuditRoomNightPostedV1 {
  @IsUUID()
  reservationId!: string;

  @IsString()
  @Length(1, 32)
  confirmationNumber!: string;

  /** The night being charged. */
  @IsLocalDate()
  businessDate!: string;

  @IsUUID()
  roomId!: string;

  @IsString()
  @Length(1, 16)
  roomNumber!: string;

  @IsUUID()
  roomTypeId!: string;

  @IsString()
  @Length(1, 16)
  roomTypeCode!: string;

  /** The night's rate, tax included as sold; billing splits out VAT and adds city tax. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  rate!: Money;

  @IsInt()
  @Min(1)
  adults!: number;

  @IsInt()
  @Min(0)
  children!: number;

  @Omittable()
  @IsUUID()
  groupBlockId?: string;
}
