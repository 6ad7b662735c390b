import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { isUUID } from 'class-validator';
import { RequestValidationException } from './validation';

/** `@Param('propertyId', UuidParam)`: a malformed id gets the same field-level 400 as a body field. */
@Injectable()
export class UuidParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (isUUID(value)) return value;
    const field = metadata.data ?? 'id';
    throw new RequestValidationException([{ field, messages: [`${field} must be a UUID`] }]);
  }
}
