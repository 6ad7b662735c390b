import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, IsUUID, Length } from 'class-validator';

/** An optional reservation of this property (the guest's stay). */
export const OptionalReservationId = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ format: 'uuid' }), IsOptional(), IsUUID());

/** An optional room number, as the desk writes it; defaults to the stay's room where there is one. */
export const OptionalRoomNumber = (): PropertyDecorator =>
  applyDecorators(ApiPropertyOptional({ example: '512' }), IsOptional(), IsString(), Length(1, 16));
