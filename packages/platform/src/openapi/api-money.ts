import { ApiProperty, ApiPropertyOptions } from '@nestjs/swagger';

/** OpenAPI schema of the contracts' Money value: integer minor units and an ISO-4217 currency. */
export function ApiMoney(options: ApiPropertyOptions = {}): PropertyDecorator {
  return ApiProperty({
    type: 'object',
    required: ['amountMinor', 'currency'],
    properties: {
      amountMinor: { type: 'integer', example: 12000, description: 'Amount in minor units (cents): never a float' },
      currency: { type: 'string', example: 'EUR', pattern: '^[A-Z]{3}$' },
    },
    ...options,
  } as ApiPropertyOptions);
}
