import { TenantryError, TenantryNetworkError } from './errors.js';
import { operations, type OperationMethod, type TenantryOperations } from './generated/operations.js';
import type { DocumentTypeDecoration } from './generated/graphql.js';
import type { ClientOptions, FetchFunction, GraphQLResponseBody, RequestOptions } from './types.js';
import { isQueryDocument } from './document-kind.js';
import { liveConnection, type SubscribeOptions } from './live.js';
import {
  DEFAULT_RETRY_SETTINGS,
  parseRetryAfter,
  pause,
  retryDelay,
  withIdempotencyKey,
  type RetryPolicy,
  type RetrySettings,
} from './retry.js';

/** A document typed with its result and variables: every `…Document` the SDK exports, or one of your own. */
export type TypedDocument<TResult, TVariables> = DocumentTypeDecoration<TResult, TVariables> & { toString(): string };

/** The result type of a typed document, e.g. `ResultOf<typeof CustomersDocument>`. */
export type ResultOf<T> = T extends DocumentTypeDecoration<infer R, never> ? R : never;
/** The variables type of a typed document, e.g. `VariablesOf<typeof CustomersDocument>`. */
export type VariablesOf<T> = T extends DocumentTypeDecoration<unknown, infer V> ? V : never;

/** A Tenantry API client: one typed method per operation, plus `request` for documents of your own. */
export interface TenantryClient extends TenantryOperations {
  /**
   * Runs any typed document (for example one generated from your own operations against the
   * Tenantry schema, with graphql-codegen's `documentMode: 'string'`) and resolves to its `data`.
   * Errors are thrown as for the named methods. A document without a mutation is retried like a query;
   * a mutation is sent once.
   */
  request<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables> | string,
    variables?: TVariables,
    options?: RequestOptions,
  ): Promise<TResult>;

  /**
   * Live updates: runs a subscription document over WebSocket (protocol graphql-transport-ws, the token in
   * connection_init) and yields each result's `data` as it arrives. The socket opens with the first subscription
   * and closes after the last; ending the loop (`break`) or `options.signal` ends the subscription.
   *
   * ```ts
   * for await (const { events } of client.subscribe(LiveEventsDocument, { tenantId })) console.log(events.action);
   * ```
   *
   * @throws {TenantryError} when the API refuses the subscription (NOT_FOUND, FORBIDDEN, BAD_USER_INPUT, RATE_LIMITED, QUERY_TOO_COMPLEX).
   * @throws {TenantryNetworkError} with `reason: 'socket-closed'` when the socket closes (`closeCode` 4401: token missing, bad or expired).
   */
  subscribe<TResult, TVariables>(
    document: TypedDocument<TResult, TVariables> | string,
    variables?: TVariables,
    options?: SubscribeOptions,
  ): AsyncIterableIterator<TResult>;
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
 * Queries are retried when the API is rate limited or unavailable or the connection drops (`retries`,
 * `maxDelayMs`); so are `purchaseSubscription` and `createCustomer`, with one idempotency key for every
 * attempt. Other mutations are sent exactly once.
 */
