import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

@Entity({ name: 'property' })
export class PropertyEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'text', unique: true })
  code!: string;

  @Column('text')
  name!: string;

  @Column('text')
  timezone!: string;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  @Column({ type: 'char', length: 2 })
  country!: string;

  @Column({ name: 'star_rating', type: 'smallint', nullable: true })
  starRating!: number | null;

  /** Opening hours of the desk, e.g. { open: '07:00', close: '23:00' }; null means a 24-hour desk. */
  @Column({ name: 'desk_hours', type: 'jsonb', nullable: true })
  deskHours!: { open: string; close: string } | null;

  @Column({ name: 'business_date', type: 'date' })
  businessDate!: string;

  /** No-show policy: a confirmed booking not checked in is a no-show at the audit of arrival + this many days. */
  @Column({ name: 'no_show_grace_days', type: 'smallint', default: 0 })
  noShowGraceDays!: number;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
