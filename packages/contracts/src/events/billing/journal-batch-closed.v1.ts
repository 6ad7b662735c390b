import { Type } from 'class-transformer';
import { IsInt, IsObject, IsUUID, Min, ValidateNested } from 'class-validator';
import { Money } from '../../money';
import { IsLocalDate, IsUtcInstant } from '../../validators';

/**
 * A property's business date was closed into a journal batch: its double-entry lines balance (debit equals credit)
 * and are numbered per journal. An accounting system fetches the lines (journal route or FEC export) for the date.
 */
export class JournalBatchClosedV1 {
  @IsUUID()
  batchId!: string;

  @IsLocalDate()
  businessDate!: string;

  /** Sum of the batch's debit lines. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  debit!: Money;

  /** Sum of the batch's credit lines: always equal to `debit`. */
  @IsObject()
  @ValidateNested()
  @Type(() => Money)
  credit!: Money;

  /** Journal entries (one per financial fact) closed into the batch. */
  @IsInt()
  @Min(0)
  entryCount!: number;

  @IsInt()
  @Min(0)
  lineCount!: number;

  @IsUtcInstant()
  closedAt!: string;
}
