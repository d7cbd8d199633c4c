/**
 * SPEC §8's anchored term ends, written again here (not imported from the server) so that scenario 5 checks
 * the server's arithmetic against an independent reading of the spec: every term ends M calendar months after
 * the purchase, in UTC, on the purchase's day of the month and time of day, or on the month's last day where
 * that day does not exist.
 */
export function anchoredTermEnd(purchasedAt: Date, months: number): Date {
  const monthIndex = purchasedAt.getUTCMonth() + months;
  const year = purchasedAt.getUTCFullYear() + Math.floor(monthIndex / 12);
  const month = ((monthIndex % 12) + 12) % 12;
  const daysInMonth = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const day = Math.min(purchasedAt.getUTCDate(), daysInMonth);
  return new Date(
    Date.UTC(
      year,
      month,
      day,
      purchasedAt.getUTCHours(),
      purchasedAt.getUTCMinutes(),
      purchasedAt.getUTCSeconds(),
      purchasedAt.getUTCMilliseconds(),
    ),
  );
}

/** The SPEC's own example, so a mistake here fails loudly instead of blaming the server. */
const example = new Date('2027-01-31T10:00:00.000Z');
const expected = ['2027-02-28T10:00:00.000Z', '2027-03-31T10:00:00.000Z', '2027-04-30T10:00:00.000Z', '2028-04-30T10:00:00.000Z'];
const got = [1, 2, 3, 15].map((m) => anchoredTermEnd(example, m).toISOString());
if (got.join() !== expected.join()) throw new Error(`cluster/src/terms.ts disagrees with SPEC §8's example: ${got.join(', ')}`);

/**
 * A time as the database (dateStrings: 'YYYY-MM-DD HH:MM:SS.mmm', UTC: the server writes with timezone 'Z')
 * or an event's JSON (ISO 8601) holds it, in milliseconds; NaN for anything else.
 */
export function timeOf(value: unknown): number {
  if (value instanceof Date) return value.getTime();
  if (typeof value !== 'string') return Number.NaN;
  if (/^\d{4}-\d\d-\d\d[ T]\d\d:\d\d:\d\d(\.\d+)?$/.test(value)) return Date.parse(`${value.replace(' ', 'T')}Z`);
  return Date.parse(value);
}

/**
 * The first Jan 30 at 10:00 UTC at least a day of wall-clock time ahead: purchases on Jan 30 and 31 have term
 * ends clamped to February's and April's last day (and, on the 31st, March's 31st), the cases SPEC §8 spells out.
 */
export function nextJanuary30(now: Date): Date {
  for (let year = now.getUTCFullYear(); ; year++) {
    const candidate = new Date(Date.UTC(year, 0, 30, 10, 0, 0));
    if (candidate.getTime() > now.getTime() + 86_400_000) return candidate;
  }
}
