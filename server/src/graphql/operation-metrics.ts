import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import { ErrorCode } from '../domain/error-codes';
import type { Metrics } from '../metrics';

const CODES = new Set<string>(Object.values(ErrorCode));
/** Label values are kept few: Prometheus keeps one series per distinct value, forever. */
const MAX_NAME_LENGTH = 64;
const MAX_DISTINCT_NAMES = 200;

/** The `operation` label: the parsed operation's name, `anonymous`, or `other` past the bounds. */
class OperationLabels {
  private readonly seen = new Set<string>();

  of(name: string | null | undefined): string {
    if (!name) return 'anonymous';
    if (name.length > MAX_NAME_LENGTH) return 'other';
    if (this.seen.has(name)) return name;
    if (this.seen.size >= MAX_DISTINCT_NAMES) return 'other';
    this.seen.add(name);
    return name;
  }
}

/** `OK`, or the first error's code from the closed set (anything else would be a defect: `INTERNAL_SERVER_ERROR`). */
function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors?.length) return 'OK';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' && CODES.has(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Counts every GraphQL operation by name and outcome, and times it (SPEC §7). The name is the one the
 * parsed document gives the operation it runs, never the request's own `operationName` field or anything
 * else from the body; a request refused before its document is read (401, 429) is counted as `unknown`.
 */
export function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  const labels = new OperationLabels();
  return {
    async contextCreationDidFail({ error }) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      metrics.requests.inc({ operation: 'unknown', outcome: outcomeOf([{ extensions: { code } }]) });
    },
    async requestDidStart() {
      const stopTimer = metrics.requestDuration.startTimer();
      return {
        async willSendResponse({ operationName, response }) {
          const operation = labels.of(operationName);
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          metrics.requests.inc({ operation, outcome: outcomeOf(errors) });
          stopTimer({ operation });
        },
      };
    },
  };
}
