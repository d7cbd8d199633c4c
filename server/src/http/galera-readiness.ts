/** A row of `SHOW GLOBAL STATUS`, as the driver returns it (unchecked: a NULL Value reads as empty). */
export interface StatusRow {
  Variable_name: string;
  Value: string | null;
}

/** The wsrep status variables /readyz reads; `wsrep_provider_name` is empty on a MariaDB that is not a Galera node. */
export const GALERA_STATUS_VARIABLES = ['wsrep_provider_name', 'wsrep_ready', 'wsrep_local_state_comment', 'wsrep_cluster_status'] as const;

export type GaleraReadiness =
  { galera: false } | { galera: true; ready: boolean; node: { wsrepReady: string; state: string; cluster: string } };

/**
 * Whether a database node may take traffic (SPEC §7): a Galera node only when it accepts queries
 * (wsrep_ready ON), is Synced (not Joining, Donor/Desynced, …) and belongs to the Primary component.
 * MySQL has none of these variables, and a plain MariaDB reports them without a provider: not Galera.
 */
export function galeraReadiness(rows: readonly StatusRow[]): GaleraReadiness {
  const status = new Map(rows.map((row) => [row.Variable_name.toLowerCase(), String(row.Value ?? '')]));
  if (!status.get('wsrep_provider_name')) return { galera: false };
  const node = {
    wsrepReady: status.get('wsrep_ready') || 'unknown',
    state: status.get('wsrep_local_state_comment') || 'unknown',
    cluster: status.get('wsrep_cluster_status') || 'unknown',
  };
  const ready = node.wsrepReady.toUpperCase() === 'ON' && node.state === 'Synced' && node.cluster === 'Primary';
  return { galera: true, ready, node };
}
