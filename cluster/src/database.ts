import { createPool, type Pool, type RowDataPacket } from 'mysql2/promise';

/**
 * Reads one node's copy of the Tenantry database for the checks. On Galera, wsrep_sync_wait=1 makes each read
 * wait until the node has applied every write set committed anywhere before it (a causal read).
 */
export class Database {
  private readonly pool: Pool;

  constructor(
    readonly name: string,
    port: number,
    database: string,
    galera: boolean,
  ) {
    this.pool = createPool({ host: '127.0.0.1', port, user: 'root', database, connectionLimit: 2, dateStrings: true });
    if (galera) this.pool.on('connection', (connection) => connection.query('SET SESSION wsrep_sync_wait = 1'));
  }

  async rows<T = RowDataPacket>(sql: string, params: unknown[] = []): Promise<T[]> {
    const [rows] = await this.pool.query<RowDataPacket[]>(sql, params);
    return rows as T[];
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
