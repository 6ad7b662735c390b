import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { RequestValidationException } from '@frontoffice/platform';
import { EMPLOYEE_ID } from './employees.dto';

/** `@Param('employeeId', EmployeeIdParam)`: employee ids are token subjects, not UUIDs. */
@Injectable()
export class EmployeeIdParam implements PipeTransform<string, string> {
  transform(value: string, metadata: ArgumentMetadata): string {
    if (EMPLOYEE_ID.test(value)) return value;
    const field = metadata.data ?? 'employeeId';
    throw new RequestValidationException([{ field, messages: [`${field} must be an employee id such as emp-42`] }]);
  }
}
