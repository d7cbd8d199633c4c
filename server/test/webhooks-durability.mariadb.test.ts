/**
 * Issue 14, SPEC §6 "Durable and shared" and §7 claimed work: webhook deliveries live in the database, so a
 * server killed mid-attempt loses none (its claims are taken over when their leases expire), and two
 * instances over one database never make the same attempt twice. Built server processes (server/dist) over
 * one MariaDB database; a local receiver on port 0 counts what arrives.
 * MariaDB only: SQLite is one process's embedded file (this file is not part of the sqlite project).
 */
import mysql from 'mysql2/promise';
import { signDevelopmentToken } from '../src/auth/tokens';
import { DEVELOPMENT_JWT_SECRET } from '../src/config';
import { Role } from '../src/entities/enums';
import type { GraphQLResponse, TypedDocument } from './support/harness';
import { createTestDatabase, type TestDatabase } from './support/database';
import { startServerProcess, type ServerProcess } from './support/server-process';
import { eventually, WebhookReceiver } from './support/webhook-receiver';
import { CREATE_TENANT } from './graphql/shared-definitions';
import { graphql } from './graphql/generated';
import { DELETE_WEBHOOK_ENDPOINT } from './graphql/webhook-definitions';
import { uniqueDomain } from './support/world';
import { ifSetUp } from './support/set-up';

const DURABILITY_CREATE_ENDPOINT = graphql(`
  mutation DurabilityCreateEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { webhookEndpoint { id } }
  }
`);

const FAST = { WEBHOOK_RETRY_BASE_SECONDS: '1', WEBHOOK_TIMEOUT_MS: '1000' };

async function send<TResult, TVariables>(
  url: string,
  document: TypedDocument<TResult, TVariables>,
  variables: TVariables,
): Promise<TResult> {
  const token = await signDevelopmentToken(DEVELOPMENT_JWT_SECRET, { roles: [Role.PLATFORM_ADMIN] });
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: String(document), variables }),
  });
  const body = (await response.json()) as GraphQLResponse<TResult>;
  if (body.errors?.length) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

