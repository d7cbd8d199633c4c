/**
 * The fetch the client calls: the global `fetch` of Node 20+ and browsers fits, and so does any
 * function with the same shape (a mock in tests, a fetch with a proxy agent, …).
 */
export type FetchFunction = (url: string, init: FetchRequestInit) => Promise<FetchResponse>;

/** What the client passes to `fetch`. */
export interface FetchRequestInit {
  method: 'POST';
  headers: Record<string, string>;
  body: string;
  signal?: AbortSignal;
}

/** The part of a fetch `Response` the client reads. */
export interface FetchResponse {
  readonly ok: boolean;
  readonly status: number;
  readonly statusText: string;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/** A bearer token, or nothing to send the request without one. */
export type TokenValue = string | null | undefined;

interface CommonClientOptions {
  /** The GraphQL endpoint, e.g. `https://tenantry.example.com/graphql`. */
  url: string | URL;
  /** The fetch to use; the global `fetch` by default. */
  fetch?: FetchFunction;
  /** Headers sent with every request (for example a tracing header). `authorization` is set from the token. */
  headers?: Record<string, string>;
  /** Aborts every request of this client when it fires (for example on logout or shutdown), waits between retries included. */
  signal?: AbortSignal;
  /**
   * Attempts after the first for a call that may be retried (queries, and purchaseSubscription and createCustomer
   * with their idempotency key) when the API answers RATE_LIMITED or HTTP 502/503/504, or the connection drops.
   * Default 3; `0` turns retries off. Other mutations are never retried.
   */
  retries?: number;
  /** The longest wait before a retry, in milliseconds (default 30,000): a longer Retry-After from the server ends the retries. */
  maxDelayMs?: number;
  /**
   * The WebSocket class `subscribe` uses: the global `WebSocket` by default (Node 22+, browsers); on Node 20
   * pass the `ws` package's (`import WebSocket from 'ws'`).
   */
  webSocketImpl?: unknown;
}

/** Options of `createClient`: where the API is, and either a fixed `token` or a `getToken` callback. */
export type ClientOptions = CommonClientOptions &
  (
    | {
        /** A bearer token sent as `Authorization: Bearer <token>` with every request. */
        token: string;
        getToken?: never;
      }
    | {
        token?: never;
        /** Called before every request; may be async, so a token can be refreshed when it nears expiry. */
        getToken: () => TokenValue | Promise<TokenValue>;
      }
  );

/** Per-call options, the last argument of every client method. */
export interface RequestOptions {
  /** Aborts this request; the promise then rejects with a `TenantryNetworkError` whose `reason` is `'aborted'`. */
  signal?: AbortSignal;
  /** Extra headers for this request, on top of the client's. */
  headers?: Record<string, string>;
  /** This call's `retries`, instead of the client's. */
  retries?: number;
  /** This call's `maxDelayMs`, instead of the client's. */
  maxDelayMs?: number;
}

/** One entry of the `errors` list of a GraphQL response, as this API shapes it. */
export interface GraphQLErrorEntry {
  message: string;
  path?: ReadonlyArray<string | number>;
  locations?: ReadonlyArray<{ line: number; column: number }>;
  extensions?: { code?: string; field?: string; retryAfterSeconds?: number; [key: string]: unknown };
}

/** The JSON body of a GraphQL response. */
export interface GraphQLResponseBody<TData = unknown> {
  data?: TData | null;
  errors?: GraphQLErrorEntry[];
  extensions?: Record<string, unknown>;
}
