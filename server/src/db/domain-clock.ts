import type { DataSource } from 'typeorm';
import type { Clock } from '../domain/clock';

/** The one row of `test_clock` (inserted by the migration). */
export const TEST_CLOCK_ROW_ID = 1;
/** How often an instance re-reads the offset: every instance sees a move within 2 seconds (SPEC §8). */
const OFFSET_REFRESH_MS = 1_000;
/** Starts the statement that reads the offset, so a statement log can tell this background read from a request's. */
export const OFFSET_READ_MARK = '/* domain clock */';

export interface DomainClockOptions {
  /** Re-read the offset every second (TEST_CLOCK=enabled); disabled, the offset read at start stands. */
  refresh: boolean;
  /** A re-read that failed (the database did not answer); told once per streak of failures. */
  onRefreshError?: (error: unknown) => void;
}

/**
 * Domain time (SPEC §8): the wall clock plus the test clock's offset, which lives in the database so that
 * every instance shares it. `now()` is on every request's path, so it never waits for the database: it adds
 * the offset this instance last read (at start, then every second) or committed itself.
 */
export class DomainClock implements Clock {
  private offsetMs = 0;
  private timer: NodeJS.Timeout | undefined;
  private refreshing = false;
  private failing = false;

  constructor(
    private readonly dataSource: DataSource,
    /** The wall clock: what tokens, webhook retries, leases, rate limits, logs and metrics read. */
    readonly wall: Clock,
    private readonly options: DomainClockOptions,
  ) {}

  now(): Date {
    return new Date(this.wall.now().getTime() + this.offsetMs);
  }

  /** The offset this instance applies, in whole seconds. */
  get offsetSeconds(): number {
    return this.offsetMs / 1000;
  }

  /** Reads the offset from the database (at start: a failure stops the start). */
  async load(): Promise<void> {
    const rows: { offsetSeconds: number | string }[] = await this.dataSource.query(
      `${OFFSET_READ_MARK} SELECT ${this.dataSource.driver.escape('offsetSeconds')} AS offsetSeconds FROM ${this.dataSource.driver.escape('test_clock')} WHERE id = ?`,
      [TEST_CLOCK_ROW_ID],
    );
    this.adopt(rows.length === 0 ? 0 : Number(rows[0].offsetSeconds));
  }

  /**
   * Takes an offset read from or committed to the database. The offset only grows, so an older one (a
   * re-read that started before this instance's own move committed) is ignored.
   */
  adopt(offsetSeconds: number): void {
    this.offsetMs = Math.max(this.offsetMs, offsetSeconds * 1000);
  }

  /** Starts re-reading every second, when refreshing is on; the timer never keeps the process alive. */
  start(): void {
    if (!this.options.refresh || this.timer) return;
    this.timer = setInterval(() => void this.refresh(), OFFSET_REFRESH_MS);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  private async refresh(): Promise<void> {
    if (this.refreshing || !this.dataSource.isInitialized) return;
    this.refreshing = true;
    try {
      await this.load();
      this.failing = false;
    } catch (error) {
      if (!this.failing) this.options.onRefreshError?.(error);
      this.failing = true;
    } finally {
      this.refreshing = false;
    }
  }
}