describe('webhook deliveries survive the server and are shared by instances (MariaDB)', () => {
  let database: TestDatabase;
  let sql: mysql.Connection;
  const processes: ServerProcess[] = [];
  const start = async () => {
    const started = await startServerProcess(database.url, FAST);
    processes.push(started);
    return started;
  };
  beforeAll(async () => {
    database = await createTestDatabase();
    await start(); // creates the schema before anything else runs on the database
    sql = await mysql.createConnection({ uri: database.url });
  });
  afterAll(async () => {
    await Promise.all(processes.map((p) => p.kill('SIGKILL')));
    await ifSetUp(sql)?.end();
    await ifSetUp(database)?.drop();
  });

  // Each spec's endpoint is deleted after it, so that the next spec's events go to its own receiver only.
  const endpoints: string[] = [];
  afterEach(async () => {
    const url = processes.find((p) => p.child.exitCode === null && p.child.signalCode === null)?.url;
    for (const id of endpoints.splice(0)) if (url) await send(url, DELETE_WEBHOOK_ENDPOINT, { input: { id } });
  });

  /** An endpoint of the platform for tenant.created, then `count` tenants: that many events for it. */
  async function eventsFor(url: string, receiver: WebhookReceiver, count: number): Promise<{ endpointId: string; eventIds: string[] }> {
    const endpoint = (await send(url, DURABILITY_CREATE_ENDPOINT, { input: { url: receiver.url, eventTypes: ['tenant.created'] } }))
      .createWebhookEndpoint.webhookEndpoint;
    endpoints.push(endpoint.id);
    const tenantIds: string[] = [];
    for (let i = 0; i < count; i++) {
      tenantIds.push(
        (await send(url, CREATE_TENANT, { input: { name: `Durable ${i}`, domain: uniqueDomain('durable'), countryCode: 'VN' } }))
          .createTenant.tenant.id,
      );
    }
    const [rows] = await sql.query(
      `SELECT e.id FROM audit_events e JOIN webhook_deliveries d ON d.eventId = e.id WHERE d.endpointId = ? AND e.targetId IN (?)`,
      [endpoint.id, tenantIds],
    );
    const eventIds = (rows as { id: string }[]).map((r) => r.id);
    expect(eventIds).toHaveLength(count);
    return { endpointId: endpoint.id, eventIds };
  }

  /** Whether every delivery to these endpoints is recorded SUCCEEDED (a 200 arrives before its outcome is written). */
  const allSucceeded = async (...endpointIds: string[]) => {
    const [rows] = await sql.query(`SELECT COUNT(*) AS n FROM webhook_deliveries WHERE endpointId IN (?) AND status <> 'SUCCEEDED'`, [
      endpointIds,
    ]);
    return Number((rows as { n: number }[])[0].n) === 0;
  };

  it('resumes the pending deliveries of a server killed with attempts in flight: every event arrives', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const [first] = processes;
      receiver.answer = () => 'hang'; // slow: the attempts are in flight, their leases held, when the server dies
      const { endpointId, eventIds } = await eventsFor(first.url, receiver, 12);
      await eventually('attempts in flight', () => receiver.received.length >= 4);
      await first.kill('SIGKILL');

      receiver.answer = () => ({ status: 200 });
      await start();
      await eventually('every event delivered after the restart', () => eventIds.every((id) => receiver.delivered().has(id)), 60_000);
      await eventually('every delivery recorded SUCCEEDED', () => allSucceeded(endpointId));
      // The attempts cut short by the kill were made again under new attempt numbers (each claim counts one).
      const cutShort = receiver.received.filter((r) => r.answered === undefined);
      expect(cutShort.length).toBeGreaterThanOrEqual(4);
      for (const request of cutShort) {
        expect(
          receiver.received.some((r) => r.deliveryId === request.deliveryId && r.attempt > request.attempt && r.answered === 200),
        ).toBe(true);
      }
    } finally {
      await receiver.close();
    }
  });

  it('lets the attempts in flight finish and records them when a server is stopped with SIGTERM', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const server = processes.find((p) => p.child.exitCode === null && p.child.signalCode === null) ?? (await start());
      receiver.answer = () => ({ status: 200, afterMs: 600 }); // within the 1000 ms timeout
      const { endpointId } = await eventsFor(server.url, receiver, 6);
      await eventually('attempts in flight', () => receiver.inFlight > 0);
      await server.kill('SIGTERM');
      expect(server.child.exitCode).toBe(0);
      const answered = receiver.received.filter((r) => r.answered === 200);
      expect(answered.length).toBe(receiver.received.length); // none cut off by the stop
      const [rows] = await sql.query(`SELECT id, status, leaseOwner FROM webhook_deliveries WHERE endpointId = ? AND id IN (?)`, [
        endpointId,
        answered.map((r) => r.deliveryId),
      ]);
      expect((rows as { status: string; leaseOwner: string | null }[]).map((r) => [r.status, r.leaseOwner])).toEqual(
        answered.map(() => ['SUCCEEDED', null]),
      );
      // The rest is left PENDING for the next instance, and delivered by it.
      await start();
      await eventually('the rest delivered after the restart', () => allSucceeded(endpointId), 30_000);
      const pairs = receiver.received.map((r) => `${r.deliveryId}#${r.attempt}`);
      expect(new Set(receiver.received.map((r) => r.deliveryId)).size).toBe(6);
      expect(new Set(pairs).size).toBe(pairs.length);
    } finally {
      await receiver.close();
    }
  });

  it('with two instances on one database, makes each attempt once and delivers every event', async () => {
    const receiver = await WebhookReceiver.start();
    try {
      const running = processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null);
      const one = running[0] ?? (await start());
      const two = running[1] ?? (await start());
      // Every third request fails, so attempts are also retried (and claimed again) across the two instances.
      let seen = 0;
      receiver.answer = () => (++seen % 3 === 0 ? { status: 500 } : { status: 200 });
      const [viaOne, viaTwo] = [await eventsFor(one.url, receiver, 30), await eventsFor(two.url, receiver, 30)];
      const events = [...viaOne.eventIds, ...viaTwo.eventIds];
      await eventually('every event delivered', () => events.every((id) => receiver.delivered().has(id)), 60_000);
      await eventually('every delivery recorded SUCCEEDED', () => allSucceeded(viaOne.endpointId, viaTwo.endpointId));
      const pairs = receiver.received.map((r) => `${r.deliveryId}#${r.attempt}`);
      expect(pairs.length).toBeGreaterThan(60); // some were retried
      expect(new Set(pairs).size).toBe(pairs.length);
      // Both instances made attempts (each logs its failed ones), and neither logged a secret or a body.
      for (const instance of [one, two]) {
        expect(instance.output()).toContain('webhook attempt failed');
        expect(instance.output()).not.toMatch(/whsec_|"data":/);
      }
    } finally {
      await receiver.close();
    }
  });
});
