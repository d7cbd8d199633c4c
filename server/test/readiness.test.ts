/**
 * SPEC §7, /readyz on a Galera cluster: a node takes traffic only while it is ready, Synced and in the
 * Primary component; anything else is a 503 naming the node's state. The decision is one pure function
 * (its table below); the real database here is a plain MariaDB (or SQLite), which stays ready. Engineer E's
 * cluster specs check the 503 on a real joining or cut-off node.
 */
import { galeraReadiness, type StatusRow } from '../src/http/galera-readiness';
import { startTestServer, type TestServer } from './support/harness';

const rows = (status: Record<string, string>): StatusRow[] =>
  Object.entries(status).map(([Variable_name, Value]) => ({ Variable_name, Value }));
const node = (ready: string, state: string, cluster: string) =>
  rows({ wsrep_provider_name: 'Galera', wsrep_ready: ready, wsrep_local_state_comment: state, wsrep_cluster_status: cluster });

describe('galeraReadiness', () => {
  it.each([
    ['MySQL (no wsrep variables)', [], { galera: false }],
    [
      'plain MariaDB (no provider loaded)',
      rows({ wsrep_provider_name: '', wsrep_ready: 'OFF', wsrep_cluster_status: 'Disconnected' }),
      { galera: false },
    ],
    ['a Synced node of the Primary component', node('ON', 'Synced', 'Primary'), { galera: true, ready: true }],
    ['a donor', node('ON', 'Donor/Desynced', 'Primary'), { galera: true, ready: false }],
    ['a joining node', node('OFF', 'Joining', 'Primary'), { galera: true, ready: false }],
    ['a joined node still catching up', node('ON', 'Joined', 'Primary'), { galera: true, ready: false }],
    ['a node cut off from the quorum', node('OFF', 'Initialized', 'non-Primary'), { galera: true, ready: false }],
    ['a Synced node in a non-Primary component', node('ON', 'Synced', 'non-Primary'), { galera: true, ready: false }],
    ['a node that does not accept queries', node('OFF', 'Synced', 'Primary'), { galera: true, ready: false }],
    ['a node missing its state', rows({ wsrep_provider_name: 'Galera', wsrep_ready: 'ON' }), { galera: true, ready: false }],
  ])('%s', (_case, status, verdict) => {
    expect(galeraReadiness(status)).toMatchObject(verdict);
  });

  it('names the state of a node that is not ready', () => {
    expect(galeraReadiness(node('ON', 'Donor/Desynced', 'Primary'))).toEqual({
      galera: true,
      ready: false,
      node: { wsrepReady: 'ON', state: 'Donor/Desynced', cluster: 'Primary' },
    });
  });
});

describe('/readyz on this database (not a Galera node)', () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.stop());

  it('is ready, without a token', async () => {
    const response = await fetch(new URL('/readyz', server.url));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ready', database: 'ok' });
  });
});
