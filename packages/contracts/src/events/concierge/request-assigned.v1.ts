import { IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsUtcInstant } from '../../validators';
import { REQUEST_CATEGORIES, type RequestCategory } from './request-created.v1';

/** A request was given to an employee (the token `sub` of staffing's employeeId). */
export class ConciergeRequestAssignedV1 {
  @IsUUID()
  requestId!: string;

  @IsIn(REQUEST_CATEGORIES)
  category!: RequestCategory;

  @IsString()
  @Length(1, 100)
  assigneeId!: string;

  @IsString()
  @Length(1, 100)
  assignedBy!: string;

  @IsUtcInstant()
  assignedAt!: string;

  @IsUtcInstant()
  dueAt!: string;
}
