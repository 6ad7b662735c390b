import { bigintMinorUnits } from '@frontoffice/platform';
import { Column, CreateDateColumn, Entity, Index, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'room_type' })
@Index(['propertyId', 'code'], { unique: true })
export class RoomTypeEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column({ name: 'max_occupancy', type: 'smallint' })
  maxOccupancy!: number;

  /** Nightly base rate in minor units of the property's currency. */
  @Column({
    name: 'base_rate_minor',
    type: 'bigint',
    transformer: bigintMinorUnits,
  })
  baseRateMinor!: number;

  /** Rooms that may be sold beyond the physical count each night (default 0: no overbooking). */
  @Column({ name: 'overbooking_allowance', type: 'smallint', default: 0 })
  overbookingAllowance!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
