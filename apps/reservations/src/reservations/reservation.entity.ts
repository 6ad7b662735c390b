import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { VipLevel } from '@frontoffice/contracts';
import { bigintMinorUnits } from '@frontoffice/platform';

export type ReservationStatus = 'confirmed' | 'checked_in' | 'checked_out' | 'cancelled' | 'no_show';

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

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
