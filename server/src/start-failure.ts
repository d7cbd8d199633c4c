import type { Config } from './config';
import { redactCredentials } from './redact';
import { RateLimitStoreUnreachable } from './http/rate-limit-store';

/** How far the start got: each step fails for its own reasons, and names what to fix. */
export type StartStep = 'database' | 'demo data' | 'schema' | 'listen';

function detail(error: unknown): string {
  const e = error as { code?: string; message?: string; errors?: { message?: string }[] };
  // A refused connection to a host with several addresses is an AggregateError with an empty message.
  const message = e.message || e.errors?.map((inner) => inner.message).join('; ') || String(error);
  return redactCredentials(`${e.code ? `${e.code}: ` : ''}${message}`);
}

/** One line saying what failed at start, naming the variable to fix when a configuration caused it. */
export function describeStartFailure(error: unknown, step: StartStep, config: Config): string {
  if (error instanceof RateLimitStoreUnreachable) return `RATE_LIMIT_STORE: ${error.message}`;
  switch (step) {
    case 'database':
      return `DATABASE_URL: cannot open or migrate the ${config.database.kind} database (${detail(error)})`;
    case 'demo data':
      return `DEMO_DATA: seeding the demo data failed (${detail(error)}); DEMO_DATA=false starts without it`;
    case 'schema':
      return `building the GraphQL API failed (${detail(error)}): a defect in Tenantry, not in your configuration`;
    case 'listen':
      return `PORT/HOST: cannot listen on ${config.host}:${config.port} (${detail(error)})`;
  }
}
