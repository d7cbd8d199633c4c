import { ErrorCode } from '../domain/error-codes';
import { AppError } from '../domain/errors';

const timeLimitMessage = (limitMs: number) =>
  `The request did not complete within the time limit of ${limitMs} ms, and nothing was changed. Simplify the query, or retry later.`;

/**
 * A request's time limit as its units of work see it (SPEC §3: an error answer means nothing was committed).
 * When the limit passes, the request may be answered with the time-limit error only if none of its units of
 * work has sent a COMMIT: from then on no unit sends one, and one still running is cut short and rolled back.
 * A COMMIT already sent, or already done, is waited for, and the request gets its real answer.
 */
export class Deadline {
  private expired = false;
  private commitSent = false;
  private readonly listeners = new Set<() => void>();

  constructor(readonly limitMs: number) {}

  get passed(): boolean {
    return this.expired;
  }

  /** Calls `listener` when the limit passes; returns what stops that. */
  whenPassed(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** The limit passed: true when the time-limit error may be answered now (no COMMIT was sent). */
  expire(): boolean {
    this.expired = true;
    for (const listener of this.listeners) listener();
    return !this.commitSent;
  }

  /** Called before a unit of work sends its COMMIT; refuses once the limit has passed. */
  beforeCommit(): void {
    if (this.passed) throw this.error();
    this.commitSent = true;
  }

  error(): AppError {
    return new AppError(ErrorCode.QUERY_TOO_COMPLEX, timeLimitMessage(this.limitMs));
  }
}
