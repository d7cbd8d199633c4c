import 'reflect-metadata';
import http from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import express from 'express';
import type { Logger } from 'pino';
import { createLogger } from './logger';
import type { DataSource } from 'typeorm';
import type { RateLimiterAbstract } from 'rate-limiter-flexible';
import type { Config } from './config';
import { openDatabase, type DataSourceExtras } from './db/data-source';
import type { RequestContext } from './auth/request-context';
import { systemClock, type Clock } from './domain/clock';
import { organisationExists, TokenVerifier } from './auth/tokens';
import { buildTenantrySchema } from './graphql/schema';
import { createErrorFormatter } from './graphql/format-error';
import { compiledExecutionGateway } from './graphql/compiled-execution';
import { subscriptionsOverHttpPlugin } from './graphql/subscriptions-over-http';
import { corsFor, originPolicy } from './http/cors';
import { contextFactory } from './http/context';
import { healthRoutes } from './http/health';
import { requestLogging } from './http/request-logging';
import { answerOversizedHeaders, jsonErrorHandler } from './http/errors';
import { errorLoggingPlugin } from './http/error-logging';
import { refuseLongUrls, rejectBatches, requestTimeout } from './http/limits';
import { queryLimits } from './graphql/query-limits';
import { CallerRateLimiter } from './http/rate-limit';
import { openRateLimitStore } from './http/rate-limit-store';
import { isLoopbackHost } from './http/loopback';
import { explorerRoutes } from './explorer/routes';
import { sandboxLandingPage } from './explorer/sandbox-landing-page';
import { pageToken, type ExplorerTokenMinter } from './explorer/page-token';
import { createServices, type Services } from './services';
import { Metrics } from './metrics';
import { operationMetricsPlugin } from './graphql/operation-metrics';
import { operationSpanPlugin } from './graphql/operation-span';
import { metricsRoute } from './http/metrics-route';
import { collectPoolUsage } from './db/pool-usage';
import { liveUpdatesSocket } from './http/live-updates-socket';
import { WebhookDispatcher } from './services/webhook-delivery/webhook-dispatcher';
import { WebhookDeliveryCounts } from './services/webhook-delivery/webhook-delivery-counts';
import { DomainClock } from './db/domain-clock';

export interface AppOptions {
  config: Config;
  /**
   * The wall clock (tokens, webhook retry times, leases, rate limits, logs, metrics); the system clock by default,
   * a clock they move in specs. Domain time is this plus the test clock's offset from the database (SPEC §8).
   */
  clock?: Clock;
  logger?: Logger;
  database?: DataSourceExtras;
  /** This instance's Prometheus series; a fresh registry by default. */
  metrics?: Metrics;
  /** Runs after migrations, before serving: used to seed demo data. */
  onDatabaseReady?: (dataSource: DataSource, services: Services) => Promise<void>;
  /**
   * A development token pre-filled in both explorers (Apollo Sandbox and /explorer), so they work without setup.
   * Used only while the server listens on a loopback address: anyone who can reach the page would get it.
   */
  explorerToken?: ExplorerTokenMinter;
  /**
   * A shared rate-limiter-flexible store (RateLimiterRedis, RateLimiterMySQL, …) for several instances;
   * by default the store RATE_LIMIT_STORE names (this process's memory, or Redis). Ignored when RATE_LIMIT_PER_MINUTE is 0.
   */
  rateLimiter?: RateLimiterAbstract;
  /** Whether this instance makes webhook attempts (SPEC §6); true by default. Specs not about delivery turn it off. */
  dispatchWebhooks?: boolean;
  /** How often the delivery gauge of /metrics is counted again; DELIVERY_COUNTS_REFRESH_MS (15 s) by default. */
  deliveryCountsRefreshMs?: number;
}

export interface TenantryApp {
  readonly httpServer: http.Server;
  readonly dataSource: DataSource;
  readonly services: Services;
  readonly logger: Logger;
  readonly metrics: Metrics;
  /** Domain time: the wall clock plus the test clock's offset, which this instance re-reads every second. */
  readonly clock: DomainClock;
  /** Whether the explorers start with the development token (given one, and listening on loopback). */
  readonly explorerTokenPrefilled: boolean;
  /** Listens on config.port/host (0 picks a free port) and returns the URL of /graphql. */
  listen(): Promise<string>;
  /** Stops accepting, lets requests in flight finish, closes the database pool. */
  stop(): Promise<void>;
}

const GRAPHQL_PATH = '/graphql';
const FIRST_DOCUMENT = '{\n  viewer {\n    subject\n    roles\n    tenant { id name }\n    partner { id name }\n  }\n}\n';

