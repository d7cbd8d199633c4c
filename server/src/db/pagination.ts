import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput } from '../domain/errors';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  /** The keyset value of each node, in the same order: what its cursor encodes. */
  keys: string[];
  hasNextPage: boolean;
  /** Counted only when the client asks for totalCount. */
  totalCount: () => Promise<number>;
}

export function pageSize(first: number | null | undefined): number {
  if (first === undefined || first === null) return DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(first) || first < 1 || first > MAX_PAGE_SIZE) {
    throw badInput('first', `"first" must be a whole number from 1 to ${MAX_PAGE_SIZE}; got ${first}.`);
  }
  return first;
}

export const encodeCursor = (key: string): string => Buffer.from(`k:${key}`, 'utf8').toString('base64url');

export function decodeCursor(cursor: string | null | undefined): string | undefined {
  if (cursor === undefined || cursor === null) return undefined;
  const decoded = /^[A-Za-z0-9_-]{1,200}$/.test(cursor) ? Buffer.from(cursor, 'base64url').toString('utf8') : '';
  if (!/^k:[0-9a-f-]{1,36}$/.test(decoded)) {
    throw badInput('after', '"after" is not a cursor this API issued; pass the endCursor of a previous page.');
  }
  return decoded.slice(2);
}

/**
 * Keyset pagination: `WHERE key > :after ORDER BY key LIMIT first + 1`, so a page deep in a long list
 * costs what the first one does. `key` must be unique and indexed together with the filter columns.
 */
export async function paginate<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  key: { expression: string; read: (row: T) => string; descending?: boolean },
  args: PageArgs,
): Promise<Page<T>> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const counter = query.clone();
  if (after !== undefined) query.andWhere(`${key.expression} ${key.descending ? '<' : '>'} :keysetAfter`, { keysetAfter: after });
  const rows = await query
    .orderBy(key.expression, key.descending ? 'DESC' : 'ASC')
    .limit(size + 1)
    .getMany();
  const nodes = rows.slice(0, size);
  return {
    nodes,
    keys: nodes.map(key.read),
    hasNextPage: rows.length > size,
    totalCount: () => counter.getCount(),
  };
}