export function createClient(options: ClientOptions): TenantryClient {
  // JavaScript callers can pass nothing at all.
  if (!(options as ClientOptions | undefined) || (typeof options.url !== 'string' && !(options.url instanceof URL))) {
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
  const clientRetries = retrySettings(options, DEFAULT_RETRY_SETTINGS, 'createClient');

  async function execute<TResult>(
    document: { toString(): string },
    variables: unknown,
    requestOptions: RequestOptions | undefined,
    operationName: string | undefined,
    policy: RetryPolicy,
  ): Promise<TResult> {
    const settings = retrySettings(requestOptions, clientRetries, operationName ?? 'request');
    if (policy === 'never') settings.retries = 0;
    // One key for every attempt: the API returns the first attempt's result instead of doing it again.
    const sent = policy === 'with-idempotency-key' ? withIdempotencyKey(variables) : variables;
    const { signal, dispose } = combineSignals(options.signal, requestOptions?.signal);
    try {
      for (let attempt = 0; ; attempt++) {
        try {
          return await send<TResult>(document, sent, requestOptions, operationName, signal);
        } catch (error) {
          const delay = retryDelay(error, attempt, settings);
          if (delay === undefined) throw error;
          await pause(delay, signal).catch((reason: unknown) => {
            throw networkError(operationName, `the request was aborted while waiting to retry (${describe(error)}).`, {
              reason: 'aborted',
              cause: reason,
            });
          });
        }
      }
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
    const abortedBeforeSending = () =>
      networkError(operationName, 'the request was aborted before it was sent.', { reason: 'aborted', cause: signal?.reason });
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
      if (signal?.aborted)
        throw networkError(operationName, 'the request was aborted.', { reason: 'aborted', cause: signal.reason ?? cause });
      throw networkError(operationName, `could not reach the Tenantry API at ${url} (${describe(cause)}).`, {
        reason: 'fetch-failed',
        cause,
      });
    }

    const parsed = parseGraphQLBody(text);
    const retryAfterSeconds = parseRetryAfter(response.headers.get('retry-after'));
    if (parsed?.errors?.length) {
      throw new TenantryError({
        response: parsed,
        status: response.status,
        requestId: response.headers.get('x-request-id') ?? undefined,
        operationName,
        retryAfterSeconds,
      });
    }
    if (!response.ok) {
      const statusText = response.statusText ? ` ${response.statusText}` : '';
      throw networkError(operationName, `the server answered HTTP ${response.status}${statusText}, not a GraphQL response.`, {
        reason: 'http-error',
        status: response.status,
        body: text.slice(0, BODY_PREVIEW),
        retryAfterSeconds,
      });
    }
    if (!parsed || parsed.data == null) {
      throw networkError(operationName, 'the server answered with something that is not a GraphQL response.', {
        reason: 'invalid-response',
        status: response.status,
        body: text.slice(0, BODY_PREVIEW),
      });
    }
    return parsed.data as TResult;
  }

  const live = liveConnection({ url, webSocketImpl: options.webSocketImpl, token: tokenOf });
  const client: Record<string, unknown> = {
    subscribe: (document: { toString(): string }, variables?: unknown, subscribeOptions?: SubscribeOptions) =>
      live.subscribe(document, variables, subscribeOptions),
    request: (document: { toString(): string }, variables?: unknown, requestOptions?: RequestOptions) => {
      if (typeof document === 'object' && (document as { kind?: unknown }).kind === 'Document') {
        return Promise.reject(
          new TypeError(
            "request: pass the document as a string. With graphql-codegen's client preset set `documentMode: 'string'`, or pass print(document) from graphql.",
          ),
        );
      }
      return execute(document, variables, requestOptions, undefined, isQueryDocument(String(document)) ? 'always' : 'never');
    },
  };
  for (const method of Object.keys(operations) as OperationMethod[]) {
    const operation = operations[method];
    client[method] = (variables?: unknown, requestOptions?: RequestOptions) =>
      execute(operation.document, variables, requestOptions, operation.operationName, operation.retry);
  }
  return Object.freeze(client) as unknown as TenantryClient;
}

function networkError(operationName: string | undefined, message: string, init: ConstructorParameters<typeof TenantryNetworkError>[1]) {
  return new TenantryNetworkError(`${operationName ? `${operationName}: ` : ''}${message}`, { operationName, ...init });
}

const describe = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** `retries` and `maxDelayMs` from `given`, else from `defaults`; a value that cannot work is refused at once. */
function retrySettings(
  given: { retries?: number; maxDelayMs?: number } | undefined,
  defaults: RetrySettings,
  where: string,
): RetrySettings {
  const retries = given?.retries ?? defaults.retries;
  const maxDelayMs = given?.maxDelayMs ?? defaults.maxDelayMs;
  if (!Number.isInteger(retries) || retries < 0)
    throw new TypeError(`${where}: \`retries\` must be a whole number of 0 or more (got ${retries}).`);
  if (typeof maxDelayMs !== 'number' || !(maxDelayMs >= 0))
    throw new TypeError(`${where}: \`maxDelayMs\` must be 0 or more (got ${maxDelayMs}).`);
  return { retries, maxDelayMs };
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
function combineSignals(a: AbortSignal | undefined, b: AbortSignal | undefined): { signal: AbortSignal | undefined; dispose: () => void } {
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
