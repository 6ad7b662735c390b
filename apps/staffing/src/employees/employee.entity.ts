import type { ScheduledRole } from '@frontoffice/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { EmployeePreference } from '../schedules/planning-input';

/** An employee at one property; `id` is the employee's token `sub` (a chain may register one person at several). */
@Entity({ name: 'employee' })
export class EmployeeEntity {
  @PrimaryColumn({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @PrimaryColumn('text')
  id!: string;

  @Column('text')
  name!: string;

  @Column('text', { array: true })
  roles!: ScheduledRole[];

  @Column('text', { array: true })
  skills!: string[];

  @Column('text', { array: true })
  languages!: string[];

  @Column({ name: 'contract_hours_per_week', type: 'double precision' })
  contractHoursPerWeek!: number;

  @Column({ name: 'max_hours_per_week', type: 'double precision' })
  maxHoursPerWeek!: number;

  @Column({ name: 'max_consecutive_days', type: 'smallint', nullable: true })
  maxConsecutiveDays!: number | null;

  @Column({ type: 'jsonb' })
  unavailable!: { dayOfWeek: number; shift?: string }[];

  @Column({ type: 'jsonb' })
  preferences!: EmployeePreference[];

  @Column('boolean')
  active!: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;
}

export const ABSENCE_KINDS = ['holiday', 'sick', 'other'] as const;
export type AbsenceKind = (typeof ABSENCE_KINDS)[number];

@Entity({ name: 'employee_absence' })
export class EmployeeAbsenceEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ name: 'employee_id', type: 'text' })
  employeeId!: string;

  @Column('text')
  kind!: AbsenceKind;

  @Column({ name: 'from_date', type: 'date' })
  from!: string;

  @Column({ name: 'to_date', type: 'date' })
  to!: string;

  @Column({ type: 'text', nullable: true })
  note!: string | null;

  @Column({ name: 'recorded_by', type: 'text' })
  recordedBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;
}
