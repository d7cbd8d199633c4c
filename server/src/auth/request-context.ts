import type { Actor } from '../domain/actor';
import type { Clock } from '../domain/clock';
import type { Deadline } from '../db/deadline';
import type { Loaders } from '../db/loaders';

/** Passed down from the resolver to every service: who calls, for which request, with which loaders. */
export interface RequestContext {
  actor: Actor;
  requestId: string;
  loaders: Loaders;
  clock: Clock;
  /** The HTTP request's time limit (unset over WebSocket and for the server's own jobs). */
  deadline?: Deadline;
}
