import type { RequestContext } from '../auth/request-context';
import { TestClockRow } from '../entities';
import { badInput, failedPrecondition } from '../domain/errors';
import { addMonthsClamped } from '../domain/terms';
import { TEST_CLOCK_ROW_ID, type DomainClock } from '../db/domain-clock';
import { LostRace, rowLock, type TransactionRunner } from '../db/transactions';
import type { AuditService } from './audit.service';

/** How far one move may go: 5 calendar years ahead of domain time now (SPEC §8). */
const MOST_MONTHS_AHEAD = 60;
/** `test_clock.offsetSeconds` is a 32-bit int (about 68 years). */
const MOST_OFFSET_SECONDS = 2_147_483_647;

/** What `Query.testClock` answers. */
export interface TestClockState {
  enabled: boolean;
  now: Date;
  offsetSeconds: number;
}

export interface TestClockServiceOptions {
  /** TEST_CLOCK=enabled: a platform admin may move domain time. */
  enabled: boolean;
  /** Runs the sweeps up to the new domain time (LifecycleService.sweep). */
  sweep: () => Promise<unknown>;
  /** A sweep after a committed move failed: the move stands (the periodic sweep catches up), so it is only told. */
  onSweepError?: (error: unknown) => void;
}

/**
 * The test clock (SPEC §8): domain time is the wall clock plus an offset that only grows, stored in the
 * database; `advance` moves it forward and runs the sweeps up to it before it answers, so the caller reads
 * the renewed, expired and deleted subscriptions at once.
 */
export class TestClockService {
  constructor(
    private readonly transactions: TransactionRunner,
    private readonly audit: AuditService,
    private readonly clock: DomainClock,
    private readonly options: TestClockServiceOptions,
  ) {}

  state(): TestClockState {
    return { enabled: this.options.enabled, now: this.clock.now(), offsetSeconds: this.clock.offsetSeconds };
  }

  /**
   * Moves domain time to `to` (at least; the offset is whole seconds). Refusals in SPEC §3's order: the
   * input's shape (`to` forward, at most 5 years), then the server's state (TEST_CLOCK disabled).
   */
  async advance(ctx: RequestContext, to: Date): Promise<TestClockState> {
    refuseTarget(to, this.clock.now());
    if (!this.options.enabled) {
      throw failedPrecondition(
        'The test clock is disabled on this server (TEST_CLOCK=disabled), so domain time follows the wall clock; set TEST_CLOCK=enabled on a test server to move it.',
      );
    }
    const offsetSeconds = await this.transactions.run(ctx, async (uow) => {
      const row = await uow.manager.findOne(TestClockRow, {
        where: { id: TEST_CLOCK_ROW_ID },
        ...rowLock(uow.manager, 'pessimistic_write'),
      });
      const current = row?.offsetSeconds ?? 0;
      const wallNow = this.clock.wall.now();
      // Checked again on the row as committed: another instance may have moved the clock since this one read it.
      refuseTarget(to, new Date(wallNow.getTime() + current * 1000));
      const next = Math.ceil((to.getTime() - wallNow.getTime()) / 1000);
      if (next > MOST_OFFSET_SECONDS) {
        throw badInput(
          'to',
          `Domain time cannot be moved that far: it would be more than ${MOST_OFFSET_SECONDS} seconds (about 68 years) ahead of the wall clock.`,
        );
      }
      // Forward only, whatever else commits meanwhile: a move that lost the row to a larger one runs again and is refused above.
      const moved = await uow.manager
        .createQueryBuilder()
        .update(TestClockRow)
        .set({ offsetSeconds: next, movedAt: wallNow })
        .where('id = :id AND offsetSeconds < :next', { id: TEST_CLOCK_ROW_ID, next })
        .execute();
      if (moved.affected !== 1) throw new LostRace();
      await this.audit.record(uow, {
        action: 'testClock.advanced',
        targetType: 'TestClock',
        targetId: String(TEST_CLOCK_ROW_ID),
        tenantId: null,
        before: { offsetSeconds: current, now: new Date(wallNow.getTime() + current * 1000), movedAt: row?.movedAt ?? null },
        after: { offsetSeconds: next, now: new Date(wallNow.getTime() + next * 1000), movedAt: wallNow },
      });
      return next;
    });
    this.clock.adopt(offsetSeconds);
    await this.options.sweep().catch((error: unknown) => this.options.onSweepError?.(error));
    return this.state();
  }
}

/** Refuses `to` as a new domain time when domain time is `now`: BAD_USER_INPUT on `to`. */
function refuseTarget(to: Date, now: Date): void {
  if (to.getTime() <= now.getTime()) {
    throw badInput('to', `The test clock only moves forward: give a time later than domain time now (${now.toISOString()}).`);
  }
  const latest = addMonthsClamped(now, MOST_MONTHS_AHEAD);
  if (to.getTime() > latest.getTime()) {
    throw badInput(
      'to',
      `The test clock moves at most 5 years at a time: give a time no later than ${latest.toISOString()}, and move again from there.`,
    );
  }
}
