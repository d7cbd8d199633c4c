import { Entity, Index } from 'typeorm';
import { TextColumn, TimestampColumn, UuidPrimaryColumn } from './columns';

/** The first result of a mutation carrying an idempotency key, scoped to the caller. */
@Entity({ name: 'idempotency_keys' })
@Index('uq_idempotency_keys_scope', ['callerHash', 'operation', 'key'], { unique: true })
@Index('idx_idempotency_keys_created', ['createdAt'])
export class IdempotencyKey {
  @UuidPrimaryColumn()
  id: string;

  /** sha256 of the caller (subject, tenant, partner): keys of different callers never meet. */
  @TextColumn(64)
  callerHash: string;

  @TextColumn(64)
  operation: string;

  @TextColumn(255)
  key: string;

  /** sha256 of the canonical input: the same key with another input is a CONFLICT. */
  @TextColumn(64)
  requestHash: string;

  @TextColumn(36)
  resultId: string;

  @TimestampColumn()
  createdAt: Date;
}
