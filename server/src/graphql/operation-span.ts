import type { ApolloServerPlugin } from '@apollo/server';
import { SpanStatusCode, trace } from '@opentelemetry/api';

const tracer = trace.getTracer('tenantry');
const MAX_NAME_LENGTH = 64;

/**
 * One span per GraphQL operation, `query Name` / `mutation Name`, with its outcome code, a child of the HTTP
 * request's span (SPEC §7). graphql-js's own spans miss operations that graphql-jit runs compiled, or whose
 * parsed document Apollo reuses. Without an OpenTelemetry SDK (OTEL_EXPORTER_OTLP_ENDPOINT unset) the
 * tracer is the API's no-op.
 */
export const operationSpanPlugin: ApolloServerPlugin = {
  async requestDidStart() {
    const span = tracer.startSpan('graphql.operation');
    return {
      async didResolveOperation({ operation, operationName }) {
        const name = operationName && operationName.length <= MAX_NAME_LENGTH ? operationName : undefined;
        const type = operation?.operation ?? 'query';
        span.updateName(`${type} ${name ?? 'anonymous'}`);
        span.setAttribute('graphql.operation.type', type);
        if (name) span.setAttribute('graphql.operation.name', name);
      },
      async willSendResponse({ response }) {
        const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
        const code = errors?.length ? String(errors[0].extensions?.code ?? 'INTERNAL_SERVER_ERROR') : 'OK';
        span.setAttribute('tenantry.outcome', code);
        if (code === 'INTERNAL_SERVER_ERROR') span.setStatus({ code: SpanStatusCode.ERROR });
        span.end();
      },
    };
  },
};
