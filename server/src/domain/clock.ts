/** Where "now" comes from: the system clock, or a clock tests move forward. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
