import { Entity, PrimaryColumn } from 'typeorm';
import { IntColumn, TimestampColumn } from './columns';

/**
 * The test clock's one row (SPEC §8): domain time is the wall clock plus `offsetSeconds`, which only grows.
 * Kept in the database so that every instance reads the same domain time.
 */
@Entity({ name: 'test_clock' })
export class TestClockRow {
  /** Always 1: there is one domain clock. */
  @PrimaryColumn({ type: 'int' })
  id: number;

  @IntColumn()
  offsetSeconds: number;

  /** Wall-clock time of the last move (null: never moved). */
  @TimestampColumn({ nullable: true })
  movedAt: Date | null;
}
