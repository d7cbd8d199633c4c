import { Column, type ColumnOptions, PrimaryColumn } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/**
 * Ids are UUIDv7: they sort by creation time, so an index on the id alone serves stable keyset
 * pagination in creation order, on MySQL and SQLite alike.
 */
export const newId = (): string => uuidv7();

/**
 * Every text column compares byte for byte, whatever the database's default (SPEC §3): on MySQL/MariaDB
 * through this binary collation, chosen here rather than inherited from a default such as
 * utf8mb4_general_ci, under which "Key-x" = "KEY-x", "cafe" = "café" and 🍎 = 🍌. SQLite's default BINARY
 * collation already compares bytes, and SQLite knows no MySQL collation names: `openDatabase` drops this
 * one there. Whatever must match case-insensitively (domains, search) is normalised in code before it is
 * stored or compared.
 *
 * Like every collation both MySQL 8 and MariaDB know, utf8mb4_bin ignores trailing spaces in `=` and in
 * unique indexes (PAD SPACE): exact values that may end in a space are stored hashed (IdempotencyKey.key),
 * the others have formats without spaces.
 */
export const TEXT_COLLATION = 'utf8mb4_bin';

const text = (length: number, nullable = false) => ({ type: 'varchar', length, nullable, collation: TEXT_COLLATION }) as const;
const primaryText = (length: number) => ({ type: 'varchar', length, collation: TEXT_COLLATION }) as const;

export const UuidPrimaryColumn = () => PrimaryColumn(primaryText(36));
export const PartnerIdPrimaryColumn = () => PrimaryColumn(primaryText(10));
export const UuidColumn = (options: { nullable?: boolean } = {}) => Column(text(36, options.nullable));
export const PartnerIdColumn = (options: { nullable?: boolean } = {}) => Column(text(10, options.nullable));
export const TimestampColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false });
/** `length` in characters: MySQL/MariaDB count Unicode code points in a utf8mb4 column. */
export const TextColumn = (length: number, options: Pick<ColumnOptions, 'nullable' | 'name' | 'transformer' | 'select'> = {}) =>
  Column({ ...text(length, options.nullable), name: options.name, transformer: options.transformer, select: options.select });
/** A JSON document in a text column. */
export const JsonColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'simple-json', nullable: options.nullable ?? false, collation: TEXT_COLLATION });
export const BooleanColumn = () => Column({ type: 'boolean' });
export const IntColumn = (options: { default?: number; nullable?: boolean } = {}) => Column({ type: 'int', ...options });
