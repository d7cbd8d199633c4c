import type { Actor } from './actor';
import type { Loaders } from '../loaders/loaders';

export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** Passed down from the resolver to every service: who calls, for which request, with which loaders. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  loaders: Loaders;
  clock: Clock;
}
