import { createHash } from 'node:crypto';
import type { Database } from '../database';
import type { Report } from '../report';

/** Every row of every table, as text, sorted, hashed: one ordered checksum per table per node. */
async function checksums(db: Database, schema: string): Promise<Map<string, string>> {
  const tables = await db.rows<{ name: string }>(
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME",
    [schema],
  );
  const result = new Map<string, string>();
  for (const { name } of tables) {
    const rows = await db.rows(`SELECT * FROM \`${name}\``);
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    result.set(name, `${lines.length}:${createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16)}`);
  }
  return result;
}

/** Galera's promise: every node holds the same rows once the writes have been applied everywhere. */
export async function checkNodesAgree(report: Report, scenario: string, nodes: Database[], schema: string): Promise<void> {
  const all = await Promise.all(nodes.map((db) => checksums(db, schema)));
  const [reference] = all;
  const differences: string[] = [];
  for (const [table, sum] of reference) {
    all.forEach((other, i) => {
      if (other.get(table) !== sum) differences.push(`${table}: ${nodes[0].name} ${sum}, ${nodes[i].name} ${other.get(table)}`);
    });
  }
  const rows = [...reference.values()].reduce((n, sum) => n + Number(sum.split(':')[0]), 0);
  report.check(
    scenario,
    `every node holds the same rows (${reference.size} tables, ${rows} rows, checksummed per table on ${nodes.length} nodes)`,
    differences.length === 0 && reference.size > 0,
    differences.slice(0, 5).join('; '),
  );
}
