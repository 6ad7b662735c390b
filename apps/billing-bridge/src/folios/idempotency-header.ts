import { ApiHeader } from '@nestjs/swagger';

/** OpenAPI for the money routes' `Idempotency-Key` (the platform interceptor honours it on every POST). */
export const ApiIdempotencyKey = (): MethodDecorator =>
  ApiHeader({
    name: 'Idempotency-Key',
    required: false,
    description: 'A replay with the same key returns the first answer: nothing is charged, paid or refunded twice',
  });
