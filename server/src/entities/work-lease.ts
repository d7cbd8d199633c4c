import { Entity, Index, PrimaryColumn } from 'typeorm';
import { TEXT_COLLATION, TextColumn, TimestampColumn } from './columns';

/**
 * A claim by one server instance on one item of work every instance runs (SPEC §7), such as expiring one
 * subscription. One row per item: claimed by inserting it, or by a conditional update once the holder's
 * lease has expired (the holder died or stalled); deleted when the work is done.
 */
@Entity({ name: 'work_leases' })
@Index('idx_work_leases_expires', ['expiresAt'])
export class WorkLease {
  /** What kind of work, as in `subscription.expire`. */
  @PrimaryColumn({ type: 'varchar', length: 32, collation: TEXT_COLLATION })
  kind: string;

  @PrimaryColumn({ type: 'varchar', length: 36, collation: TEXT_COLLATION })
  itemId: string;

  /** The instance holding the claim. */
  @TextColumn(64)
  owner: string;

  @TimestampColumn()
  expiresAt: Date;
}
