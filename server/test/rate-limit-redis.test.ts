/**
 * SPEC §7, RATE_LIMIT_STORE: with `redis://…` every instance spends one budget per caller; with `memory` each
 * instance keeps its own. Redis must answer at start; when it goes away later, each instance counts in its
 * own memory with a warning in the log, and no request fails because of it.
 * Redis runs at 127.0.0.1:6379; the keys this spec writes carry a prefix of its own, removed at the end.
 */
import { randomBytes } from 'node:crypto';
import { Writable } from 'node:stream';
import Redis from 'ioredis';
import pino from 'pino';
import { Role, startTestServer, type TestServer } from './support/harness';
import { TcpProxy } from './support/tcp-proxy';
import { RateLimitStoreUnreachable } from '../src/http/rate-limit-store';
import { createApp } from '../src/app';
import { loadConfig } from '../src/config';
import { Tenant } from '../src/entities';

const REDIS = { host: '127.0.0.1', port: 6379 };
const BUDGET = 6;
const PREFIX = `tenantry-spec-${randomBytes(6).toString('hex')}`;

async function viewer(server: TestServer, token: string) {
  const response = await fetch(server.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: '{ viewer { subject } }' }),
  });
  const body = (await response.json()) as { errors?: { extensions: { code: string } }[] };
  return { status: response.status, code: body.errors?.[0]?.extensions.code ?? 'OK' };
}

/** Sends `count` requests of one caller, alternating between the servers, and returns their outcome codes. */
async function spread(servers: TestServer[], token: string, count: number): Promise<string[]> {
  const codes: string[] = [];
  for (let i = 0; i < count; i++) codes.push((await viewer(servers[i % servers.length], token)).code);
  return codes;
}

const ok = (n: number) => Array.from({ length: n }, () => 'OK');
const env = (store: string, prefix = PREFIX) => ({
  RATE_LIMIT_STORE: store,
  RATE_LIMIT_KEY_PREFIX: prefix,
  RATE_LIMIT_PER_MINUTE: String(BUDGET),
});

