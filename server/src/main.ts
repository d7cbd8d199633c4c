import 'reflect-metadata';
import { setFlagsFromString } from 'node:v8';
import { ConfigError, loadConfig, type Config } from './config';
import { createApp } from './app';
import { signDevelopmentToken } from './auth/tokens';
import { Role } from './entities/enums';
import { seedDemoData, type DemoIds } from './seed/demo-data';

// Under load, request data that outlives a young-generation GC is promoted, and V8's default lets the old
// generation grow to ~4× its live size before collecting it. Growing it 2× keeps RSS ~90 MB lower under the
// customer-list load at the same throughput (issue 6). An explicit --heap-growing-percent wins.
if (!process.execArgv.some((flag) => flag.startsWith('--heap-growing-percent'))) setFlagsFromString('--heap-growing-percent=100');

function describeDemo(url: string, ids: DemoIds | null, tokenPrefilled: boolean): string {
  const lines = [
    `Tenantry is serving GraphQL at ${url} (Apollo Sandbox: open it in a browser).`,
    `Offline explorer (GraphiQL, no internet needed): ${url.replace(/\/graphql$/, '/explorer')}`,
    tokenPrefilled
      ? 'Both explorers start with a PLATFORM_ADMIN development token in their headers.'
      : 'No token is pre-filled in the explorers (HOST is not a loopback address, or AUTH_JWT_SECRET is set): paste one in their headers.',
    'Get a development token:  npm run token -- --role PLATFORM_ADMIN',
    '                          npm run token -- --role PARTNER_ADMIN_AGENT --partner 4100001',
  ];
  if (ids) {
    lines.push(
      `Demo data: partners Fabrikam ${ids.partners.fabrikam} (reseller), Northwind ${ids.partners.northwind} (advisor), Tailspin ${ids.partners.tailspin} (both)`,
      `           tenants Contoso ${ids.tenants.contoso} (direct), Adatum ${ids.tenants.adatum} (created by Fabrikam),`,
      `                   Litware ${ids.tenants.litware} (Fabrikam's customer), Wingtip ${ids.tenants.wingtip} (no partners)`,
      `           npm run token -- --role TENANT_GLOBAL_ADMIN --tenant ${ids.tenants.contoso}`,
    );
  }
  return lines.join('\n');
}

async function main(config: Config) {
  let demo: DemoIds | null = null;
  const explorerToken = config.auth.jwtSecretIsDevelopmentDefault
    ? await signDevelopmentToken(config.auth.jwtSecret!, { roles: [Role.PLATFORM_ADMIN], subject: 'explorer' })
    : undefined;
  const app = await createApp({
    config,
    explorerToken,
    onDatabaseReady: async (dataSource) => {
      if (config.demoData) demo = await seedDemoData(dataSource, new Date(), config.dataRetentionDays);
    },
  });
  if (config.auth.jwtSecretIsDevelopmentDefault) {
    app.logger.warn('AUTH_JWT_SECRET is not set: using the development secret. Never do this in production.');
  }
  const url = await app.listen();
  app.logger.info({ url }, 'listening');
  if (!config.production) process.stdout.write(`\n${describeDemo(url, demo, app.explorerTokenPrefilled)}\n\n`);

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    app.logger.info({ signal }, 'stopping: finishing requests in flight');
    app.stop().then(
      () => process.exit(0),
      (error) => {
        app.logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

let config: Config;
try {
  config = loadConfig();
} catch (error) {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
/** One line naming the variable to fix, for the failures a configuration causes. */
function describeStartFailure(error: unknown): string {
  const e = error as { code?: string; message?: string };
  const detail = `${e.code ? `${e.code}: ` : ''}${e.message ?? String(error)}`;
  if (e.code === 'EADDRINUSE' || e.code === 'EACCES') return `PORT/HOST: cannot listen on ${config.host}:${config.port} (${detail})`;
  return `DATABASE_URL: cannot open the ${config.database.kind} database (${detail})`;
}

main(config).catch((error: unknown) => {
  process.stderr.write(`Tenantry could not start: ${describeStartFailure(error)}\n`);
  process.exit(1);
});
