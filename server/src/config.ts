import { redactCredentials } from './redact';

/**
 * Configuration from the environment (SPEC §5). Every value is validated at start; a bad one
 * stops the server with a ConfigError naming the variable (and never showing a URL's password).
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(redactCredentials(`Invalid configuration: ${variable} ${problem}`));
  }
}

export type DatabaseConfig =
  | { kind: 'sqlite'; path: string }
  | {
      kind: 'mysql';
      url: string;
      /** The instance's own node: the first host of the URL. */
      host: string;
      port: number;
      /** Every host of the URL, own node first; the others are where it fails over to (db/failover-pool.ts). */
      hosts: DatabaseHost[];
      user: string;
      password: string;
      database: string;
    };

export interface DatabaseHost {
  host: string;
  port: number;
}

export interface AuthConfig {
  jwtSecret?: string;
  jwtSecretIsDevelopmentDefault: boolean;
  jwksUrl?: string;
  issuer?: string;
  audience?: string;
}

export interface LimitsConfig {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
  maxTokens: number;
  maxDirectives: number;
  bodyLimitBytes: number;
  requestTimeoutMs: number;
  /** Requests per minute per caller (token subject + tenant/partner, else client IP); 0 turns it off. */
  rateLimitPerMinute: number;
  /** Requests per minute of all the callers of one tenant or partner together (SPEC §9); 0 turns it off. */
  rateLimitPerOrganisationPerMinute: number;
  /** Reverse proxies in front of the server whose X-Forwarded-For is trusted for the client IP (0 = none). */
  trustProxyHops: number;
}

export interface WebhookConfig {
  /** One attempt's limit, connection to last byte of the answer. */
  timeoutMs: number;
  /** The delay before the second attempt; each later one doubles it (with jitter), capped at 6 hours. */
  retryBaseSeconds: number;
  maxAttempts: number;
  /** Endpoints on loopback, private, link-local, multicast or metadata addresses are refused unless this is true. */
  allowPrivateNetworks: boolean;
}

/** How long before a term ends its `subscription.termEnding` notice is written (SPEC §8). */
interface RenewalsConfig {
  noticeDays: number;
}

export interface Config {
  port: number;
  host: string;
  production: boolean;
  database: DatabaseConfig;
  auth: AuthConfig;
  demoData: boolean;
  dataRetentionDays: number;
  lifecycleSweepSeconds: number;
  renewals: RenewalsConfig;
  /** Whether a platform admin may move domain time forward (SPEC §8); never in production. */
  testClockEnabled: boolean;
  introspection: boolean;
  /** graphql-jit compiles a document on this run of it (earlier runs use graphql-js); 0 never compiles. */
  compileOnRun: number;
  logLevel: string;
  limits: LimitsConfig;
  webhooks: WebhookConfig;
  /** Live subscriptions one caller may hold on this instance (SPEC §6). */
  wsMaxSubscriptionsPerCaller: number;
  /** WebSocket connections one caller may hold open on this instance (SPEC §9); the next is closed with 4429. */
  wsMaxConnectionsPerCaller: number;
  /** Browser origins allowed besides the server's own (and, outside production, any loopback origin): SPEC §9. */
  corsOrigins: string[];
  /** The bearer token `/metrics` asks for when set; in production `/metrics` is 404 without one (SPEC §9). */
  metricsToken: string | null;
  /** Where rate-limit budgets are counted: this process, or a Redis server shared by every instance (SPEC §7). */
  rateLimitStore: { kind: 'memory' } | { kind: 'redis'; url: string };
  /** Starts every key this deployment writes in a shared rate-limit store, so deployments sharing one Redis count apart. */
  rateLimitKeyPrefix: string;
  /** OTLP/HTTP collector for OpenTelemetry traces; unset: no tracing. */
  otelEndpoint?: string;
}

export const DEVELOPMENT_JWT_SECRET = 'tenantry-development-secret-do-not-use-in-production';

type Env = Record<string, string | undefined>;

