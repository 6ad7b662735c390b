import { ArgumentMetadata, BadRequestException, ValidationError } from '@nestjs/common';
import { Type } from 'class-transformer';
import { ArrayMinSize, IsArray, IsInt, IsOptional, IsString, Min, MinLength, ValidateNested } from 'class-validator';
import { createValidationPipe, flattenValidationErrors, RequestValidationException } from './validation';

function validationError(
  property: string,
  constraints?: Record<string, string>,
  children: ValidationError[] = [],
): ValidationError {
  return { property, constraints, children };
}

describe('flattenValidationErrors', () => {
  it('reports a top-level field with all its messages', () => {
    expect(
      flattenValidationErrors([
        validationError('arrival', {
          isLocalDate: 'arrival must be a date',
          isNotEmpty: 'arrival should not be empty',
        }),
      ]),
    ).toEqual([{ field: 'arrival', messages: ['arrival must be a date', 'arrival should not be empty'] }]);
  });

  it('joins nested object paths with dots', () => {
    const errors = [
      validationError('guest', undefined, [validationError('lastName', { isString: 'lastName must be a string' })]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'guest.lastName', messages: ['lastName must be a string'] },
    ]);
  });

  it('writes array indices in brackets', () => {
    const errors = [
      validationError('rooms', undefined, [
        validationError('3', undefined, [validationError('number', { isInt: 'number must be an integer number' })]),
      ]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'rooms[3].number', messages: ['number must be an integer number'] },
    ]);
  });

  it('handles nested arrays and deep objects', () => {
    const errors = [
      validationError('stay', undefined, [
        validationError('nights', undefined, [
          validationError('0', undefined, [
            validationError('price', undefined, [validationError('amountMinor', { isInt: 'bad' })]),
          ]),
          validationError('12', { nestedValidation: 'each value must be an object' }),
        ]),
      ]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'stay.nights[0].price.amountMinor', messages: ['bad'] },
      { field: 'stay.nights[12]', messages: ['each value must be an object'] },
    ]);
  });

  it('turns whitelist violations into "<path> is not a known field"', () => {
    const errors = [
      validationError('isAdmin', { whitelistValidation: 'property isAdmin should not exist' }),
      validationError('guest', undefined, [
        validationError('nickname', { whitelistValidation: 'property nickname should not exist' }),
      ]),
      validationError('rooms', undefined, [
        validationError('1', undefined, [
          validationError('hack', { whitelistValidation: 'property hack should not exist' }),
        ]),
      ]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'isAdmin', messages: ['isAdmin is not a known field'] },
      { field: 'guest.nickname', messages: ['guest.nickname is not a known field'] },
      { field: 'rooms[1].hack', messages: ['rooms[1].hack is not a known field'] },
    ]);
  });

  it('keeps a parent problem beside its children problems, parent first', () => {
    const errors = [
      validationError('guest', { isObject: 'guest must be an object' }, [
        validationError('email', { isEmail: 'email must be an email' }),
      ]),
    ];
    expect(flattenValidationErrors(errors)).toEqual([
      { field: 'guest', messages: ['guest must be an object'] },
      { field: 'guest.email', messages: ['email must be an email'] },
    ]);
  });

  it('prefixes a given parent path', () => {
    expect(flattenValidationErrors([validationError('2', { isString: 'must be a string' })], 'tags')).toEqual([
      { field: 'tags[2]', messages: ['must be a string'] },
    ]);
    expect(flattenValidationErrors([validationError('city', { isString: 'must be a string' })], 'address')).toEqual([
      { field: 'address.city', messages: ['must be a string'] },
    ]);
  });

  it('returns nothing for no errors', () => {
    expect(flattenValidationErrors([])).toEqual([]);
  });
});

class GuestDto {
  @IsString()
  @MinLength(1)
  firstName!: string;

  @IsString()
  @MinLength(1)
  lastName!: string;
}

class RoomDto {
  @IsInt()
  @Min(1)
  number!: number;
}

class CreateReservationDto {
  @ValidateNested()
  @Type(() => GuestDto)
  guest!: GuestDto;

  @IsArray()
  @ArrayMinSize(1)
  @ValidateNested({ each: true })
  @Type(() => RoomDto)
  rooms!: RoomDto[];

  @IsInt()
  @Min(1)
  adults!: number;

  @IsOptional()
  @IsString()
  notes?: string;
}

const BODY: ArgumentMetadata = { type: 'body', metatype: CreateReservationDto, data: undefined };

async function transformError(value: unknown): Promise<RequestValidationException> {
  try {
    await createValidationPipe().transform(value, BODY);
  } catch (error) {
    if (error instanceof RequestValidationException) return error;
    throw error;
  }
  throw new Error('expected the validation pipe to refuse the body');
}

describe('createValidationPipe', () => {
  it('transforms a valid body into instances of the DTO classes', async () => {
    const result = await createValidationPipe().transform(
      { guest: { firstName: 'Ada', lastName: 'Lovelace' }, rooms: [{ number: 101 }, { number: 102 }], adults: 2 },
      BODY,
    );

    expect(result).toBeInstanceOf(CreateReservationDto);
    expect(result.guest).toBeInstanceOf(GuestDto);
    expect(result.rooms[1]).toBeInstanceOf(RoomDto);
    expect(result).toEqual({
      guest: { firstName: 'Ada', lastName: 'Lovelace' },
      rooms: [{ number: 101 }, { number: 102 }],
      adults: 2,
    });
  });

  it('refuses unknown fields, wrong types and nested problems, listing each field', async () => {
    const error = await transformError({
      guest: { firstName: 'Ada', lastName: 42, nickname: 'countess' },
      rooms: [{ number: 101 }, { number: 102 }, { number: 103 }, { number: 'penthouse' }],
      adults: 'two',
      isVip: true,
    });

    expect(error).toBeInstanceOf(BadRequestException);
    expect(error.getStatus()).toBe(400);
    expect(error.message).toBe('The request has invalid fields');

    const byField = new Map(error.fieldProblems.map((problem) => [problem.field, problem.messages]));
    expect([...byField.keys()].sort()).toEqual(
      ['adults', 'guest.lastName', 'guest.nickname', 'isVip', 'rooms[3].number'].sort(),
    );
    expect(byField.get('isVip')).toEqual(['isVip is not a known field']);
    expect(byField.get('guest.nickname')).toEqual(['guest.nickname is not a known field']);
    expect(byField.get('guest.lastName')).toContain('lastName must be a string');
    expect(byField.get('rooms[3].number')).toContain('number must be an integer number');
    expect(byField.get('adults')).toContain('adults must be an integer number');
  });

  it('refuses a nested object given as a primitive and an empty array', async () => {
    const error = await transformError({ guest: 'Ada Lovelace', rooms: [], adults: 1 });
    const fields = error.fieldProblems.map((problem) => problem.field);
    expect(fields.sort()).toEqual(['guest', 'rooms']);
    expect(error.fieldProblems.find((problem) => problem.field === 'rooms')?.messages).toContain(
      'rooms must contain at least 1 elements',
    );
  });

  it('does not echo submitted values or the target object in the problems', async () => {
    const error = await transformError({
      guest: { firstName: 'Ada', lastName: 'L' },
      rooms: [{ number: 1 }],
      adults: 'secret-value',
    });
    expect(JSON.stringify(error.fieldProblems)).not.toContain('secret-value');
    expect(error.fieldProblems).toEqual([
      { field: 'adults', messages: expect.arrayContaining(['adults must be an integer number']) },
    ]);
  });
});
