/**
 * A value the database refused (too long, out of range, not storable) although validation let it through:
 * the client's input, not a server failure. SPEC §3: such a value is BAD_USER_INPUT naming the field, never
 * INTERNAL_SERVER_ERROR. Validation is meant to refuse all of them first; this is the safety net, and the
 * server still logs each one as unexpected (see error-logging), since it means a rule and a column disagree.
 *
 * Only MySQL/MariaDB (in its default strict mode) refuses such values: SQLite enforces no length, and its
 * integers hold whatever GraphQL's Int can carry.
 */

/** MySQL/MariaDB error numbers for a value a column cannot store, and how the field's value is at fault. */
const REFUSED_VALUE: Record<number, string> = {
  1406: 'is too long to store', // ER_DATA_TOO_LONG
  1264: 'is out of the range that can be stored', // ER_WARN_DATA_OUT_OF_RANGE
  1265: 'cannot be stored without being cut short', // WARN_DATA_TRUNCATED
  1366: 'cannot be stored as given', // ER_TRUNCATED_WRONG_VALUE_FOR_FIELD
};

/**
 * The input field each column holding a client's input is written from (table → column → field). A column
 * not listed here holds what the server itself made (ids, hashes, audit records): its refusal stays an
 * internal error, because no field of the request is at fault.
 */
const INPUT_FIELD_OF_COLUMN: Partial<Record<string, Partial<Record<string, string>>>> = {
  tenants: { name: 'name', nameFolded: 'name', domain: 'domain', countryCode: 'countryCode' },
  partners: { id: 'id', name: 'name', countryCode: 'countryCode' },
  offers: {
    sku: 'sku',
    name: 'name',
    minQuantity: 'minQuantity',
    maxQuantity: 'maxQuantity',
    unitPriceCents: 'unitPriceCents',
    currency: 'currency',
  },
  subscriptions: { quantity: 'quantity' },
};

export interface RefusedInput {
  field: string;
  /** Completes "Invalid value for "<field>": …". */
  problem: string;
}

/** The input field at fault when a driver error is a value the column refused; undefined for anything else. */
export function refusedInput(error: unknown): RefusedInput | undefined {
  const e = error as { query?: unknown; driverError?: { errno?: number; sqlMessage?: string } } | null;
  const problem = REFUSED_VALUE[e?.driverError?.errno ?? -1];
  if (!problem || typeof e?.query !== 'string') return undefined;
  // "Data too long for column 'name' at row 1"; MariaDB may qualify it: "for column `db`.`tenants`.`name`".
  const column = /for column (?:`[^`]*`\.)*[`']([^`']+)[`']/.exec(e.driverError?.sqlMessage ?? '')?.[1];
  const table = /^\s*(?:INSERT\s+(?:IGNORE\s+)?INTO|UPDATE)\s+[`"]?(\w+)/i.exec(e.query)?.[1];
  const field = table && column ? INPUT_FIELD_OF_COLUMN[table]?.[column] : undefined;
  return field ? { field, problem } : undefined;
}
