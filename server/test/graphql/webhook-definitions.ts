import { graphql } from './generated';

/** The webhook operations (SPEC §6) the webhook specs share; see shared-definitions.ts for the convention. */

// A fragment the documents below spread by name; codegen reads it from this call, nothing at run time does.
graphql(`
  fragment WebhookEndpointView on WebhookEndpoint {
    id
    url
    eventTypes
    description
    enabled
    disabledReason
    createdAt
  }
`);

// A fragment the documents below spread by name; codegen reads it from this call, nothing at run time does.
graphql(`
  fragment WebhookDeliveryView on WebhookDelivery {
    id
    status
    attempts
    nextAttemptAt
    lastAttemptAt
    lastResponseStatus
    lastError
    event { id action targetType targetId tenantId actor { subject tenantId partnerId } }
  }
`);

export const CREATE_WEBHOOK_ENDPOINT = graphql(`
  mutation CreateWebhookEndpoint($input: CreateWebhookEndpointInput!) {
    createWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }
  }
`);

export const UPDATE_WEBHOOK_ENDPOINT = graphql(`
  mutation UpdateWebhookEndpoint($input: UpdateWebhookEndpointInput!) {
    updateWebhookEndpoint(input: $input) { webhookEndpoint { ...WebhookEndpointView } }
  }
`);

export const DELETE_WEBHOOK_ENDPOINT = graphql(`
  mutation DeleteWebhookEndpoint($input: DeleteWebhookEndpointInput!) {
    deleteWebhookEndpoint(input: $input) { deletedId }
  }
`);

export const ROTATE_WEBHOOK_SECRET = graphql(`
  mutation RotateWebhookSecret($input: RotateWebhookSecretInput!) {
    rotateWebhookSecret(input: $input) { webhookEndpoint { ...WebhookEndpointView } secret }
  }
`);

export const SEND_TEST_WEBHOOK = graphql(`
  mutation SendTestWebhook($input: SendTestWebhookInput!) {
    sendTestWebhook(input: $input) { delivery { ...WebhookDeliveryView } }
  }
`);

export const REDELIVER_WEBHOOK = graphql(`
  mutation RedeliverWebhook($input: RedeliverWebhookInput!) {
    redeliverWebhook(input: $input) { delivery { ...WebhookDeliveryView } }
  }
`);

export const GET_WEBHOOK_ENDPOINTS = graphql(`
  query GetWebhookEndpoints($first: Int, $after: String) {
    webhookEndpoints(first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...WebhookEndpointView } }
    }
  }
`);

export const GET_WEBHOOK_ENDPOINT = graphql(`
  query GetWebhookEndpoint($id: ID!) {
    webhookEndpoint(id: $id) { ...WebhookEndpointView }
  }
`);

export const GET_WEBHOOK_DELIVERIES = graphql(`
  query GetWebhookDeliveries($endpointId: ID!, $first: Int, $after: String, $status: WebhookDeliveryStatus) {
    webhookDeliveries(endpointId: $endpointId, first: $first, after: $after, status: $status) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges { node { ...WebhookDeliveryView } }
    }
  }
`);
