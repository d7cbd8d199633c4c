import 'reflect-metadata';
import type { Config } from './config';
import { createApp } from './app';
import { developmentExplorerTokens } from './explorer/page-token';
import { seedDemoData, type DemoIds } from './seed/demo-data';
import { createLogger } from './logger';
import { describeStartFailure, type StartStep } from './start-failure';

export interface ServeOptions {
  /** Runs after the app has stopped on SIGTERM/SIGINT, before the process exits (flushes traces). */
  afterStop?: () => Promise<void> | undefined;
}

function describeDemo(url: string, ids: DemoIds | null, tokenPrefilled: boolean): string {
  const lines = [
    `Tenantry is serving GraphQL at ${url} (Apollo Sandbox: open it in a browser).`,
    `Offline explorer (GraphiQL, no internet needed): ${url.replace(/\/graphql$/, '/explorer')}`,
    tokenPrefilled
      ? 'Both explorers start with a PLATFORM_ADMIN development token in their headers.'
      : 'No token is pre-filled in the explorers (HOST is not a loopback address, or AUTH_JWT_SECRET is set): paste one in their headers.',
    'Get a development token:  export TOKEN=$(npm run -s token -- --role PLATFORM_ADMIN)',
    '                          export TOKEN=$(npm run -s token -- --role PARTNER_ADMIN_AGENT --partner 4100001)',
  ];
  if (ids) {
    lines.push(
      `Demo data: partners Fabrikam ${ids.partners.fabrikam} (reseller), Northwind ${ids.partners.northwind} (advisor), Tailspin ${ids.partners.tailspin} (both)`,
      `           tenants Contoso ${ids.tenants.contoso} (direct), Adatum ${ids.tenants.adatum} (created by Fabrikam),`,
      `                   Litware ${ids.tenants.litware} (Fabrikam's customer), Wingtip ${ids.tenants.wingtip} (no partners)`,
      `           export TOKEN=$(npm run -s token -- --role TENANT_GLOBAL_ADMIN --tenant ${ids.tenants.contoso})`,
    );
  }
  lines.push(
    `Then:      curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" -d '{"query":"{ viewer { roles } }"}'`,
  );
  return lines.join('\n');
}

let step: StartStep = 'database';

async function main(config: Config, options: ServeOptions) {
  let demo: DemoIds | null = null;
  const explorerToken = config.auth.jwtSecretIsDevelopmentDefault ? developmentExplorerTokens(config.auth.jwtSecret!) : undefined;
  const logger = createLogger(config.logLevel);
  const app = await createApp({
    config,
    logger,
    explorerToken,
    database: { onDatabaseCreated: (name) => logger.info({ database: name }, 'created the MySQL database (utf8mb4)') },
    onDatabaseReady: async (dataSource, services) => {
      step = 'demo data';
      // Seeded as of domain time (SPEC §8), like every change.
      if (config.demoData) demo = await seedDemoData(dataSource, services.testClock.state().now, config.dataRetentionDays);
      step = 'schema';
    },
  });
  if (config.auth.jwtSecretIsDevelopmentDefault) {
    app.logger.warn('AUTH_JWT_SECRET is not set: using the development secret. Never do this in production.');
  }
  step = 'listen';
  const url = await app.listen();
  app.logger.info({ url }, 'listening');
  if (!config.production) process.stdout.write(`\n${describeDemo(url, demo, app.explorerTokenPrefilled)}\n\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'stopping: finishing requests in flight');
    app.stop().then(
      async () => {
        // Spans that cannot be sent (collector away) are dropped: the process stops anyway.
        await Promise.resolve(options.afterStop?.()).catch(() => undefined);
        process.exit(0);
      },
      (error) => {
        app.logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

/** Starts the server of a valid configuration: database, demo data, listening, and the signals that stop it. */
export function serve(config: Config, options: ServeOptions = {}): void {
  main(config, options).catch((error: unknown) => {
    process.stderr.write(`Tenantry could not start: ${describeStartFailure(error, step, config)}\n`);
    process.exit(1);
  });
}
