import { Column, PrimaryColumn } from 'typeorm';
import { v7 as uuidv7 } from 'uuid';

/**
 * Ids are UUIDv7: they sort by creation time, so an index on the id alone serves stable keyset
 * pagination in creation order, on MySQL and SQLite alike.
 */
export const newId = (): string => uuidv7();

export const UuidPrimaryColumn = () => PrimaryColumn({ type: 'varchar', length: 36 });
export const PartnerIdPrimaryColumn = () => PrimaryColumn({ type: 'varchar', length: 10 });
export const UuidColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'varchar', length: 36, nullable: options.nullable ?? false });
export const PartnerIdColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'varchar', length: 10, nullable: options.nullable ?? false });
export const TimestampColumn = (options: { nullable?: boolean } = {}) =>
  Column({ type: 'datetime', precision: 3, nullable: options.nullable ?? false });
export const TextColumn = (length: number, options: { nullable?: boolean } = {}) =>
  Column({ type: 'varchar', length, nullable: options.nullable ?? false });
export const IntColumn = () => Column({ type: 'int' });
