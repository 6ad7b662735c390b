/** Injection tokens of the platform module, apart so that its own controllers can use them without a cycle. */
export const SERVICE_ENV = Symbol('SERVICE_ENV');
export const SERVICE_NAME = Symbol('SERVICE_NAME');
