import { createHash } from 'node:crypto';
import { Entity, Index, type ValueTransformer } from 'typeorm';
import { TextColumn, TimestampColumn, UuidPrimaryColumn } from './columns';

/**
 * Keys are written and looked up as the SHA-256 of their UTF-8 bytes: the client's key is exact (SPEC §3),
 * and MySQL/MariaDB's binary collation still equates "pad-x" and "pad-x " (PAD SPACE); a hash compares as
 * its bytes do, and its length is fixed whatever the key.
 */
export const hashIdempotencyKey = (key: string): string => createHash('sha256').update(key, 'utf8').digest('hex');

const storedAsSha256: ValueTransformer = {
  to: (key: unknown) => (typeof key === 'string' ? hashIdempotencyKey(key) : key),
  from: (hash: string) => hash,
};

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

  /** The client's key; read back, it is the hash (see storedAsSha256). */
  @TextColumn(64, { name: 'keyHash', transformer: storedAsSha256 })
  key: string;

  /** sha256 of the canonical input: the same key with another input is a CONFLICT. */
  @TextColumn(64)
  requestHash: string;

  @TextColumn(36)
  resultId: string;

  @TimestampColumn()
  createdAt: Date;
}
