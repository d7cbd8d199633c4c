import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import type { Loaders } from '../db/loaders';

/** Passed down from the resolver to every service: who calls, for which request, with which loaders. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  loaders: Loaders;
  clock: Clock;
}
