import type { ChildProcess } from 'node:child_process';
import { execFileSync } from 'node:child_process';
import { chownSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createConnection, type RowDataPacket } from 'mysql2/promise';
import { freePortRange } from './ports';
import { type Resources, until } from './processes';

const PROVIDER = '/usr/lib/galera/libgalera_smm.so';

export interface GaleraNode {
  name: string;
  /** Client port (MySQL protocol). */
  port: number;
  /** Group communication (gmcast.listen_addr), incremental state transfer (ist.recv_addr), full state transfer (rsync). */
  gcommPort: number;
  istPort: number;
  sstPort: number;
  directory: string;
  process: ChildProcess | null;
}

export interface NodeStatus {
  clusterSize: number;
  /** wsrep_local_state_comment: Synced, Donor/Desynced, Joining, Joined, … */
  state: string;
  /** wsrep_ready: the node accepts queries. */
  ready: boolean;
}

function mysqlUser(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, 'mysql']).toString().trim());
  return { uid: id('-u'), gid: id('-g') };
}

/**
 * A MariaDB Galera cluster of local nodes, every one writable. The nodes run as the `mysql` user (rsync state
 * transfer refuses to run as root), each in a temporary directory holding its datadir, socket and error log.
 * Only the first node's datadir is initialised; the others join empty and receive a full state transfer (SST).
 */
export class GaleraCluster {
  readonly nodes: GaleraNode[];
  private readonly owner = mysqlUser();

  private constructor(
    private readonly resources: Resources,
    root: string,
    ports: number[],
    size: number,
  ) {
    this.nodes = Array.from({ length: size }, (_, i) => ({
      name: `node${i + 1}`,
      port: ports[i * 4],
      gcommPort: ports[i * 4 + 1],
      istPort: ports[i * 4 + 2],
      sstPort: ports[i * 4 + 3],
      directory: join(root, `node${i + 1}`),
      process: null,
    }));
  }

  static async start(resources: Resources, size: number): Promise<GaleraCluster> {
    const root = resources.temporaryDirectory('tenantry-galera-');
    const cluster = new GaleraCluster(resources, root, await freePortRange(size * 4), size);
    chownSync(root, cluster.owner.uid, cluster.owner.gid);
    for (const node of cluster.nodes) cluster.prepareDirectory(node);
    const [first, ...others] = cluster.nodes;
    execFileSync(
      'mariadb-install-db',
      [
        '--no-defaults',
        `--datadir=${join(first.directory, 'data')}`,
        '--user=mysql',
        // root@localhost and root@127.0.0.1 without a password: the harness and the servers connect over TCP.
        '--auth-root-authentication-method=normal',
        '--skip-test-db',
      ],
      { stdio: 'pipe' },
    );
    await cluster.startNode(first, true);
    await cluster.waitUntil([first], 1);
    for (const node of others) await cluster.startNode(node, false);
    await cluster.waitUntil(cluster.nodes, size);
    return cluster;
  }

  url(node: GaleraNode, database = ''): string {
    return `mysql://root@127.0.0.1:${node.port}/${database}`;
  }

  /** A DATABASE_URL naming every node, `node` (the instance's own) first: the instance fails over to the others in order. */
  failoverUrl(node: GaleraNode, database: string): string {
    const order = [node, ...this.nodes.filter((other) => other !== node)];
    return `mysql://root@${order.map((n) => `127.0.0.1:${n.port}`).join(',')}/${database}`;
  }

  private prepareDirectory(node: GaleraNode): void {
    mkdirSync(join(node.directory, 'data'), { recursive: true });
    chownSync(node.directory, this.owner.uid, this.owner.gid);
    chownSync(join(node.directory, 'data'), this.owner.uid, this.owner.gid);
  }

