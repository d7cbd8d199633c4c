import { createHash } from 'node:crypto';
import { type DataSource, LessThan } from 'typeorm';
import type { RequestContext } from '../auth/request-context';
import { newId } from '../entities/columns';
import { IdempotencyKey } from '../entities';
import { conflict } from '../domain/errors';
import { isUniqueViolation } from '../db/unique-violation';
import type { TransactionRunner, UnitOfWork } from '../db/transactions';

const IDEMPOTENCY_RETENTION_HOURS = 24;
const PENDING = 'pending';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON with sorted keys, so the same input always hashes the same. */
function canonical(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => a.localeCompare(b));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
}

class KeyRace extends Error {}

export interface IdempotentRequest {
  operation: string;
  key: string | null | undefined;
  /** The input without the key itself. */
  input: object;
}

/**
 * Runs a creating mutation at most once per (caller, operation, key). The key row is inserted first,
 * in the same transaction as the work: a concurrent twin blocks on the unique index, fails, and on
 * retry finds the committed row and returns its result.
 */
export class IdempotencyService {
  /**
   * Twins in this process queue here, one after the other, instead of each holding a pooled connection
   * while blocked on the unique index: 20 twins could take the whole pool and starve the first request’s
   * reads until the lock wait timed out. Twins on other instances still meet at the unique index.
   */
  private readonly inFlight = new Map<string, Promise<unknown>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly transactions: TransactionRunner,
  ) {}

  /**
   * `check` runs first, outside the transaction (its reads use pooled connections briefly and may
   * refuse); `work` then runs in the transaction with what `check` returned. A replay skips both.
   */
  async once<Checked>(
    ctx: RequestContext,
    request: IdempotentRequest,
    check: () => Promise<Checked>,
    work: (uow: UnitOfWork, checked: Checked) => Promise<string>,
  ): Promise<string> {
    if (request.key === undefined || request.key === null) {
      const checked = await check();
      return this.transactions.run(ctx, (uow) => work(uow, checked));
    }
    const callerHash = sha256(canonical([ctx.actor.subject, ctx.actor.tenantId, ctx.actor.partnerId]));
    const slot = JSON.stringify([callerHash, request.operation, request.key]);
    const previous = this.inFlight.get(slot);
    const mine = (previous ?? Promise.resolve())
      .catch(() => undefined)
      .then(() => this.attempt(ctx, callerHash, request as IdempotentRequest & { key: string }, check, work));
    this.inFlight.set(slot, mine);
    try {
      return await mine;
    } finally {
      if (this.inFlight.get(slot) === mine) this.inFlight.delete(slot);
    }
  }

  private async attempt<Checked>(
    ctx: RequestContext,
    callerHash: string,
    request: IdempotentRequest & { key: string },
    check: () => Promise<Checked>,
    work: (uow: UnitOfWork, checked: Checked) => Promise<string>,
  ): Promise<string> {
    const requestHash = sha256(canonical(request.input));
    const where = { callerHash, operation: request.operation, key: request.key };
    const replay = (existing: IdempotencyKey) => {
      if (existing.requestHash !== requestHash) {
        throw conflict('This idempotencyKey was already used with a different input; use a new key for a new request.', 'idempotencyKey');
      }
      return existing.resultId;
    };
    for (let attempt = 0; ; attempt++) {
      const committed = await this.dataSource.getRepository(IdempotencyKey).findOneBy(where);
      if (committed) return replay(committed);
      let checked: Checked;
      try {
        checked = await check();
      } catch (error) {
        // A twin on another instance may have committed since the look-up above, and its result is what made a
        // check fail (the tenant now has the subscription it bought): a replay is recognised before any check.
        const late = await this.dataSource.getRepository(IdempotencyKey).findOneBy(where);
        if (late) return replay(late);
        throw error;
      }
      try {
        return await this.transactions.run(ctx, async (uow) => {
          const existing = await uow.manager.findOneBy(IdempotencyKey, where);
          if (existing) return replay(existing);
          const id = newId();
          try {
            await uow.manager.insert(IdempotencyKey, { id, ...where, requestHash, resultId: PENDING, createdAt: uow.now });
          } catch (error) {
            if (isUniqueViolation(error)) throw new KeyRace();
            throw error;
          }
          const resultId = await work(uow, checked);
          await uow.manager.update(IdempotencyKey, { id }, { resultId });
          return resultId;
        });
      } catch (error) {
        if (error instanceof KeyRace && attempt < 3) continue;
        throw error;
      }
    }
  }

  /** Deletes keys older than the retention window; returns how many. */
  async prune(now: Date): Promise<number> {
    const cutoff = new Date(now.getTime() - IDEMPOTENCY_RETENTION_HOURS * 3_600_000);
    const result = await this.dataSource.getRepository(IdempotencyKey).delete({ createdAt: LessThan(cutoff) });
    return result.affected ?? 0;
  }
}
