import { ServiceEnv } from '@frontoffice/platform';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, Max, Min } from 'class-validator';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+$/.test(value.trim()) ? Number(value) : value;
const toBoolean = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' ? ['true', '1', 'yes', 'on'].includes(value.trim().toLowerCase()) : value;

/** Concierge settings; everything shared lives in ServiceEnv. */
export class ConciergeEnv extends ServiceEnv {
  /** Every instance runs the SLA escalation scheduler; rows are claimed in the database, so each escalates once. */
  @Transform(toBoolean)
  @IsBoolean()
  ESCALATION_ENABLED = true;

  @Transform(toInt)
  @IsInt()
  @Min(50)
  @Max(600_000)
  ESCALATION_INTERVAL_MS = 15_000;

  @Transform(toInt)
  @IsInt()
  @Min(1)
  @Max(1000)
  ESCALATION_BATCH_SIZE = 100;
}