export async function createApp(options: AppOptions): Promise<TenantryApp> {
  const { config } = options;
  const wallClock = options.clock ?? systemClock;
  const logger = options.logger ?? createLogger(config.logLevel);
  // RATE_LIMIT_STORE is checked first: a Redis that does not answer stops the start before the database is touched.
  const rateLimitStore = options.rateLimiter ? undefined : await openRateLimitStore(config, logger);
  const dataSource = await openDatabase(config.database, options.database).catch(async (error: unknown) => {
    await rateLimitStore?.close();
    throw error;
  });
  // Domain time (SPEC §8): read before anything is written, the demo data included.
  const clock = new DomainClock(dataSource, wallClock, {
    refresh: config.testClockEnabled,
    onRefreshError: (error) => logger.warn({ err: error }, 'reading the test clock failed: domain time keeps the offset read last'),
  });
  await clock.load().catch(async (error: unknown) => {
    await dataSource.destroy().catch(() => undefined);
    await rateLimitStore?.close();
    throw error;
  });
  const metrics = options.metrics ?? new Metrics();
  collectPoolUsage(dataSource, metrics);
  const services = createServices(dataSource, {
    clock,
    wallClock,
    testClockEnabled: config.testClockEnabled,
    onTestClockSweepError: (error) => logger.error({ err: error }, 'lifecycle sweep after a test clock move failed'),
    retentionDays: config.dataRetentionDays,
    renewalNoticeDays: config.renewals.noticeDays,
    metrics,
    // An event's id is made at its insert, near the end of its transaction (after the locked reads): the gap to
    // its commit is the rest of that transaction. Live updates look back a request timeout and a margin for it.
    liveEvents: {
      lookbackMs: config.limits.requestTimeoutMs + 5_000,
      onError: (error) => logger.error({ err: error }, 'live updates poll failed'),
    },
    webhooks: { production: config.production, allowPrivateNetworks: config.webhooks.allowPrivateNetworks },
  });
  await options.onDatabaseReady?.(dataSource, services);
  // Retry times and attempt leases are wall-clock time.
  const webhooks = new WebhookDispatcher(dataSource, services.transactions, services.audit, {
    clock: wallClock,
    config: config.webhooks,
    metrics,
    log: logger,
  });
  services.audit.onDeliveriesQueued = () => webhooks.wakeSoon();
  const deliveryCounts = new WebhookDeliveryCounts(dataSource, metrics, options.deliveryCountsRefreshMs);

  const app = express();
  app.disable('x-powered-by');
  // Express hashes every response body for an ETag; GraphQL answers POSTs, which no cache revalidates.
  app.set('etag', false);
  if (config.limits.trustProxyHops > 0) app.set('trust proxy', config.limits.trustProxyHops);
  const httpServer = http.createServer(app);
  // Slow clients: the whole request must arrive in time (the JSON timeout below answers first when it can).
  httpServer.requestTimeout = config.limits.requestTimeoutMs + 5_000;
  httpServer.headersTimeout = Math.min(60_000, httpServer.requestTimeout);
  httpServer.on('clientError', answerOversizedHeaders);
  let draining = false;

  app.use(requestLogging(logger));
  app.use(refuseLongUrls);
  app.use(healthRoutes(dataSource, () => draining));
  app.use(metricsRoute(metrics, { production: config.production, token: config.metricsToken }));

  // Both explorers follow one rule: on in development, off in production unless GRAPHQL_INTROSPECTION=true.
  const explorersOn = !config.production || config.introspection;
  const explorerToken = isLoopbackHost(config.host) ? options.explorerToken : undefined;
  const token = pageToken(explorerToken);
  if (explorersOn)
    app.use(explorerRoutes({ endpoint: GRAPHQL_PATH, subscriptionEndpoint: GRAPHQL_PATH, token, document: FIRST_DOCUMENT }, logger));
  // Every request, introspection included, needs a token: from a loopback Host the Sandbox gets one.
  const sandbox = explorersOn ? sandboxLandingPage(GRAPHQL_PATH, { includeCookies: false, document: FIRST_DOCUMENT }, token) : undefined;
  if (sandbox) app.use(sandbox.route);

  const limits = queryLimits(config.limits);
  const schema = await buildTenantrySchema(services);
  const apollo = new ApolloServer<RequestContext>({
    ...(config.compileOnRun > 0 ? { gateway: compiledExecutionGateway(schema, { compileOnRun: config.compileOnRun }) } : { schema }),
    introspection: config.introspection,
    includeStacktraceInErrorResponses: !config.production,
    hideSchemaDetailsFromClientErrors: config.production,
    formatError: createErrorFormatter(config.production),
    allowBatchedHttpRequests: false,
    // main.ts handles SIGTERM/SIGINT and calls stop(). Apollo's own handlers would call stop() too, and a
    // second concurrent stop() waits on a barrier Apollo never resolves: the process never exited.
    stopOnTerminationSignals: false,
    // A browser preflights any request carrying one of these headers, so a cross-site page cannot send it
    // unasked. Apollo's two, plus Authorization: clients such as urql send GET queries with a token and no
    // content type. Requests without any of them still need a non-simple content type.
    csrfPrevention: { requestHeaders: ['x-apollo-operation-name', 'apollo-require-preflight', 'authorization'] },
    validationRules: limits.validationRules,
    parseOptions: limits.parseOptions,
    logger: {
      debug: (m) => logger.debug(m),
      info: (m) => logger.info(m),
      warn: (m) => logger.warn(m),
      error: (m) => logger.error(m),
    },
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      operationMetricsPlugin(metrics),
      operationSpanPlugin,
      // No cache hints are used; the default cache-control plugin wraps every field resolver (issue 6 profile).
      ApolloServerPluginCacheControlDisabled(),
      errorLoggingPlugin(logger),
      subscriptionsOverHttpPlugin,
      limits.plugin,
      ApolloServerPluginLandingPageDisabled(),
      ...(sandbox ? [sandbox.plugin] : []),
    ],
  });
  await apollo.start();

  const rateLimiter = new CallerRateLimiter(
    { perCaller: config.limits.rateLimitPerMinute, perOrganisation: config.limits.rateLimitPerOrganisationPerMinute },
    { ...rateLimitStore?.stores, ...(options.rateLimiter ? { caller: options.rateLimiter } : {}) },
  );
  const verifier = new TokenVerifier(config.auth, organisationExists(dataSource));
  const origins = originPolicy({ origins: config.corsOrigins, production: config.production });
  const liveUpdates = liveUpdatesSocket({
    httpServer,
    origins,
    path: GRAPHQL_PATH,
    schema,
    limits,
    verifier,
    dataSource,
    clock,
    maxSubscriptionsPerCaller: config.wsMaxSubscriptionsPerCaller,
    maxConnectionsPerCaller: config.wsMaxConnectionsPerCaller,
    rateLimiter,
    maxPayloadBytes: config.limits.bodyLimitBytes,
    metrics,
    production: config.production,
    formatError: createErrorFormatter(config.production),
    logger,
  });
  app.use(
    GRAPHQL_PATH,
    corsFor(origins),
    requestTimeout(config.limits.requestTimeoutMs),
    express.json({ limit: config.limits.bodyLimitBytes }),
    rejectBatches,
    expressMiddleware(apollo, { context: contextFactory(verifier, dataSource, clock, rateLimiter) }),
    jsonErrorHandler(logger),
  );
  app.get('/', (_req, res) => res.redirect(GRAPHQL_PATH));
  app.use(jsonErrorHandler(logger));

  let sweepTimer: NodeJS.Timeout | undefined;
  // LifecycleService runs one sweep at a time; a tick while one is in progress is skipped (its result is logged once).
  const sweep = () =>
    !services.lifecycle.sweeping &&
    services.lifecycle.sweep().then(
      (result) => result.deleted + result.renewed + result.expired + result.noticed > 0 && logger.info(result, 'lifecycle sweep'),
      (error) => logger.error({ err: error }, 'lifecycle sweep failed'),
    );

  return {
    httpServer,
    dataSource,
    services,
    logger,
    metrics,
    clock,
    explorerTokenPrefilled: explorersOn && explorerToken !== undefined,
    listen: () =>
      new Promise((resolve, reject) => {
        httpServer.once('error', reject);
        httpServer.listen(config.port, config.host, () => {
          const address = httpServer.address() as { port: number };
          sweepTimer = setInterval(() => void sweep(), config.lifecycleSweepSeconds * 1000);
          sweepTimer.unref();
          void sweep();
          clock.start();
          if (options.dispatchWebhooks ?? true) webhooks.start();
          deliveryCounts.start();
          const host = config.host.includes(':') ? `[${config.host}]` : config.host;
          resolve(`http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${address.port}/graphql`);
        });
      }),
    stop: async () => {
      draining = true;
      if (sweepTimer) clearInterval(sweepTimer);
      clock.stop();
      await liveUpdates.dispose();
      await services.liveEvents.stop();
      await Promise.all([apollo.stop(), webhooks.stop(), deliveryCounts.stop()]);
      await rateLimitStore?.close();
      if (dataSource.isInitialized) await dataSource.destroy();
    },
  };
}
