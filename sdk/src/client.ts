import { TenantryError, TenantryNetworkError } from './errors.js';
import { operations, type OperationMethod, type TenantryOperations } from './generated/operations.js';
import type { DocumentTypeDecoration } from './generated/graphql.js';
import type { ClientOptions, FetchFunction, GraphQLResponseBody, RequestOptions } from './types.js';

/** A document typed with its result and variables: every `…Document` the SDK exports, or one of your own. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** The result type of a typed document, e.g. `ResultOf<typeof CustomersDocument>`. */
export type ResultOf<T> = T extends DocumentTypeDecoration<infer R, any> ? R : never;
/** The variables type of a typed document, e.g. `VariablesOf<typeof CustomersDocument>`. */
export type VariablesOf<T> = T extends DocumentTypeDecoration<any, infer V> ? V : never;

/** A Tenantry API client: one typed method per operation, plus `request` for documents of your own. */
export interface TenantryClient extends TenantryOperations {
  /**
   * Runs any typed document (for example one generated from your own operations against the
   * Tenantry schema) and resolves to its `data`. Errors are thrown as for the named methods.
   */
  request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables> | string,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TResult>;
}

const BODY_PREVIEW = 2_000;

/**
 * Creates a client for the Tenantry GraphQL API.
 *
 * ```ts
 * const client = createClient({ url: 'https://tenantry.example.com/graphql', getToken: () => auth.accessToken() });
 * const { customers } = await client.customers({ first: 50 });
 * ```
 *
 * The client never retries: a failed request rejects at once, so a mutation is sent exactly once
 * per call. Retry a mutation yourself only with an `idempotencyKey` in its input.
 */
export function createClient(options: ClientOptions): TenantryClient {
  if (!options || (typeof options.url !== 'string' && !(options.url instanceof URL))) {
    throw new TypeError('createClient: `url` is required, e.g. "https://tenantry.example.com/graphql".');
  }
  const url = String(options.url);
  const fetchImpl: FetchFunction | undefined =
    options.fetch ?? (typeof globalThis.fetch === 'function' ? (globalThis.fetch.bind(globalThis) as FetchFunction) : undefined);
  if (!fetchImpl) {
    throw new TypeError('createClient: no global fetch here (Node 20+ and browsers have one); pass `fetch`.');
  }
  const tokenOf = async (): Promise<string | null | undefined> =>
    typeof options.getToken === 'function' ? options.getToken() : options.token;

  async function execute<TResult>(
    document: { toString(): string },
    variables: unknown,
    requestOptions: RequestOptions | undefined,
    operationName: string | undefined,
  ): Promise<TResult> {
    const { signal, dispose } = combineSignals(options.signal, requestOptions?.signal);
    try {
      return await send<TResult>(document, variables, requestOptions, operationName, signal);
    } finally {
      dispose();
    }
  }

  async function send<TResult>(
    document: { toString(): string },
    variables: unknown,
    requestOptions: RequestOptions | undefined,
    operationName: string | undefined,
    signal: AbortSignal | undefined,
  ): Promise<TResult> {
    const networkError = (message: string, init: ConstructorParameters<typeof TenantryNetworkError>[1]) =>
      new TenantryNetworkError(`${operationName ? `${operationName}: ` : ''}${message}`, { operationName, ...init });
    const abortedBeforeSending = () =>
      networkError('the request was aborted before it was sent.', { reason: 'aborted', cause: signal?.reason });
    if (signal?.aborted) throw abortedBeforeSending();

    const token = await tokenOf();
    if (signal?.aborted) throw abortedBeforeSending();
    const headers: Record<string, string> = {
      accept: 'application/graphql-response+json, application/json;q=0.9',
      ...lowerCaseKeys(options.headers),
      ...lowerCaseKeys(requestOptions?.headers),
      'content-type': 'application/json',
    };
    if (token) headers.authorization = `Bearer ${token}`;
    const body = JSON.stringify({
      query: document.toString(),
      ...(operationName ? { operationName } : {}),
      variables: variables ?? {},
    });

    let response: Awaited<ReturnType<FetchFunction>>;
    let text: string;
    try {
      response = await fetchImpl!(url, { method: 'POST', headers, body, ...(signal ? { signal } : {}) });
      text = await response.text();
    } catch (cause) {
      if (signal?.aborted) throw networkError('the request was aborted.', { reason: 'aborted', cause: signal.reason ?? cause });
      const detail = cause instanceof Error ? cause.message : String(cause);
      throw networkError(`could not reach the Tenantry API at ${url} (${detail}).`, { reason: 'fetch-failed', cause });
    }

    const parsed = parseGraphQLBody(text);
    if (parsed?.errors?.length) {
      throw new TenantryError({
        response: parsed,
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        operationName,
      });
    }
    if (!response.ok) {
      throw networkError(`the server answered HTTP ${response.status}${response.statusText ? ` ${response.statusText}` : ''}, not a GraphQL response.`, {
        reason: 'http-error',
        status: response.status,
        body: text.slice(0, BODY_PREVIEW),
      });
    }
    if (!parsed || parsed.data == null) {
      throw networkError('the server answered with something that is not a GraphQL response.', {
        reason: 'invalid-response',
        status: response.status,
        body: text.slice(0, BODY_PREVIEW),
      });
    }
    return parsed.data as TResult;
  }

  const client: Record<string, unknown> = {
    request: (document: { toString(): string }, variables?: unknown, requestOptions?: RequestOptions) =>
      execute(document, variables, requestOptions, undefined),
  };
  for (const method of Object.keys(operations) as OperationMethod[]) {
    const operation = operations[method];
    client[method] = (variables?: unknown, requestOptions?: RequestOptions) =>
      execute(operation.document, variables, requestOptions, operation.operationName);
  }
  return Object.freeze(client) as unknown as TenantryClient;
}

function lowerCaseKeys(headers: Record<string, string> | undefined): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) result[name.toLowerCase()] = value;
  return result;
}

function parseGraphQLBody(text: string): GraphQLResponseBody | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return undefined;
  const body = parsed as GraphQLResponseBody;
  if (!('data' in body) && !Array.isArray(body.errors)) return undefined;
  if (body.errors !== undefined && !Array.isArray(body.errors)) return undefined;
  return body;
}

const noop = () => {};

/**
 * One signal that fires when either fires (AbortSignal.any is missing from older browsers).
 * `dispose` detaches it from the client's long-lived signal once the request is over.
 */
function combineSignals(
  a: AbortSignal | undefined,
  b: AbortSignal | undefined,
): { signal: AbortSignal | undefined; dispose: () => void } {
  if (!a || !b) return { signal: a ?? b, dispose: noop };
  if (a.aborted || b.aborted) return { signal: a.aborted ? a : b, dispose: noop };
  const controller = new AbortController();
  const onA = () => controller.abort(a.reason);
  const onB = () => controller.abort(b.reason);
  a.addEventListener('abort', onA, { once: true });
  b.addEventListener('abort', onB, { once: true });
  return {
    signal: controller.signal,
    dispose: () => {
      a.removeEventListener('abort', onA);
      b.removeEventListener('abort', onB);
    },
  };
}
