import { ArgsType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { WebhookDelivery, WebhookDeliveryStatus, WebhookEndpoint } from '../../entities';
import { connectionType } from './connection-type';
import { PageArgs } from './page-args';

/** The inputs, payloads and lists of the webhook operations (SPEC §6). URL, types and description are checked by WebhookService. */

export const WebhookEndpointConnection = connectionType(WebhookEndpoint, 'WebhookEndpoint', 'your webhook endpoints, oldest first');
export type WebhookEndpointConnection = InstanceType<typeof WebhookEndpointConnection>;
export const WebhookDeliveryConnection = connectionType(WebhookDelivery, 'WebhookDelivery', 'deliveries, newest first');
export type WebhookDeliveryConnection = InstanceType<typeof WebhookDeliveryConnection>;

@ArgsType()
export class WebhookDeliveryPageArgs extends PageArgs {
  @Field(() => WebhookDeliveryStatus, { nullable: true, description: 'Only deliveries with this status.' })
  status?: WebhookDeliveryStatus | null;
}

@InputType({ description: 'Register a URL that receives the events you may read.' })
export class CreateWebhookEndpointInput {
  @Field(() => String, {
    description:
      'Where events are POSTed: an https:// URL (http:// outside production), at most 2048 characters, without credentials (not even empty ones), on a port from 1 to 65535 and a public address; stored in its WHATWG-normalised form.',
  })
  url: string;

  @Field(() => [String], {
    nullable: true,
    description: 'The event types to send, e.g. subscription.purchased; empty or omitted: every type.',
  })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A note for people, at most 255 characters.' })
  description?: string | null;
}

@InputType({ description: 'Change an endpoint; omitted fields stay as they are.' })
export class UpdateWebhookEndpointInput {
  @Field(() => ID, { description: 'The endpoint.' })
  id: string;

  @Field(() => String, { nullable: true, description: 'A new URL, under the same rules as when creating.' })
  url?: string | null;

  @Field(() => [String], { nullable: true, description: 'The new list of event types; empty: every type.' })
  eventTypes?: string[] | null;

  @Field(() => String, { nullable: true, description: 'A new note for people.' })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, description: 'false pauses deliveries; true resumes them and clears disabledReason.' })
  enabled?: boolean | null;
}

function endpointIdInput(name: string, description: string) {
  @InputType(name, { description })
  class Input {
    @Field(() => ID, { description: 'The endpoint.' })
    id: string;
  }
  return Input;
}

export const DeleteWebhookEndpointInput = endpointIdInput('DeleteWebhookEndpointInput', 'Delete an endpoint and its delivery log.');
export type DeleteWebhookEndpointInput = InstanceType<typeof DeleteWebhookEndpointInput>;
export const RotateWebhookSecretInput = endpointIdInput('RotateWebhookSecretInput', 'Give an endpoint a new signing secret.');
export type RotateWebhookSecretInput = InstanceType<typeof RotateWebhookSecretInput>;
export const SendTestWebhookInput = endpointIdInput('SendTestWebhookInput', 'Send a webhook.test event to an endpoint.');
export type SendTestWebhookInput = InstanceType<typeof SendTestWebhookInput>;

@InputType({ description: 'Attempt a delivery again, now.' })
export class RedeliverWebhookInput {
  @Field(() => ID, { description: 'The delivery.' })
  deliveryId: string;
}

function endpointWithSecretPayload(name: string, verb: string) {
  @ObjectType(name, { description: `The result of ${verb}.` })
  class Payload {
    @Field(() => WebhookEndpoint, { description: 'The endpoint as it is now.' })
    webhookEndpoint: WebhookEndpoint;

    @Field(() => String, { description: 'The signing secret (whsec_…). Store it now: it is never shown again.' })
    secret: string;
  }
  return Payload;
}

export const CreateWebhookEndpointPayload = endpointWithSecretPayload('CreateWebhookEndpointPayload', 'createWebhookEndpoint');
export const RotateWebhookSecretPayload = endpointWithSecretPayload('RotateWebhookSecretPayload', 'rotateWebhookSecret');

@ObjectType({ description: 'The result of updateWebhookEndpoint.' })
export class UpdateWebhookEndpointPayload {
  @Field(() => WebhookEndpoint, { description: 'The endpoint as it is now.' })
  webhookEndpoint: WebhookEndpoint;
}

@ObjectType({ description: 'The result of deleteWebhookEndpoint.' })
export class DeleteWebhookEndpointPayload {
  @Field(() => ID, { description: 'The id of the deleted endpoint.' })
  deletedId: string;
}

function deliveryPayload(name: string, verb: string) {
  @ObjectType(name, { description: `The result of ${verb}.` })
  class Payload {
    @Field(() => WebhookDelivery, { description: 'The delivery, PENDING and due now.' })
    delivery: WebhookDelivery;
  }
  return Payload;
}

export const SendTestWebhookPayload = deliveryPayload('SendTestWebhookPayload', 'sendTestWebhook');
export const RedeliverWebhookPayload = deliveryPayload('RedeliverWebhookPayload', 'redeliverWebhook');
