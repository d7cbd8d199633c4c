import { Arg, Args, Authorized, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Permission } from '../auth/permissions';
import type { RequestContext } from '../auth/request-context';
import { AuditEvent, WebhookDelivery, WebhookEndpoint } from '../entities';
import type { Services } from '../services';
import { PageArgs } from './types/page-args';
import {
  CreateWebhookEndpointInput,
  CreateWebhookEndpointPayload,
  DeleteWebhookEndpointInput,
  DeleteWebhookEndpointPayload,
  RedeliverWebhookInput,
  RedeliverWebhookPayload,
  RotateWebhookSecretInput,
  RotateWebhookSecretPayload,
  SendTestWebhookInput,
  SendTestWebhookPayload,
  UpdateWebhookEndpointInput,
  UpdateWebhookEndpointPayload,
  WebhookDeliveryConnection,
  WebhookDeliveryPageArgs,
  WebhookEndpointConnection,
} from './types/webhook-types';

@Resolver(() => WebhookDelivery)
export class WebhookResolver {
  constructor(private readonly services: Services) {}

  @Authorized(Permission.ManageWebhooks)
  @Query(() => WebhookEndpointConnection, { description: 'Your webhook endpoints (your tenant’s, your partner’s, or the platform’s).' })
  async webhookEndpoints(@Args(() => PageArgs) args: PageArgs, @Ctx() ctx: RequestContext) {
    return WebhookEndpointConnection.from(await this.services.webhooks.list(ctx, args));
  }

  @Authorized(Permission.ManageWebhooks)
  @Query(() => WebhookEndpoint, { description: 'One of your webhook endpoints.' })
  async webhookEndpoint(@Arg('id', () => ID) id: string, @Ctx() ctx: RequestContext) {
    return this.services.webhooks.get(ctx, id);
  }

  @Authorized(Permission.ManageWebhooks)
  @Query(() => WebhookDeliveryConnection, { description: 'The delivery log of one of your endpoints (kept 30 days), newest first.' })
  async webhookDeliveries(
    @Arg('endpointId', () => ID) endpointId: string,
    @Args(() => WebhookDeliveryPageArgs) args: WebhookDeliveryPageArgs,
    @Ctx() ctx: RequestContext,
  ) {
    return WebhookDeliveryConnection.from(await this.services.webhooks.deliveries(ctx, endpointId, args));
  }

  @Authorized(Permission.ManageWebhooks)
  @Mutation(() => CreateWebhookEndpointPayload, {
    description: 'Register a webhook endpoint; the answer holds its signing secret, shown only this once.',
  })
  async createWebhookEndpoint(
    @Arg('input', () => CreateWebhookEndpointInput) input: CreateWebhookEndpointInput,
    @Ctx() ctx: RequestContext,
  ) {
    const { endpoint, secret } = await this.services.webhooks.create(ctx, input);
    return Object.assign(new CreateWebhookEndpointPayload(), { webhookEndpoint: endpoint, secret });
  }

  @Authorized(Permission.ManageWebhooks)
  @Mutation(() => UpdateWebhookEndpointPayload, { description: 'Change, pause or resume a webhook endpoint.' })
  async updateWebhookEndpoint(
    @Arg('input', () => UpdateWebhookEndpointInput) input: UpdateWebhookEndpointInput,
    @Ctx() ctx: RequestContext,
  ) {
    return Object.assign(new UpdateWebhookEndpointPayload(), { webhookEndpoint: await this.services.webhooks.update(ctx, input) });
  }

  @Authorized(Permission.ManageWebhooks)
  @Mutation(() => DeleteWebhookEndpointPayload, { description: 'Delete a webhook endpoint; its pending deliveries are not attempted.' })
  async deleteWebhookEndpoint(
    @Arg('input', () => DeleteWebhookEndpointInput) input: DeleteWebhookEndpointInput,
    @Ctx() ctx: RequestContext,
  ) {
    return Object.assign(new DeleteWebhookEndpointPayload(), { deletedId: await this.services.webhooks.delete(ctx, input.id) });
  }

  @Authorized(Permission.ManageWebhooks)
  @Mutation(() => RotateWebhookSecretPayload, {
    description: 'Give an endpoint a new signing secret; the old one still signs for 24 hours.',
  })
  async rotateWebhookSecret(@Arg('input', () => RotateWebhookSecretInput) input: RotateWebhookSecretInput, @Ctx() ctx: RequestContext) {
    const { endpoint, secret } = await this.services.webhooks.rotateSecret(ctx, input.id);
    return Object.assign(new RotateWebhookSecretPayload(), { webhookEndpoint: endpoint, secret });
  }

  @Authorized(Permission.ManageWebhooks)
  @Mutation(() => SendTestWebhookPayload, { description: 'Send a webhook.test event to an endpoint, whatever its event types.' })
  async sendTestWebhook(@Arg('input', () => SendTestWebhookInput) input: SendTestWebhookInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new SendTestWebhookPayload(), { delivery: await this.services.webhooks.sendTest(ctx, input.id) });
  }

  @Authorized(Permission.ManageWebhooks)
  @Mutation(() => RedeliverWebhookPayload, {
    description: 'Attempt a delivery again now (CONFLICT while an attempt of it is in progress).',
  })
  async redeliverWebhook(@Arg('input', () => RedeliverWebhookInput) input: RedeliverWebhookInput, @Ctx() ctx: RequestContext) {
    return Object.assign(new RedeliverWebhookPayload(), { delivery: await this.services.webhooks.redeliver(ctx, input.deliveryId) });
  }

  @FieldResolver(() => AuditEvent, { description: 'The event delivered.' })
  event(@Root() delivery: WebhookDelivery, @Ctx() ctx: RequestContext) {
    return this.services.webhooks.eventOf(ctx, delivery);
  }
}
