import { bigintMinorUnits } from '@frontoffice/platform';
import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export type FolioStatus = 'open' | 'due' | 'settled' | 'closed';

/** A guest account: what the stay owes (charges) against what was paid. */
@Entity({ name: 'folio' })
export class FolioEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ name: 'property_id', type: 'uuid' })
  propertyId!: string;

  @Column({ name: 'reservation_id', type: 'uuid' })
  reservationId!: string;

  @Column({ name: 'confirmation_number', type: 'text' })
  confirmationNumber!: string;

  @Column({ name: 'guest_name', type: 'text' })
  guestName!: string;

  @Column('text')
  status!: FolioStatus;

  @Column({ type: 'char', length: 3 })
  currency!: string;

  /** Charges minus payments, in minor units; positive means the guest owes the hotel. */
  @Column({ name: 'balance_minor', type: 'bigint', transformer: bigintMinorUnits })
  balanceMinor!: number;

  /** Folio number within the stay: 1 is the guest folio, further ones e.g. for the company paying the room. */
  @Column({ name: 'window_number', type: 'smallint', default: 1 })
  windowNumber!: number;

  @CreateDateColumn({ name: 'opened_at', type: 'timestamptz' })
  openedAt!: Date;
}
