import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';
import { ErrorCode } from '../domain/error-codes';
import type { Metrics } from '../metrics';

const CODES = new Set<string>(Object.values(ErrorCode));
/** A request whose document never became a valid operation (unparsable, invalid, refused before it was read). */
const UNKNOWN = 'unknown';

/**
 * The `operation` labels of a request: the schema's root fields it selects (aliases and fragments seen
 * through), so the label values are bounded by the schema, whatever names a caller gives (SPEC §9).
 */
function rootFieldsOf(operation: OperationDefinitionNode | undefined, document: DocumentNode | undefined): string[] {
  if (!operation) return [UNKNOWN];
  const fields = new Set<string>();
  const seen = new Set<string>();
  const walk = (selectionSet: SelectionSetNode) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) fields.add(selection.name.value);
      else if (selection.kind === Kind.INLINE_FRAGMENT) walk(selection.selectionSet);
      else if (!seen.has(selection.name.value)) {
        seen.add(selection.name.value);
        const fragment = document?.definitions.find((d) => d.kind === Kind.FRAGMENT_DEFINITION && d.name.value === selection.name.value);
        if (fragment?.kind === Kind.FRAGMENT_DEFINITION) walk(fragment.selectionSet);
      }
    }
  };
  walk(operation.selectionSet);
  return fields.size > 0 ? [...fields].sort() : [UNKNOWN];
}

/** `OK`, or the first error's code from the closed set (anything else would be a defect: `INTERNAL_SERVER_ERROR`). */
function outcomeOf(errors: readonly { extensions?: Record<string, unknown> }[] | undefined): string {
  if (!errors?.length) return 'OK';
  const code = errors[0].extensions?.code;
  return typeof code === 'string' && CODES.has(code) ? code : ErrorCode.INTERNAL_SERVER_ERROR;
}

/**
 * Counts every GraphQL request by the root fields it selects and its outcome, and times it (SPEC §7, §9): a
 * request that selects two root fields counts once under each. Nothing a caller names (operation names,
 * aliases, the body's `operationName`) becomes a label; a request refused before its document is valid
 * (401, 429, a syntax or validation error) counts as `unknown`.
 */
export function operationMetricsPlugin(metrics: Metrics): ApolloServerPlugin {
  return {
    async contextCreationDidFail({ error }) {
      const code = error instanceof GraphQLError ? error.extensions.code : undefined;
      metrics.requests.inc({ operation: UNKNOWN, outcome: outcomeOf([{ extensions: { code } }]) });
    },
    async requestDidStart() {
      const started = performance.now();
      return {
        async willSendResponse({ operation, document, response }) {
          const errors = response.body.kind === 'single' ? response.body.singleResult.errors : response.body.initialResult.errors;
          const outcome = outcomeOf(errors);
          const seconds = (performance.now() - started) / 1000;
          for (const field of rootFieldsOf(operation, document)) {
            metrics.requests.inc({ operation: field, outcome });
            metrics.requestDuration.observe({ operation: field }, seconds);
          }
        },
      };
    },
  };
}
