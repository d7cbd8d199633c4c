import { NodeSDK, type tracing as sdkTracing } from '@opentelemetry/sdk-node';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { HttpInstrumentation } from '@opentelemetry/instrumentation-http';
import { ExpressInstrumentation } from '@opentelemetry/instrumentation-express';
import { GraphQLInstrumentation } from '@opentelemetry/instrumentation-graphql';
import { MySQL2Instrumentation } from '@opentelemetry/instrumentation-mysql2';

type ReadableSpan = sdkTracing.ReadableSpan;

const SHUTDOWN_WAIT_MS = 2_000;

/**
 * OpenTelemetry traces (SPEC §7) when OTEL_EXPORTER_OTLP_ENDPOINT is set: HTTP requests, Express, GraphQL
 * and mysql2 statements, sent as OTLP/HTTP JSON to `<endpoint>/v1/traces` under the service name `tenantry`.
 * The instrumentations patch modules as they are loaded: start this before anything requires http,
 * express, graphql or mysql2 (main.ts loads the rest of the server after it).
 *
 * What a span may carry is kept to what an operator needs: statements with their values masked, no
 * request headers, no GraphQL variable values, no query-string parameters that hold documents or values,
 * no stack traces.
 */
export interface Tracing {
  /** Sends the spans still buffered (waiting at most 2 s for the collector), then stops. */
  shutdown(): Promise<void>;
}

/** Exception events carry a stack trace; the span keeps the exception's type and message. */
function withoutStackTraces(span: ReadableSpan): ReadableSpan {
  if (!span.events.some((event) => event.attributes?.['exception.stacktrace'] !== undefined)) return span;
  const events = span.events.map((event) => {
    if (!event.attributes) return event;
    const { ['exception.stacktrace']: _stack, ...attributes } = event.attributes;
    return { ...event, attributes };
  });
  return new Proxy(span, { get: (target, property) => (property === 'events' ? events : Reflect.get(target, property)) });
}

function scrubbing(exporter: sdkTracing.SpanExporter): sdkTracing.SpanExporter {
  return {
    export: (spans, done) => exporter.export(spans.map(withoutStackTraces), done),
    shutdown: () => exporter.shutdown(),
    forceFlush: () => exporter.forceFlush?.() ?? Promise.resolve(),
  };
}

export function startTracing(endpoint: string): Tracing {
  const sdk = new NodeSDK({
    serviceName: 'tenantry',
    traceExporter: scrubbing(new OTLPTraceExporter({ url: new URL('v1/traces', endpoint.endsWith('/') ? endpoint : `${endpoint}/`).href })),
    // Traces only: metrics are served at /metrics, logs go to stdout.
    metricReaders: [],
    logRecordProcessors: [],
    instrumentations: [
      new HttpInstrumentation({ redactedQueryParamsServer: ['query', 'variables', 'extensions', 'token', 'access_token'] }),
      new ExpressInstrumentation(),
      new GraphQLInstrumentation({ ignoreResolveSpans: true, allowValues: false }),
      new MySQL2Instrumentation({ maskStatement: true }),
    ],
  });
  sdk.start();
  return {
    // A collector that does not answer is retried with backoff for many seconds: stopping waits only so long.
    shutdown: () => Promise.race([sdk.shutdown(), new Promise<void>((resolve) => setTimeout(resolve, SHUTDOWN_WAIT_MS).unref())]),
  };
}
