import { IsBoolean, IsIn, IsString, IsUUID, Length } from 'class-validator';
import { IsUtcInstant, Omittable } from '../../validators';
import { REQUEST_CATEGORIES, type RequestCategory } from './request-created.v1';

/** A request was done; `withinSla` tells whether it was done by its due time. */
export class ConciergeRequestCompletedV1 {
  @IsUUID()
  requestId!: string;

  @IsIn(REQUEST_CATEGORIES)
  category!: RequestCategory;

  @Omittable()
  @IsString()
  @Length(1, 100)
  assigneeId?: string;

  @IsString()
  @Length(1, 100)
  completedBy!: string;

  @IsUtcInstant()
  completedAt!: string;

  @IsUtcInstant()
  dueAt!: string;

  @IsBoolean()
  withinSla!: boolean;
}
