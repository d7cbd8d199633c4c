import type { ErrorCode } from './generated/schema-enums.js';
import type { GraphQLErrorEntry, GraphQLResponseBody } from './types.js';

/**
 * The API refused the operation: the response carried GraphQL errors. `code` is from the closed set
 * of `ErrorCode`; the first error decides it, and `errors` holds them all.
 */
export class TenantryError extends Error {
  override readonly name = 'TenantryError';
  /** What went wrong, from the closed set documented by `ErrorCode`. */
  readonly code: ErrorCode;
  /** For `BAD_USER_INPUT` and some others: the input field at fault, e.g. `quantity` or `partnerId`. */
  readonly field: string | undefined;
  /** Where in the result the error occurred, e.g. `['purchaseSubscription']`. */
  readonly path: ReadonlyArray<string | number> | undefined;
  /** For `RATE_LIMITED` (and any answer with a `Retry-After` header): seconds to wait before trying again. */
  readonly retryAfterSeconds: number | undefined;
  /** Every error of the response, the first of which this error describes. */
  readonly errors: readonly GraphQLErrorEntry[];
  /** The raw response body: `{ data, errors, extensions }`. */
  readonly response: GraphQLResponseBody;
  /** The HTTP status of the response (200, 400, 401, 429, …); 101 for a refused live-updates subscription (WebSocket). */
  readonly status: number;
  /** The server's id of the request (`x-request-id`), to quote when asking for support. */
  readonly requestId: string | undefined;
  /** The operation that failed, e.g. `PurchaseSubscription`. */
  readonly operationName: string | undefined;

  constructor(init: {
    response: GraphQLResponseBody;
    status: number;
    requestId?: string;
    operationName?: string;
    /** From the `Retry-After` header, when the error itself does not say. */
    retryAfterSeconds?: number;
  }) {
    const errors = init.response.errors ?? [];
    const first: GraphQLErrorEntry = errors[0] ?? { message: 'The API answered with an error but gave no detail.' };
    super(first.message);
    const extensions = first.extensions ?? {};
    // A response without a code is not one this API sends; treat it as the server's fault.
    this.code = (typeof extensions.code === 'string' ? extensions.code : 'INTERNAL_SERVER_ERROR') as ErrorCode;
    this.field = typeof extensions.field === 'string' ? extensions.field : undefined;
    this.retryAfterSeconds = typeof extensions.retryAfterSeconds === 'number' ? extensions.retryAfterSeconds : init.retryAfterSeconds;
    this.path = first.path;
    this.errors = errors;
    this.response = init.response;
    this.status = init.status;
    this.requestId = init.requestId;
    this.operationName = init.operationName;
  }
}

/** Why no GraphQL answer arrived. */
export type NetworkFailureReason =
  /** `fetch` itself rejected: DNS, connection refused or reset, TLS, CORS. */
  | 'fetch-failed'
  /** The request was aborted through a signal. */
  | 'aborted'
  /** An HTTP response arrived but it is not a GraphQL response (a proxy's 502 page, a 404, …). */
  | 'http-error'
  /** A 2xx response whose body is not a GraphQL response. */
  | 'invalid-response'
  /** The live-updates WebSocket closed or could not open (`closeCode` says why: 4401 for a missing, bad or expired token). */
  | 'socket-closed';

/**
 * No GraphQL answer: the request failed on the way (network, abort) or the server answered
 * with something that is not a GraphQL response. Nothing says whether a mutation ran.
 */
export class TenantryNetworkError extends Error {
  override readonly name = 'TenantryNetworkError';
  /** What kind of failure this is. */
  readonly reason: NetworkFailureReason;
  /** The HTTP status, when a response arrived. */
  readonly status: number | undefined;
  /** The start of the response body (up to 2,000 characters), when a response arrived. */
  readonly body: string | undefined;
  /** Seconds the server asked to wait (its `Retry-After` header), when it said. */
  readonly retryAfterSeconds: number | undefined;
  /** The operation that failed, e.g. `Customers`. */
  readonly operationName: string | undefined;
  /** For `socket-closed`: the WebSocket close code (4401: the token is missing, bad or expired). */
  readonly closeCode: number | undefined;

  constructor(
    message: string,
    init: {
      reason: NetworkFailureReason;
      status?: number;
      body?: string;
      retryAfterSeconds?: number;
      operationName?: string;
      closeCode?: number;
      cause?: unknown;
    },
  ) {
    super(message, init.cause === undefined ? undefined : { cause: init.cause });
    this.reason = init.reason;
    this.status = init.status;
    this.body = init.body;
    this.retryAfterSeconds = init.retryAfterSeconds;
    this.operationName = init.operationName;
    this.closeCode = init.closeCode;
  }
}

/**
 * Whether `error` is a `TenantryError`, optionally with one of the given codes. Narrows `error.code`:
 *
 * ```ts
 * if (isTenantryError(error, 'CONFLICT')) refetchAndRetry();
 * ```
 */
export function isTenantryError<C extends ErrorCode = ErrorCode>(
  error: unknown,
  ...codes: C[]
): error is TenantryError & { readonly code: C } {
  // Also recognises a TenantryError of another copy of the SDK (its ESM and CommonJS builds loaded side by side).
  const isOne =
    error instanceof TenantryError ||
    (error instanceof Error && error.name === 'TenantryError' && typeof (error as { code?: unknown }).code === 'string');
  return isOne && (codes.length === 0 || (codes as ErrorCode[]).includes((error as TenantryError).code));
}
