/** Where the scheduler reads the time; tests give one of their own to stand on a chosen day. */
export const MAIL_CLOCK = Symbol('MAIL_CLOCK');

export interface Clock {
  now(): Date;
}

export const SYSTEM_CLOCK: Clock = { now: () => new Date() };
