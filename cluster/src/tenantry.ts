import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { type Resources, waitForOutput } from './processes';

const MAIN = resolve(__dirname, '../../server/dist/main.js');

export interface Instance {
  name: string;
  /** The GraphQL endpoint, http://127.0.0.1:<port>/graphql. */
  url: string;
  /** Where /readyz, /healthz and /metrics are. */
  origin: string;
  databaseUrl: string;
  process: ChildProcess;
}

/** Starts `node server/dist/main.js` (build it first) on a free port above 20000 and waits until it listens. */
export async function startInstance(
  resources: Resources,
  name: string,
  databaseUrl: string,
  env: Record<string, string>,
): Promise<Instance> {
  const child = resources.spawn(process.execPath, [MAIN], {
    env: {
      PATH: process.env.PATH,
      NODE_ENV: 'test',
      HOST: '127.0.0.1',
      // Linux hands out ephemeral ports from 32768: above 20000, and never one another process holds.
      PORT: '0',
      DEMO_DATA: 'false',
      LOG_LEVEL: 'info',
      DATABASE_URL: databaseUrl,
      ...env,
    },
  });
  // The JSON log line in production; outside it (scenario 5 runs the test clock), the development banner.
  const match = await waitForOutput(
    child,
    /(?:"url":"|serving GraphQL at )(http:\/\/127\.0\.0\.1:(\d+)\/graphql)/,
    120_000,
    `Tenantry ${name}`,
  );
  if (Number(match[2]) <= 20_000) throw new Error(`Tenantry ${name} listens on ${match[2]}, not above 20000`);
  return { name, url: match[1], origin: match[1].replace(/\/graphql$/, ''), databaseUrl, process: child };
}
