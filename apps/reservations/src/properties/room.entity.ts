import type { RoomStatus } from '@frontoffice/contracts';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type { RoomStatus } from '@frontoffice/contracts';

/** A physical room. Out of order carries why and for which nights (`outOfOrderTo` inclusive; null = open-ended). */
@Entity({ name: 'room' })
@Index(['propertyId', 'number'], { unique: true })
export class RoomEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column('text')
  number!: string;

  @Column({ type: 'smallint', nullable: true })
  floor!: number | null;

  @Column({ name: 'room_type_id', type: 'uuid' })
  roomTypeId!: string;

  @Column({ type: 'text', default: 'vacant_clean' })
  status!: RoomStatus;

  @Column({ name: 'out_of_order_reason', type: 'text', nullable: true })
  outOfOrderReason!: string | null;

  @Column({ name: 'out_of_order_from', type: 'date', nullable: true })
  outOfOrderFrom!: string | null;

  @Column({ name: 'out_of_order_to', type: 'date', nullable: true })
  outOfOrderTo!: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