function integer(env: Env, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim())) throw new ConfigError(name, `must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(name, `must be between ${min} and ${max}, got ${value}`);
  return value;
}

function boolean(env: Env, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const normalised = raw.trim().toLowerCase();
  if (['true', '1', 'yes'].includes(normalised)) return true;
  if (['false', '0', 'no'].includes(normalised)) return false;
  throw new ConfigError(name, `must be true or false, got "${raw}"`);
}

/** TEST_CLOCK: `enabled` by default outside production, `disabled` in it; `enabled` in production stops the start. */
function testClock(env: Env, production: boolean): boolean {
  const raw = (env.TEST_CLOCK ?? '').trim().toLowerCase();
  if (raw === '') return !production;
  if (raw !== 'enabled' && raw !== 'disabled')
    throw new ConfigError('TEST_CLOCK', `must be "enabled" or "disabled", got "${env.TEST_CLOCK}"`);
  if (raw === 'enabled' && production) {
    throw new ConfigError(
      'TEST_CLOCK',
      'cannot be "enabled" when NODE_ENV=production: moving domain time is for test environments; remove it or set it to "disabled"',
    );
  }
  return raw === 'enabled';
}

function optionalUrl(env: Env, name: string): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  try {
    new URL(raw);
  } catch {
    throw new ConfigError(name, `must be a URL, got "${raw}"`);
  }
  return raw;
}

/** An origin as browsers send it (`https://app.example`, default port left out), or null when `value` is none. */
export function originOf(value: string): string | null {
  try {
    const url = new URL(value);
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
    if (url.username || url.password || url.pathname !== '/' || url.search || url.hash) return null;
    // URL keeps a bare trailing slash only; anything else past the host (a path) is not an origin.
    if (!/^https?:\/\/[^/]+\/?$/i.test(value.trim())) return null;
    return url.origin;
  } catch {
    return null;
  }
}

/** METRICS_TOKEN: a secret for the scraper, at least 16 visible characters. */
function metricsToken(env: Env): string | null {
  const raw = env.METRICS_TOKEN;
  if (raw === undefined || raw === '') return null;
  if (!/^[\x21-\x7e]{16,256}$/.test(raw))
    throw new ConfigError(
      'METRICS_TOKEN',
      'must be 16 to 256 visible ASCII characters (no spaces), e.g. the output of openssl rand -hex 32',
    );
  return raw;
}

/** CORS_ORIGINS: comma-separated origins (scheme, host and port only), normalised as browsers send them. */
function corsOrigins(env: Env): string[] {
  const raw = (env.CORS_ORIGINS ?? '').trim();
  if (raw === '') return [];
  return raw.split(',').map((entry) => {
    const origin = originOf(entry.trim());
    if (origin === null)
      throw new ConfigError(
        'CORS_ORIGINS',
        `must list origins such as https://app.example or http://localhost:5173, separated by commas; "${entry.trim()}" is not one`,
      );
    return origin;
  });
}

export function parseDatabaseUrl(raw: string | undefined): DatabaseConfig {
  const value = raw === undefined || raw === '' ? 'sqlite:./data/tenantry.sqlite' : raw.trim();
  if (value.startsWith('sqlite:')) {
    const path = value.slice('sqlite:'.length);
    if (path === '') throw new ConfigError('DATABASE_URL', 'must name a file after "sqlite:", or use "sqlite::memory:"');
    return { kind: 'sqlite', path };
  }
  if (value.startsWith('mysql://') || value.startsWith('mariadb://')) return parseMysqlUrl(value);
  throw new ConfigError('DATABASE_URL', `must start with mysql:// or sqlite:, got "${value}"`);
}

/**
 * `mysql://user:pass@host:port/db`, or with several hosts, `mysql://user:pass@host1:port1,host2:port2/db`: the
 * first is the instance's own node, the others (a Galera cluster's other nodes) are failed over to in order.
 * WHATWG URL parsing accepts only one host, so the authority is split here and each host parsed alone.
 */
function parseMysqlUrl(value: string): DatabaseConfig {
  const invalid = () =>
    new ConfigError('DATABASE_URL', 'is not a valid mysql://user:pass@host:port/db URL (several hosts: host1:port1,host2:port2)');
  const match = /^(mysql|mariadb):\/\/(?:([^@/?#]*)@)?([^/?#]*)(.*)$/.exec(value);
  if (!match) throw invalid();
  // A group that did not take part in the match (no credentials) is undefined.
  const [, scheme, credentials, authority, rest] = match as unknown as [string, string, string | undefined, string, string];
  const hosts: DatabaseHost[] = [];
  let first: URL | undefined;
  for (const part of authority.split(',')) {
    if (part.trim() === '') throw new ConfigError('DATABASE_URL', 'must name a host, as in mysql://user:pass@host:3306/db');
    let url: URL;
    try {
      url = new URL(`${scheme}://${credentials === undefined ? '' : `${credentials}@`}${part.trim()}${rest}`);
    } catch {
      throw invalid();
    }
    if (!url.hostname) throw new ConfigError('DATABASE_URL', 'must name a host, as in mysql://user:pass@host:3306/db');
    hosts.push({ host: url.hostname.replace(/^\[(.*)\]$/, '$1'), port: url.port ? Number(url.port) : 3306 });
    first ??= url;
  }
  const database = decodeURIComponent(first!.pathname.replace(/^\//, ''));
  if (!database) throw new ConfigError('DATABASE_URL', 'must name a database, as in mysql://user:pass@host:3306/db');
  const duplicate = hosts.find((h, i) => hosts.findIndex((o) => o.host === h.host && o.port === h.port) !== i);
  if (duplicate) throw new ConfigError('DATABASE_URL', `names the host ${duplicate.host}:${duplicate.port} twice`);
  return {
    kind: 'mysql',
    url: value,
    host: hosts[0].host,
    port: hosts[0].port,
    hosts,
    user: decodeURIComponent(first!.username || 'root'),
    password: decodeURIComponent(first!.password),
    database,
  };
}

function rateLimitStore(env: Env): Config['rateLimitStore'] {
  const raw = (env.RATE_LIMIT_STORE ?? '').trim();
  if (raw === '' || raw === 'memory') return { kind: 'memory' };
  if (raw.startsWith('redis://') || raw.startsWith('rediss://')) {
    try {
      if (new URL(raw).hostname) return { kind: 'redis', url: raw };
    } catch {
      // reported below
    }
  }
  throw new ConfigError('RATE_LIMIT_STORE', `must be "memory" or a redis://host:port URL, got "${raw}"`);
}

function otlpEndpoint(env: Env): string | undefined {
  const url = optionalUrl(env, 'OTEL_EXPORTER_OTLP_ENDPOINT');
  if (url !== undefined && !/^https?:$/.test(new URL(url).protocol)) {
    throw new ConfigError('OTEL_EXPORTER_OTLP_ENDPOINT', `must be an http:// or https:// URL of an OTLP/HTTP collector, got "${url}"`);
  }
  return url;
}

function keyPrefix(env: Env): string {
  const raw = env.RATE_LIMIT_KEY_PREFIX;
  if (raw === undefined || raw === '') return 'tenantry';
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(raw)) {
    throw new ConfigError('RATE_LIMIT_KEY_PREFIX', `must be 1–64 letters, digits, "_", ".", ":" or "-", got "${raw}"`);
  }
  return raw;
}

export function loadConfig(env: Env = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const jwksUrl = optionalUrl(env, 'AUTH_JWKS_URL');
  const secret = env.AUTH_JWT_SECRET || undefined;
  if (production && !secret && !jwksUrl) {
    throw new ConfigError('AUTH_JWT_SECRET', 'is required when NODE_ENV=production (or set AUTH_JWKS_URL)');
  }
  if (secret !== undefined && secret.length < 32) {
    throw new ConfigError('AUTH_JWT_SECRET', 'must be at least 32 characters long');
  }
  const host = env.HOST || '127.0.0.1';
  if (!/^[\w.:-]+$/.test(host)) throw new ConfigError('HOST', `is not a host name or address: "${host}"`);
  const logLevel = env.LOG_LEVEL || (env.NODE_ENV === 'test' ? 'silent' : 'info');
  if (!['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'].includes(logLevel)) {
    throw new ConfigError('LOG_LEVEL', `must be one of fatal, error, warn, info, debug, trace, silent; got "${logLevel}"`);
  }
  return {
    port: integer(env, 'PORT', 4000, 0, 65535),
    host,
    production,
    database: parseDatabaseUrl(env.DATABASE_URL),
    auth: {
      jwtSecret: secret ?? (jwksUrl ? undefined : DEVELOPMENT_JWT_SECRET),
      jwtSecretIsDevelopmentDefault: !secret && !jwksUrl,
      jwksUrl,
      issuer: env.AUTH_ISSUER || undefined,
      audience: env.AUTH_AUDIENCE || undefined,
    },
    demoData: boolean(env, 'DEMO_DATA', !production),
    dataRetentionDays: integer(env, 'DATA_RETENTION_DAYS', 90, 1, 3650),
    lifecycleSweepSeconds: integer(env, 'LIFECYCLE_SWEEP_SECONDS', 300, 1, 86_400),
    renewals: { noticeDays: integer(env, 'RENEWAL_NOTICE_DAYS', 7, 1, 365) },
    testClockEnabled: testClock(env, production),
    introspection: boolean(env, 'GRAPHQL_INTROSPECTION', !production),
    compileOnRun: integer(env, 'GRAPHQL_COMPILE_ON_RUN', 2, 0, 1_000_000),
    logLevel,
    limits: {
      maxDepth: integer(env, 'GRAPHQL_MAX_DEPTH', 10, 1, 100),
      maxAliases: integer(env, 'GRAPHQL_MAX_ALIASES', 30, 1, 1000),
      maxCost: integer(env, 'GRAPHQL_MAX_COST', 1_000_000, 1, 100_000_000),
      maxTokens: integer(env, 'GRAPHQL_MAX_TOKENS', 2_000, 10, 1_000_000),
      maxDirectives: integer(env, 'GRAPHQL_MAX_DIRECTIVES', 20, 1, 1000),
      bodyLimitBytes: integer(env, 'HTTP_BODY_LIMIT_BYTES', 102_400, 1024, 50 * 1024 * 1024),
      requestTimeoutMs: integer(env, 'REQUEST_TIMEOUT_MS', 10_000, 100, 600_000),
      rateLimitPerMinute: integer(env, 'RATE_LIMIT_PER_MINUTE', 600, 0, 1_000_000),
      rateLimitPerOrganisationPerMinute: integer(env, 'RATE_LIMIT_PER_ORGANISATION_PER_MINUTE', 3_000, 0, 10_000_000),
      trustProxyHops: integer(env, 'TRUST_PROXY_HOPS', 0, 0, 10),
    },
    webhooks: {
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
      retryBaseSeconds: integer(env, 'WEBHOOK_RETRY_BASE_SECONDS', 60, 1, 86_400),
      maxAttempts: integer(env, 'WEBHOOK_MAX_ATTEMPTS', 21, 1, 100),
      allowPrivateNetworks: boolean(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS', !production),
    },
    wsMaxSubscriptionsPerCaller: integer(env, 'WS_MAX_SUBSCRIPTIONS_PER_CALLER', 20, 1, 10_000),
    wsMaxConnectionsPerCaller: integer(env, 'WS_MAX_CONNECTIONS_PER_CALLER', 10, 1, 10_000),
    corsOrigins: corsOrigins(env),
    metricsToken: metricsToken(env),
    rateLimitStore: rateLimitStore(env),
    rateLimitKeyPrefix: keyPrefix(env),
    otelEndpoint: otlpEndpoint(env),
  };
}