  /**
   * Starts mariadbd; `bootstrap` starts a new cluster (only the first node, only the first time). `donor` names
   * the node a joiner takes its state transfer from (wsrep_sst_donor, also for IST).
   */
  async startNode(node: GaleraNode, bootstrap: boolean, donor?: GaleraNode): Promise<void> {
    const members = this.nodes.map((n) => `127.0.0.1:${n.gcommPort}`).join(',');
    const args = [
      '--no-defaults',
      '--user=mysql',
      `--datadir=${join(node.directory, 'data')}`,
      `--socket=${join(node.directory, 'mysqld.sock')}`,
      `--pid-file=${join(node.directory, 'mysqld.pid')}`,
      `--log-error=${join(node.directory, 'error.log')}`,
      `--port=${node.port}`,
      '--bind-address=127.0.0.1',
      '--wsrep_on=ON',
      `--wsrep_provider=${PROVIDER}`,
      '--wsrep_cluster_name=tenantry-cluster-test',
      `--wsrep_cluster_address=gcomm://${members}`,
      '--wsrep_node_address=127.0.0.1',
      `--wsrep_node_name=${node.name}`,
      `--wsrep_provider_options=gmcast.listen_addr=tcp://127.0.0.1:${node.gcommPort};ist.recv_addr=127.0.0.1:${node.istPort}`,
      '--wsrep_sst_method=rsync',
      `--wsrep_sst_receive_address=127.0.0.1:${node.sstPort}`,
      // Galera requires row-based replication and interleaved auto-increment locks, and replicates InnoDB only.
      '--binlog_format=ROW',
      '--innodb_autoinc_lock_mode=2',
      '--default-storage-engine=InnoDB',
      // Causal reads: a SELECT (or BEGIN) first applies every write set the cluster committed before it, so a
      // client that got an answer from one node finds that change through any other (read-your-writes behind a
      // load balancer). Without it, a customer just created through one instance can be NOT_FOUND on another.
      '--wsrep_sync_wait=1',
      // Small enough for three nodes next to everything else on a 2-core test machine.
      '--innodb_buffer_pool_size=64M',
      '--innodb_log_file_size=16M',
      '--max_connections=200',
      ...(bootstrap ? ['--wsrep-new-cluster'] : []),
      ...(donor ? [`--wsrep_sst_donor=${donor.name}`] : []),
    ];
    node.process = this.resources.spawn('/usr/sbin/mariadbd', args);
  }

  async status(node: GaleraNode): Promise<NodeStatus> {
    const rows = await this.query(
      node,
      "SHOW GLOBAL STATUS WHERE Variable_name IN ('wsrep_cluster_size', 'wsrep_local_state_comment', 'wsrep_ready')",
    );
    const value = (name: string) => String(rows.find((r) => r.Variable_name === name)?.Value ?? '');
    return {
      clusterSize: Number(value('wsrep_cluster_size')),
      state: value('wsrep_local_state_comment'),
      ready: value('wsrep_ready') === 'ON',
    };
  }

  /** Waits until every one of `nodes` answers, is Synced and sees a cluster of `size`. */
  async waitUntil(nodes: GaleraNode[], size: number, timeoutMs = 120_000): Promise<void> {
    await until(`${nodes.map((n) => n.name).join(', ')} Synced in a cluster of ${size}`, timeoutMs, async () => {
      for (const node of nodes) {
        if (node.process && node.process.exitCode !== null) {
          throw new Error(`${node.name} exited: ${this.resources.outputOf(node.process).slice(-2000)}`);
        }
        const status = await this.status(node);
        if (status.state !== 'Synced' || status.clusterSize !== size || !status.ready) {
          throw new Error(`${node.name} is ${status.state}, cluster size ${status.clusterSize}`);
        }
      }
      return true;
    });
  }

  async kill(node: GaleraNode): Promise<void> {
    if (node.process) await this.resources.kill(node.process);
    node.process = null;
  }

  /** Restarts a killed node with its datadir: it rejoins by IST (or SST when the donor's cache lacks the gap). */
  async restart(node: GaleraNode, donor?: GaleraNode): Promise<void> {
    await this.startNode(node, false, donor);
    await this.waitUntil(this.nodes, this.nodes.length, 180_000);
  }

  async query(node: GaleraNode, sql: string, params: unknown[] = [], database?: string): Promise<RowDataPacket[]> {
    const connection = await createConnection({ host: '127.0.0.1', port: node.port, user: 'root', database, connectTimeout: 3_000 });
    try {
      const [rows] = await connection.query<RowDataPacket[]>(sql, params);
      return rows;
    } finally {
      await connection.end();
    }
  }
}