describe('RATE_LIMIT_STORE', () => {
  const redis = new Redis({ ...REDIS, lazyConnect: true });
  const servers: TestServer[] = [];
  const start = async (environment: Record<string, string>, logger?: pino.Logger) => {
    const server = await startTestServer({ env: environment, logger });
    servers.push(server);
    return server;
  };
  const caller = (server: TestServer) => server.token(Role.PLATFORM_ADMIN, { subject: `caller-${randomBytes(4).toString('hex')}` });
  const ourKeys = () => redis.keys(`${PREFIX}*`);

  beforeAll(() => redis.connect());
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    const keys = await ourKeys();
    if (keys.length) await redis.del(...keys);
    redis.disconnect();
  });

  it('redis://: one budget per caller across two instances, then RATE_LIMITED on both', async () => {
    const a = await start(env(`redis://${REDIS.host}:${REDIS.port}`));
    const b = await start(env(`redis://${REDIS.host}:${REDIS.port}`));
    const token = await caller(a);
    expect(await spread([a, b], token, BUDGET)).toEqual(ok(BUDGET));
    expect(await spread([a, b], token, 2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
    // Another caller has its own budget.
    expect(await spread([b, a], await caller(a), 2)).toEqual(ok(2));
    // The budgets live in Redis under the configured prefix.
    const keys = await ourKeys();
    expect(keys.every((key) => key.startsWith(`${PREFIX}:rate-limit:caller:`))).toBe(true);
    expect(keys).toHaveLength(2);
  });

  it('redis://: one budget per organisation across two instances, whatever the subjects (SPEC §9)', async () => {
    const organisationEnv = {
      ...env(`redis://${REDIS.host}:${REDIS.port}`),
      RATE_LIMIT_PER_MINUTE: '100',
      RATE_LIMIT_PER_ORGANISATION_PER_MINUTE: String(BUDGET),
    };
    const [a, b] = [await start(organisationEnv), await start(organisationEnv)];
    const tenantId = '01890000-0000-7000-8000-0000000000e1';
    for (const server of [a, b]) {
      await server.dataSource.getRepository(Tenant).insert(
        Object.assign(new Tenant(), {
          id: tenantId,
          name: 'Shared',
          domain: 'shared.example',
          countryCode: 'VN',
          billingManagedById: null,
          createdAt: new Date(),
        }),
      );
    }
    const minted = () => a.token(Role.TENANT_READER, { tenantId, subject: `minted-${randomBytes(4).toString('hex')}` });
    const codes: string[] = [];
    for (let i = 0; i < BUDGET + 2; i++) codes.push((await viewer([a, b][i % 2], await minted())).code);
    expect(codes).toEqual([...ok(BUDGET), 'RATE_LIMITED', 'RATE_LIMITED']);
    expect((await ourKeys()).filter((key) => key.startsWith(`${PREFIX}:rate-limit-org:tenant:${tenantId}`))).toHaveLength(1);
  });

  it('keeps deployments with different prefixes apart on one Redis', async () => {
    const other = await start(env(`redis://${REDIS.host}:${REDIS.port}`, `${PREFIX}-other`));
    const here = await start(env(`redis://${REDIS.host}:${REDIS.port}`));
    const hereToo = await start(env(`redis://${REDIS.host}:${REDIS.port}`));
    const token = await caller(here);
    expect(await spread([here, hereToo], token, BUDGET)).toEqual(ok(BUDGET));
    expect(await spread([hereToo], token, 1)).toEqual(['RATE_LIMITED']);
    expect(await spread([other], token, BUDGET)).toEqual(ok(BUDGET));
    expect(await spread([other], token, 1)).toEqual(['RATE_LIMITED']);
  });

  it('memory: each instance allows the whole budget', async () => {
    const a = await start(env('memory'));
    const b = await start(env('memory'));
    const token = await caller(a);
    expect(await spread([a, b], token, 2 * BUDGET)).toEqual(ok(2 * BUDGET));
    expect(await spread([a, b], token, 2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
  });

  it('closes its Redis connection when the server stops', async () => {
    const prefix = `${PREFIX}-closing`;
    const connections = async () =>
      String(await redis.client('LIST'))
        .split('\n')
        .filter((line: string) => line.includes(`name=${prefix}:rate-limit `)).length;
    const server = await startTestServer({ env: env(`redis://${REDIS.host}:${REDIS.port}`, prefix) });
    try {
      expect(await connections()).toBe(1);
    } finally {
      await server.stop();
    }
    // Redis drops a client right after answering its QUIT; allow it a moment.
    for (let i = 0; i < 20 && (await connections()) > 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(await connections()).toBe(0);
  });

  it('does not start when Redis does not answer, naming RATE_LIMIT_STORE', async () => {
    const closed = new TcpProxy(REDIS);
    await closed.listen();
    closed.cut();
    try {
      // Redis is checked before the database is opened: this in-memory one is never created.
      const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: 'sqlite::memory:', ...env(`redis://127.0.0.1:${closed.port}`) });
      const failure = await createApp({ config, logger: pino({ level: 'silent' }) }).catch((error: unknown) => error);
      expect(failure).toBeInstanceOf(RateLimitStoreUnreachable);
      expect((failure as Error).message).toContain(`redis://127.0.0.1:${closed.port}`);
    } finally {
      await closed.close();
    }
  });

  it('when Redis goes away later: counts in each instance’s memory, warns once, never fails a request', async () => {
    const proxy = new TcpProxy(REDIS);
    await proxy.listen();
    const lines: string[] = [];
    const logger = pino({ level: 'info' }, new Writable({ write: (chunk, _encoding, done) => (lines.push(String(chunk)), done()) }));
    try {
      const server = await start(env(`redis://127.0.0.1:${proxy.port}`), logger);
      const token = await caller(server);
      expect(await spread([server], token, 2)).toEqual(ok(2));
      proxy.cut();
      // The process's own count starts afresh: the whole budget, then RATE_LIMITED; never INTERNAL_SERVER_ERROR.
      expect(await spread([server], token, BUDGET)).toEqual(ok(BUDGET));
      expect(await spread([server], token, 2)).toEqual(['RATE_LIMITED', 'RATE_LIMITED']);
      const warnings = lines.filter((line) => line.includes('RATE_LIMIT_STORE'));
      expect(warnings).toHaveLength(1);
      expect(JSON.parse(warnings[0])).toMatchObject({ level: 40, msg: expect.stringMatching(/Redis is unreachable/) });

      // Redis returns: the instance reconnects by itself and counts in Redis again.
      proxy.restore();
      for (let i = 0; i < 50 && !lines.some((line) => line.includes('Redis answers again')); i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(lines.filter((line) => line.includes('Redis answers again'))).toHaveLength(1);
      const keysBefore = (await ourKeys()).length;
      expect(await spread([server], await caller(server), 1)).toEqual(ok(1));
      expect(await ourKeys()).toHaveLength(keysBefore + 1);
    } finally {
      await proxy.close();
    }
  });
});
