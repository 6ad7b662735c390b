import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type AssignmentStatus = 'assigned' | 'in_house' | 'moved_out' | 'checked_out' | 'released';

/**
 * A room given to a stay for a range of nights (`nights`, a PostgreSQL daterange, `[first night, departure)`).
 * An exclusion constraint refuses two overlapping assignments of one room.
 */
@Entity({ name: 'room_assignment' })
export class RoomAssignmentEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId!: string;

  @Column({ name: 'room_id', type: 'uuid' })
  roomId!: string;

  /** The type of the room given; differs from `bookedRoomTypeId` on an upgrade. */
  @Column({ name: 'room_type_id', type: 'uuid' })
  roomTypeId!: string;

  @Column({ name: 'booked_room_type_id', type: 'uuid' })
  bookedRoomTypeId!: string;

  @Column('boolean')
  upgraded!: boolean;

  /** Written and read through SQL (`daterange`); TypeORM only carries the text form. */
  @Column({ type: 'daterange', insert: false, update: false })
  nights!: string;

  @Column('text')
  status!: AssignmentStatus;

  @Column({ type: 'text', nullable: true })
  reason!: string | null;

  @Column({ name: 'assigned_by', type: 'text' })
  assignedBy!: string;

  @Column({ name: 'assigned_at', type: 'timestamptz', insert: false, update: false })
  assignedAt!: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt!: Date | null;
}
