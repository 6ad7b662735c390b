import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { VipLevel } from '@frontoffice/contracts';
import { bigintMinorUnits } from '@frontoffice/platform';

import type { ReservationStatus } from './reservation-status';

export type { ReservationStatus } from './reservation-status';

@Entity({ name: 'reservation' })
@Index(['propertyId', 'confirmationNumber'], { unique: true })
export class ReservationEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ name: 'confirmation_number', type: 'text' })
  confirmationNumber!: string;

  @Column('text')
  status!: ReservationStatus;

  @Column({ name: 'room_type_id', type: 'uuid' })
  roomTypeId!: string;

  @Column({ type: 'date' })
  arrival!: string;

  @Column({ type: 'date' })
  departure!: string;

  @Column('smallint')
  adults!: number;

  @Column('smallint')
  children!: number;

  @Column({ name: 'guest_first_name', type: 'text' })
  guestFirstName!: string;

  @Column({ name: 'guest_last_name', type: 'text' })
  guestLastName!: string;

  @Column({ name: 'guest_email', type: 'text', nullable: true })
  guestEmail!: string | null;

  @Column({ name: 'guest_phone', type: 'text', nullable: true })
  guestPhone!: string | null;

  @Column({ name: 'guest_language', type: 'text', nullable: true })
  guestLanguage!: string | null;

  @Column({ name: 'guest_vip_level', type: 'text', default: 'none' })
  guestVipLevel!: VipLevel;

  @Column({ type: 'text', nullable: true })
  source!: string | null;

  @Column({ type: 'text', nullable: true })
  notes!: string | null;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ name: 'total_price_minor', type: 'bigint', transformer: bigintMinorUnits })
  totalPriceMinor!: number;

  /** Price of each night, as booked. */
  @Column({ type: 'jsonb' })
  nights!: { date: string; amountMinor: number }[];

  /** The guest profile (reservations-desk's guests feature); null until linked. */
  @Column({ name: 'guest_id', type: 'uuid', nullable: true })
  guestId!: string | null;

  /** The room assigned (at or before check-in). */
  @Column({ name: 'room_id', type: 'uuid', nullable: true })
  roomId!: string | null;

  @Column({ name: 'group_block_id', type: 'uuid', nullable: true })
  groupBlockId!: string | null;

  @Column({ name: 'rate_plan_id', type: 'uuid', nullable: true })
  ratePlanId!: string | null;

  @Column({ name: 'checked_in_at', type: 'timestamptz', nullable: true })
  checkedInAt!: Date | null;

  @Column({ name: 'checked_out_at', type: 'timestamptz', nullable: true })
  checkedOutAt!: Date | null;

  @Column({ name: 'cancelled_at', type: 'timestamptz', nullable: true })
  cancelledAt!: Date | null;

  @Column({ name: 'cancel_reason', type: 'text', nullable: true })
  cancelReason!: string | null;

  @Column({ name: 'cancelled_by', type: 'text', nullable: true })
  cancelledBy!: string | null;

  /** Business date on which the booking was marked a no-show. */
  @Column({ name: 'no_show_on', type: 'date', nullable: true })
  noShowOn!: string | null;

  @Column({ name: 'created_by', type: 'text', nullable: true })
  createdBy!: string | null;

  /** Bumped on every change. */
  @Column({ type: 'integer', default: 1 })
  version!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
