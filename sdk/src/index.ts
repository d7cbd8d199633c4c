/**
 * @tenantry/sdk: the typed client of the Tenantry GraphQL API.
 *
 * - `createClient({ url, token | getToken })` returns a client with one typed method per operation.
 * - Refusals throw `TenantryError` (with `code: ErrorCode`); transport failures throw `TenantryNetworkError`.
 * - `paginate()` iterates every node of a connection with `for await`.
 * - `client.subscribe(LiveEventsDocument, { tenantId })` yields live updates over WebSocket.
 * - Every operation's result and variables types, input types, enums and documents are exported.
 * - `verifyWebhook()` checks a webhook delivery's signature and returns its typed event.
 */
export { createClient } from './client.js';
export type { TenantryClient, TypedDocument, ResultOf, VariablesOf } from './client.js';
export type { SubscribeOptions } from './live.js';
export { TenantryError, TenantryNetworkError, isTenantryError } from './errors.js';
export type { NetworkFailureReason } from './errors.js';
export { paginate } from './paginate.js';
export { verifyWebhook, WebhookVerificationError, TENANTRY_EVENT_TYPES } from './webhooks.js';
export type { TenantryEvent, TenantryEventType, VerifyWebhookOptions, WebhookVerificationFailure } from './webhooks.js';
export type { ConnectionPage } from './paginate.js';
export { operations } from './generated/operations.js';
export type { OperationMethod, TenantryOperations } from './generated/operations.js';
export type {
  ClientOptions,
  RequestOptions,
  FetchFunction,
  FetchRequestInit,
  FetchResponse,
  TokenValue,
  GraphQLErrorEntry,
  GraphQLResponseBody,
} from './types.js';
// ErrorCode is in no operation's selection, so it comes from the enum-only output of codegen.
export { ErrorCode } from './generated/schema-enums.js';
export * from './generated/graphql.js';
