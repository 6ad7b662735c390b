import { ApiProperty } from '@nestjs/swagger';
import { IsLocalDate, isLocalDate } from '@frontoffice/contracts';
import { registerDecorator, ValidationArguments, ValidationOptions } from 'class-validator';

/** `to` may equal `from` (a one-day period) but never come before it. */
export function IsNotBeforeLocalDate(earlierProperty: string, options?: ValidationOptions): PropertyDecorator {
  return (target: object, propertyName: string | symbol) =>
    registerDecorator({
      name: 'isNotBeforeLocalDate',
      target: target.constructor,
      propertyName: propertyName as string,
      constraints: [earlierProperty],
      options,
      validator: {
        validate(value: unknown, args: ValidationArguments): boolean {
          const earlier: unknown = (args.object as Record<string, unknown>)[earlierProperty];
          // A malformed date is reported by its own @IsLocalDate: one message per mistake.
          if (!isLocalDate(value) || !isLocalDate(earlier)) return true;
          return value >= earlier;
        },
        defaultMessage(args: ValidationArguments): string {
          return `${args.property} must not be before ${earlierProperty}`;
        },
      },
    });
}

/** An inclusive period of business dates. */
export class PeriodQuery {
  @ApiProperty({ example: '2026-03-01', description: 'First business date, included (YYYY-MM-DD)' })
  @IsLocalDate()
  from!: string;

  @ApiProperty({ example: '2026-03-31', description: 'Last business date, included (YYYY-MM-DD)' })
  @IsLocalDate()
  @IsNotBeforeLocalDate('from')
  to!: string;
}
