import type { ScheduledRole } from '@frontoffice/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { DemandItem } from '../demand/demand-calculator';
import type { PlanUnfilled, SolveStats } from './planning';
import type { Violation } from './schedule-checker';

export type ScheduleStatus = 'draft' | 'published';

@Entity({ name: 'schedule' })
export class ScheduleEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ name: 'week_start', type: 'date' })
  weekStart!: string;

  @Column('smallint')
  days!: number;

  @Column('text')
  status!: ScheduleStatus;

  /** The demand the schedule was built for (repairs and edits are checked against it). */
  @Column({ type: 'jsonb' })
  demand!: DemandItem[];

  @Column({ type: 'jsonb' })
  unfilled!: PlanUnfilled[];

  @Column({ type: 'jsonb' })
  violations!: Violation[];

  @Column({ type: 'jsonb' })
  solver!: SolveStats;

  @Column({ name: 'created_by', type: 'text' })
  createdBy!: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ name: 'published_by', type: 'text', nullable: true })
  publishedBy!: string | null;
}

@Entity({ name: 'schedule_assignment' })
export class ScheduleAssignmentEntity {
  @PrimaryColumn({ name: 'schedule_id', type: 'uuid' })
  scheduleId!: string;

  @PrimaryColumn({ name: 'employee_id', type: 'text' })
  employeeId!: string;

  @PrimaryColumn({ type: 'date' })
  date!: string;

  @PrimaryColumn('text')
  shift!: string;

  @Column('text')
  role!: ScheduledRole;

  @Column({ name: 'start_at', type: 'timestamptz' })
  startAt!: Date;

  @Column({ name: 'end_at', type: 'timestamptz' })
  endAt!: Date;
}
