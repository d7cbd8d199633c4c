import type { QueryRunner } from 'typeorm';
import { monthsToTermContaining, termEnd } from '../domain/terms';
import { fillColumnInCode } from './fill-column-in-code';

/** A DATETIME(3) value as both dialects store it (UTC: MySQL/MariaDB connections run with time zone Z). */
const datetime = (date: Date) => date.toISOString().replace('T', ' ').replace('Z', '');
/** mysql2 answers a Date, better-sqlite3 the stored text. */
const readDatetime = (value: Date | string) => (value instanceof Date ? value : new Date(`${value.replace(' ', 'T')}Z`));

/**
 * The upgrade to terms (SPEC §8): every offer gets its one P1M/MONTHLY term at its price, and every subscription
 * that offer's first term, anchored at its createdAt, with the current term the one that contains `now` (the whole
 * quantity as the term's licence block). Nothing else changes and no event is written. Batches of rows keyed by id,
 * the same statements on MySQL/MariaDB and SQLite.
 */
export async function fillTerms(queryRunner: QueryRunner, now: Date): Promise<void> {
  const q = (name: string) => queryRunner.connection.driver.escape(name);
  await fillColumnInCode(queryRunner, 'offers', 'unitPriceCents', 'terms', (cents) =>
    JSON.stringify([{ termDuration: 'P1M', billingCycle: 'MONTHLY', unitPriceCents: Number(cents) }]),
  );
  await queryRunner.query(
    `UPDATE ${q('subscriptions')} SET ${q('termDuration')} = 'P1M', ${q('billingCycle')} = 'MONTHLY', ${q('autoRenew')} = 1, ` +
      `${q('termNoticePending')} = CASE WHEN ${q('status')} = 'DELETED' THEN 0 ELSE 1 END`,
  );
  const batch = 500;
  for (let after = ''; ; ) {
    const rows: { id: string; createdAt: Date | string; quantity: number }[] = await queryRunner.query(
      `SELECT ${q('id')} AS id, ${q('createdAt')} AS createdAt, ${q('quantity')} AS quantity FROM ${q('subscriptions')} ` +
        `WHERE ${q('id')} > ? ORDER BY ${q('id')} LIMIT ${batch}`,
      [after],
    );
    if (rows.length === 0) return;
    const values = rows.map((row) => {
      const purchasedAt = readDatetime(row.createdAt);
      const months = monthsToTermContaining(purchasedAt, 1, now);
      const startsAt = termEnd(purchasedAt, months - 1);
      return {
        id: row.id,
        termStartsAt: datetime(startsAt),
        termEndsAt: datetime(termEnd(purchasedAt, months)),
        termMonths: months,
        licenceBlocks: JSON.stringify([{ quantity: Number(row.quantity), addedAt: startsAt.toISOString() }]),
      };
    });
    const columns = ['termStartsAt', 'termEndsAt', 'termMonths', 'licenceBlocks'] as const;
    const cases = columns.map((column) => `${q(column)} = CASE ${q('id')} ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END`);
    await queryRunner.query(
      `UPDATE ${q('subscriptions')} SET ${cases.join(', ')} WHERE ${q('id')} IN (${rows.map(() => '?').join(', ')})`,
      [...columns.flatMap((column) => values.flatMap((v) => [v.id, v[column]])), ...values.map((v) => v.id)],
    );
    after = rows[rows.length - 1].id;
  }
}
