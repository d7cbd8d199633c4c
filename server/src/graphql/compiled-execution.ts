import {
  execute,
  getVariableValues,
  GraphQLError,
  printSchema,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { compileQuery, isCompiledQuery, type CompiledQuery } from 'graphql-jit';
import type { ApolloServerOptionsWithGateway, BaseContext } from '@apollo/server';

type Gateway = ApolloServerOptionsWithGateway<BaseContext>['gateway'];
type SchemaListener = Parameters<Gateway['onSchemaLoadOrUpdate']>[0];
type Executor = Awaited<ReturnType<Gateway['load']>>['executor'];

interface DocumentEntry {
  runs: number;
  /** The compiled operation; `null` when graphql-jit could not compile it (graphql-js runs it instead). */
  compiled?: CompiledQuery | null;
}

/**
 * graphql-jit's errors imitate graphql-js's but leave `extensions` undefined when the thrown error had none,
 * and Apollo's error formatting reads `extensions.code` (it answered "Internal server error" without our
 * formatter). Errors are rare: rebuild each as a graphql-js error with the same message, path and locations.
 */
function asGraphQLJsError(error: GraphQLError): GraphQLError {
  const rebuilt = new GraphQLError(error.message, { path: error.path, originalError: error.originalError ?? undefined });
  return Object.assign(rebuilt, { locations: error.locations });
}

export interface CompiledExecutionOptions {
  /** A document is compiled on this run and used from then on; earlier runs use graphql-js. */
  compileOnRun: number;
}

/**
 * Runs operations with graphql-jit instead of graphql-js (issue 6). graphql-js resolves every field through
 * generic code that allocates per field (argument objects, paths, promise bookkeeping); a customer-list
 * page resolves thousands of fields, and that work plus its garbage was half of the server’s CPU. graphql-jit turns
 * each document into a JavaScript function once, which then runs the same resolvers without the overhead.
 *
 * Apollo Server takes a custom executor only through its gateway interface, so this is a "gateway" that
 * serves one fixed schema. Parsing, validation (graphql-armor limits included), plugins and error
 * formatting stay Apollo's.
 *
 * Two things keep behaviour identical to graphql-js:
 * - a document is compiled only once it repeats (`compileOnRun`): one-off documents (Sandbox, introspection)
 *   never pay for compilation, and a caller cannot make the server compile without end;
 * - variables are coerced by graphql-js first, so refusals of mistyped variables carry graphql-js's
 *   messages and nodes (Apollo turns those into BAD_USER_INPUT with status 400).
 */
export function compiledExecutionGateway(schema: GraphQLSchema, options: CompiledExecutionOptions): Gateway {
  const documents = new WeakMap<DocumentNode, Map<string, DocumentEntry>>();
  const listeners = new Set<SchemaListener>();

  const entryFor = (document: DocumentNode, operationName: string): DocumentEntry => {
    let byOperation = documents.get(document);
    if (!byOperation) documents.set(document, (byOperation = new Map()));
    let entry = byOperation.get(operationName);
    if (!entry) byOperation.set(operationName, (entry = { runs: 0 }));
    return entry;
  };

  const compiledFor = (document: DocumentNode, operationName: string | undefined): CompiledQuery | null => {
    const entry = entryFor(document, operationName ?? '');
    if (entry.compiled !== undefined) return entry.compiled;
    entry.runs += 1;
    if (entry.runs < options.compileOnRun) return null;
    try {
      const compiled = compileQuery(schema, document, operationName, { disablingCapturingStackErrors: true });
      entry.compiled = isCompiledQuery(compiled) ? compiled : null;
    } catch {
      entry.compiled = null; // a document graphql-jit cannot handle still runs, on graphql-js
    }
    return entry.compiled;
  };

  const executor: Executor = async (request) => {
    const { document, operation, context } = request;
    const operationName = request.request.operationName ?? undefined;
    const variables = request.request.variables ?? {};
    const compiled = compiledFor(document, operationName);
    if (!compiled) {
      return (await execute({ schema, document, contextValue: context, variableValues: variables, operationName })) as ExecutionResult;
    }
    if (operation.variableDefinitions?.length) {
      const coerced = getVariableValues(schema, operation.variableDefinitions, variables, { maxErrors: 50 });
      if (coerced.errors) return { errors: coerced.errors };
    }
    const result = (await compiled.query(undefined, context, variables)) as ExecutionResult;
    return result.errors ? { ...result, errors: result.errors.map(asGraphQLJsError) } : result;
  };

  return {
    async load() {
      const schemaContext = { apiSchema: schema, coreSupergraphSdl: printSchema(schema) };
      for (const listener of listeners) listener(schemaContext);
      return { executor };
    },
    onSchemaLoadOrUpdate(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async stop() {},
  };
}
