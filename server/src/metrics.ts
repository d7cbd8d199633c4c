import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The Prometheus series of one server instance (SPEC §7), served at /metrics. One registry per app, so
 * several apps in one process (the specs) count apart. Layers below the process only increment these;
 * the gauges that read state (pool use, live subscriptions) are given their collect function by the
 * layer that owns the state.
 */
export class Metrics {
  readonly registry = new Registry();

  readonly requests = new Counter({
    name: 'tenantry_graphql_requests_total',
    help: 'GraphQL requests answered, by root field selected (one sample per root field; unknown when the document was not valid) and outcome code (OK or the first error code).',
    labelNames: ['operation', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly requestDuration = new Histogram({
    name: 'tenantry_graphql_request_duration_seconds',
    help: 'Time from receiving a GraphQL request to its answer, by root field selected.',
    labelNames: ['operation'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  readonly dbPool = new Gauge({
    name: 'tenantry_db_pool_connections',
    help: 'Database pool connections by state (in_use, idle, waiting requests).',
    labelNames: ['state'] as const,
    registers: [this.registry],
  });

  readonly transactionRetries = new Counter({
    name: 'tenantry_transaction_retries_total',
    help: 'Units of work started again, by reason: deadlock (1213, also Galera certification failures), lock_wait_timeout (1205), lost_race (a versioned write found a newer version), node_unavailable (the database node went away or was not ready before the COMMIT, or after a COMMIT that did not commit).',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  readonly transactionsGivenUp = new Counter({
    name: 'tenantry_transaction_conflicts_total',
    help: 'Units of work that kept failing for a transient reason and answered CONFLICT.',
    registers: [this.registry],
  });

  readonly webhookDeliveries = new Counter({
    name: 'tenantry_webhook_attempts_total',
    help: 'Webhook attempts made by this instance, by result: succeeded, retrying, failed (the last attempt failed).',
    labelNames: ['result'] as const,
    registers: [this.registry],
  });

  readonly webhookDeliveriesByStatus = new Gauge({
    name: 'tenantry_webhook_deliveries',
    help: 'Webhook deliveries in the database by status (PENDING, SUCCEEDED, FAILED), counted every 15 s.',
    labelNames: ['status'] as const,
    registers: [this.registry],
  });

  readonly webhookLag = new Histogram({
    name: 'tenantry_webhook_lag_seconds',
    help: 'From the event’s commit to the start of each attempt at delivering it.',
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 300, 3600, 21600],
    registers: [this.registry],
  });

  readonly liveSubscriptions = new Gauge({
    name: 'tenantry_live_subscriptions',
    help: 'Live-update (GraphQL over WebSocket) subscriptions open on this instance.',
    registers: [this.registry],
  });

  readonly sweepRuns = new Counter({
    name: 'tenantry_lifecycle_sweep_runs_total',
    help: 'Lifecycle sweep runs on this instance, by outcome (ok, failed).',
    labelNames: ['outcome'] as const,
    registers: [this.registry],
  });

  readonly sweepDeleted = new Counter({
    name: 'tenantry_lifecycle_sweep_deleted_total',
    help: 'Subscriptions this instance moved to DELETED when their data retention ended.',
    registers: [this.registry],
  });

  constructor(options: { processMetrics?: boolean } = {}) {
    if (options.processMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'tenantry_' });
  }
}
