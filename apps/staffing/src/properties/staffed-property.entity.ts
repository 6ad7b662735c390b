import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** Staffing's own copy of what it needs to know about a property, kept from reservations' property events. */
@Entity({ name: 'staffed_property' })
export class StaffedPropertyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('text')
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  timezone!: string;

  @Column({ name: 'star_rating', type: 'smallint', nullable: true })
  starRating!: number | null;

  /** Rooms in the property, from property.updated (null until known). */
  @Column({ name: 'room_count', type: 'integer', nullable: true })
  roomCount!: number | null;

  /** Null for a desk open around the clock. */
  @Column({ name: 'desk_hours', type: 'jsonb', nullable: true })
  deskHours!: { open: string; close: string } | null;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}
