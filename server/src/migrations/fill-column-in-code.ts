import type { QueryRunner } from 'typeorm';

/**
 * Sets `target` to `compute(source)` on every row of `table`, computed in code, for values SQL cannot
 * compute alike on every database (Unicode case folding, a hash of the UTF-8 bytes). Rows go in batches
 * keyed by id, one UPDATE per batch; the same statements run on MySQL/MariaDB and SQLite.
 */
export async function fillColumnInCode(
  queryRunner: QueryRunner,
  table: string,
  source: string,
  target: string,
  compute: (value: string) => string,
): Promise<void> {
  const q = (name: string) => queryRunner.connection.driver.escape(name);
  const batch = 500;
  let after = '';
  for (;;) {
    const rows: { id: string; value: string }[] = await queryRunner.query(
      `SELECT ${q('id')} AS id, ${q(source)} AS value FROM ${q(table)} WHERE ${q('id')} > ? ORDER BY ${q('id')} LIMIT ${batch}`,
      [after],
    );
    if (rows.length === 0) return;
    await queryRunner.query(
      `UPDATE ${q(table)} SET ${q(target)} = CASE ${q('id')} ${rows.map(() => 'WHEN ? THEN ?').join(' ')} END ` +
        `WHERE ${q('id')} IN (${rows.map(() => '?').join(', ')})`,
      [...rows.flatMap((row) => [row.id, compute(row.value)]), ...rows.map((row) => row.id)],
    );
    after = rows[rows.length - 1].id;
  }
}
