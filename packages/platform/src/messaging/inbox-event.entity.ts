import { Column, Entity, PrimaryColumn } from 'typeorm';

/** One row per event a consumer has applied; inserted in the same transaction as the effect. */
@Entity({ name: 'inbox_event' })
export class InboxEventEntity {
  @PrimaryColumn({ type: 'text' })
  consumer!: string;

  @PrimaryColumn({ name: 'event_id', type: 'uuid' })
  eventId!: string;

  @Column('text')
  type!: string;

  @Column('text')
  topic!: string;

  @Column('int')
  partition!: number;

  @Column({ name: 'kafka_offset', type: 'bigint' })
  kafkaOffset!: string;

  @Column({ name: 'processed_at', type: 'timestamptz', default: () => 'now()' })
  processedAt!: Date;
}
