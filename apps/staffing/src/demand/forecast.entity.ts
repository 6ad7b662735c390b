import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Staffing's copy of each reservation, just what the forecast needs (no names): kept from reservations events. */
@Entity({ name: 'forecast_reservation' })
export class ForecastReservationEntity {
  @PrimaryColumn({ name: 'reservation_id', type: 'uuid' })
  reservationId!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ type: 'date' })
  arrival!: string;

  @Column({ type: 'date' })
  departure!: string;

  /** confirmed, checked_in, checked_out, cancelled, no_show. */
  @Column('text')
  status!: string;

  @Column({ name: 'vip_level', type: 'text' })
  vipLevel!: string;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'group_block_id', type: 'uuid', nullable: true })
  groupBlockId!: string | null;

  /** Time of the last event applied to the row: an older event arriving later is ignored. */
  @Column({ name: 'applied_event_time', type: 'timestamptz' })
  appliedEventTime!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

@Entity({ name: 'staffing_rules' })
export class StaffingRulesEntity {
  @PrimaryColumn({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  /** Only what the manager changed; the defaults fill the rest. */
  @Column({ type: 'jsonb' })
  rules!: Record<string, unknown>;

  @Column({ name: 'updated_by', type: 'text' })
  updatedBy!: string;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
