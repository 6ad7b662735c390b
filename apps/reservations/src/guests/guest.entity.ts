import type { VipLevel } from '@frontoffice/contracts';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** A guest profile: per property (`scope` = property id) or chain-wide (`scope` = '*'). */
@Entity({ name: 'guest' })
export class GuestEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column('text')
  scope!: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName!: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName!: string;

  /** Lower-case; at most one profile per scope and email. */
  @Column({ type: 'text', nullable: true })
  email!: string | null;

  @Column({ type: 'text', nullable: true })
  phone!: string | null;

  @Column({ type: 'text', nullable: true })
  language!: string | null;

  @Column({ name: 'vip_level', type: 'text', default: 'none' })
  vipLevel!: VipLevel;

  @Column({ name: 'vip_notes', type: 'text', nullable: true })
  vipNotes!: string | null;

  @Column({ type: 'jsonb', default: () => "'[]'::jsonb" })
  preferences!: string[];

  @Column({ name: 'erased_at', type: 'timestamptz', nullable: true })
  erasedAt!: Date | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

/** Who changed a sensitive part of a profile (VIP level, VIP notes) or erased it, when, from what to what, and why. */
@Entity({ name: 'guest_audit' })
export class GuestAuditEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'guest_id', type: 'uuid' })
  guestId!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column('text')
  actor!: string;

  @Column('text')
  action!: string;

  @Column({ type: 'text', nullable: true })
  field!: string | null;

  @Column({ name: 'old_value', type: 'text', nullable: true })
  oldValue!: string | null;

  @Column({ name: 'new_value', type: 'text', nullable: true })
  newValue!: string | null;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ type: 'timestamptz', default: () => 'now()' })
  at!: Date;
}
