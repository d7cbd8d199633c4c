/**
 * Issue 14: the live-updates poller is cheap. It reads `audit_events` only while this instance has a
 * subscriber, reads ids (a primary-key range) on each poll, and loads a full row once per new event, however
 * many subscribers receive it. Statements are counted at the driver boundary (TypeORM's query logger).
 */
import type { Client } from 'graphql-ws';
import { ok, startTestServer, type TestServer } from './support/harness';
import { buildWorld, type World } from './support/world';
import { StatementRecorder } from './support/statement-recorder';
import { collect, liveClient, liveSubscriptions, untilLive } from './support/live';
import { CREATE_TENANT } from './graphql/shared-definitions';
import { v7 as uuidv7 } from 'uuid';
import { AuditEvent } from '../src/entities';
import { Role as EntityRole } from '../src/entities/enums';

/** The poller's statements: ids by range, a count of a range, full rows by id. */
const POLL = /FROM [`"]?audit_events[`"]? [`"]?e[`"]? WHERE/;
const FULL_ROWS = /FROM [`"]?audit_events[`"]? [`"]?e[`"]? WHERE [`"]?e[`"]?\.[`"]?id[`"]? IN \(/;
const POLL_INTERVAL_MS = 200;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('the live-updates poller', () => {
  let server: TestServer;
  let w: World;
  const counter = new StatementRecorder();
  const clients: Client[] = [];
  const polled = (since: number) => counter.statements.slice(since).filter((s) => POLL.test(s));
  /** An `offer.created` event written straight to the table, as another instance or an import would. */
  const insertEvent = (event: { id: string; at: Date; actorSubject: string; requestId: string }) =>
    server.dataSource.getRepository(AuditEvent).insert({
      ...event,
      actorRoles: [EntityRole.PLATFORM_ADMIN],
      actorTenantId: null,
      actorPartnerId: null,
      action: 'offer.created',
      targetType: 'Offer',
      targetId: uuidv7(),
      tenantId: null,
      before: null,
      after: null,
    });

  beforeAll(async () => {
    server = await startTestServer({ database: { logger: counter } });
    w = await buildWorld(server);
  });
  afterAll(async () => {
    await Promise.all(clients.map((c) => Promise.resolve(c.dispose())));
    await server.stop();
  });

  it('reads audit_events only while someone subscribes, and each new row once for all its subscribers', async () => {
    let mark = counter.statements.length;
    await pause(3 * POLL_INTERVAL_MS);
    expect(polled(mark)).toEqual([]);

    const live = Array.from({ length: 5 }, () => {
      const client = liveClient(server.url, w.tokens.platform);
      clients.push(client);
      return collect<{ events: { targetId: string } }>(client, 'subscription { events(types: ["tenant.created"]) { targetId } }');
    });
    await untilLive(server, 5);
    await pause(3 * POLL_INTERVAL_MS);
    mark = counter.statements.length;
    await pause(1_000);
    // Nothing new: each poll reads the recent ids and counts the older ones, and loads no row.
    const idle = polled(mark);
    expect(idle.length).toBeGreaterThan(0);
    expect(idle.length).toBeLessThanOrEqual(2 * Math.ceil(1_000 / POLL_INTERVAL_MS + 1));
    expect(idle.filter((s) => FULL_ROWS.test(s))).toEqual([]);

    mark = counter.statements.length;
    const created = ok(
      await server.gql(CREATE_TENANT, { input: { name: 'Polled Coffee', domain: 'polled.example', countryCode: 'VN' } }, w.tokens.platform),
    ).createTenant.tenant.id;
    await Promise.all(live.map((s) => s.until((results) => results.some((r) => r.data?.events.targetId === created))));
    await pause(3 * POLL_INTERVAL_MS);
    expect(polled(mark).filter((s) => FULL_ROWS.test(s))).toHaveLength(1);

    await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    const deadline = Date.now() + 5_000;
    while ((await liveSubscriptions(server)) > 0 && Date.now() < deadline) await pause(20);
    await pause(2 * POLL_INTERVAL_MS);
    mark = counter.statements.length;
    await pause(3 * POLL_INTERVAL_MS);
    expect(polled(mark)).toEqual([]);
  });

  it('delivers an event that commits seconds after its id was made (a slow transaction of another instance)', async () => {
    const client = liveClient(server.url, w.tokens.platform);
    clients.push(client);
    const live = collect<{ events: { id: string; action: string } }>(client, 'subscription { events { id action } }');
    await untilLive(server, 1);
    await pause(3 * POLL_INTERVAL_MS);
    // Ids are made at insert, not at commit: this row's id is 5 seconds old when it becomes visible, older than
    // the part of the table the poller reads on every poll.
    const late = uuidv7({ msecs: Date.now() - 5_000 });
    await insertEvent({ id: late, at: new Date(Date.now() - 5_000), actorSubject: 'slow-instance', requestId: 'late-commit' });
    await live.until((results) => results.some((r) => r.data?.events.id === late), 1_000);
    await pause(3 * POLL_INTERVAL_MS);
    expect(live.results.filter((r) => r.data?.events.id === late)).toHaveLength(1);
  });

  it('reads no row whose id sorts after the present (random UUIDs loaded from elsewhere, e.g. the large seed)', async () => {
    // A v4 UUID starting with f sorts after every UUIDv7 made before the year 10889: the poller used to read
    // it (and every such row) on each poll, and delivered it as a new event.
    const foreign = 'ffffffff-ffff-4fff-bfff-ffffffffffff';
    // No subscriber left: the poller forgets what it has seen, and the next one starts afresh.
    await Promise.all(clients.splice(0).map((c) => Promise.resolve(c.dispose())));
    const deadline = Date.now() + 5_000;
    while ((await liveSubscriptions(server)) > 0 && Date.now() < deadline) await pause(20);
    await insertEvent({ id: foreign, at: new Date(), actorSubject: 'imported', requestId: 'imported-row' });
    const client = liveClient(server.url, w.tokens.platform);
    clients.push(client);
    const live = collect<{ events: { id: string; action: string } }>(client, 'subscription { events { id action } }');
    await untilLive(server, 1);
    const mark = counter.statements.length;
    await pause(3 * POLL_INTERVAL_MS);
    const created = ok(
      await server.gql(
        CREATE_TENANT,
        { input: { name: 'After Import', domain: 'after-import.example', countryCode: 'VN' } },
        w.tokens.platform,
      ),
    ).createTenant.tenant.id;
    await live.until((results) => results.some((r) => r.data?.events.action === 'tenant.created'), 2_000);
    await pause(3 * POLL_INTERVAL_MS);
    expect(live.results.map((r) => r.data?.events.id)).not.toContain(foreign);
    expect(polled(mark).filter((s) => FULL_ROWS.test(s))).toHaveLength(1);
    expect(created).toBeTruthy();
  });
});
