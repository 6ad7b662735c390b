import { Column, CreateDateColumn, Entity, PrimaryColumn } from 'typeorm';

/** An event waiting to be (or already) published; written in the same transaction as the change it describes. */
@Entity({ name: 'outbox_event' })
export class OutboxEventEntity {
  @PrimaryColumn('uuid')
  id!: string;

  /** Commit order within the service; the relay publishes in this order. */
  @Column({ type: 'bigint', generated: 'increment', unique: true, insert: false, update: false })
  seq!: string;

  @Column('text')
  topic!: string;

  @Column({ name: 'message_key', type: 'text' })
  messageKey!: string;

  @Column('text')
  type!: string;

  @Column('jsonb')
  envelope!: Record<string, unknown>;

  @Column('jsonb')
  headers!: Record<string, string>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt!: Date;

  @Column({ name: 'published_at', type: 'timestamptz', nullable: true })
  publishedAt!: Date | null;

  @Column({ type: 'int', default: 0 })
  attempts!: number;

  @Column({ name: 'last_error', type: 'text', nullable: true })
  lastError!: string | null;

  /** Set when Kafka can never take the event (too large, invalid record): the relay skips it until re-queued. */
  @Column({ name: 'parked_at', type: 'timestamptz', nullable: true })
  parkedAt!: Date | null;

  @Column({ name: 'parked_reason', type: 'text', nullable: true })
  parkedReason!: string | null;
}
