import type { Instance } from './tenantry';

/** Transaction retries (by reason) and give-ups an instance reports at /metrics (SPEC §7). */
export interface RetryCounts {
  retries: Map<string, number>;
  givenUp: number;
}

export async function retryCounts(instance: Instance): Promise<RetryCounts> {
  const text = await (await fetch(`${instance.origin}/metrics`, { signal: AbortSignal.timeout(5_000) })).text();
  const retries = new Map<string, number>();
  let givenUp = 0;
  for (const line of text.split('\n')) {
    const retry = /^tenantry_transaction_retries_total\{reason="(\w+)"\} (\d+)/.exec(line);
    if (retry) retries.set(retry[1], Number(retry[2]));
    const conflict = /^tenantry_transaction_conflicts_total (\d+)/.exec(line);
    if (conflict) givenUp = Number(conflict[1]);
  }
  return { retries, givenUp };
}

/** What the instances counted between two readings, summed over them. */
export function retriesBetween(
  before: RetryCounts[],
  after: RetryCounts[],
): { byReason: Map<string, number>; total: number; givenUp: number } {
  const byReason = new Map<string, number>();
  let givenUp = 0;
  after.forEach((reading, i) => {
    for (const [reason, n] of reading.retries) byReason.set(reason, (byReason.get(reason) ?? 0) + n - (before[i].retries.get(reason) ?? 0));
    givenUp += reading.givenUp - before[i].givenUp;
  });
  return { byReason, total: [...byReason.values()].reduce((a, b) => a + b, 0), givenUp };
}
