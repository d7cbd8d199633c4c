import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Column, Entity, Index } from 'typeorm';
import { IntColumn, JsonColumn, TextColumn, TimestampColumn, UuidPrimaryColumn } from './columns';

/**
 * Who owns an endpoint, as one comparable key: `tenant:<id>`, `partner:<Partner ID>` or `platform`.
 * An event is offered to the endpoints whose owner key is among the keys of those who may read it (SPEC §2).
 */
export type WebhookOwnerKey = string;

/** The tenant an owner key names (`tenant:<id>`), or null for a partner's or the platform's. */
export const tenantOfWebhookOwner = (ownerKey: WebhookOwnerKey): string | null =>
  ownerKey.startsWith('tenant:') ? ownerKey.slice('tenant:'.length) : null;

@ObjectType({ description: 'A URL that receives signed events (SPEC §6).' })
@Entity({ name: 'webhook_endpoints' })
@Index('idx_webhook_endpoints_owner', ['ownerKey', 'enabled'])
export class WebhookEndpoint {
  @Field(() => ID, { description: 'The endpoint id (UUID).' })
  @UuidPrimaryColumn()
  id: string;

  @TextColumn(48)
  ownerKey: WebhookOwnerKey;

  @Field(() => String, { description: 'Where events are POSTed, in its WHATWG-normalised form (e.g. https://hooks.example.com/a).' })
  @TextColumn(2048)
  url: string;

  @Field(() => [String], { description: 'The event types sent here; empty: every type.' })
  @JsonColumn()
  eventTypes: string[];

  @Field(() => String, { description: 'A note for people.' })
  @TextColumn(255)
  description: string;

  @Field(() => Boolean, { description: 'False: no deliveries are attempted (set by you, or after 72 hours of failures).' })
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Field(() => String, { nullable: true, description: 'Why the endpoint was disabled automatically, if it was.' })
  @TextColumn(255, { nullable: true })
  disabledReason: string | null;

  /** The signing secret (`whsec_…`); HMAC needs it in clear, so it never leaves the server but in a create/rotate payload. */
  @TextColumn(64, { select: false })
  secret: string;

  /** The secret before the last rotation, still signing until previousSecretExpiresAt. */
  @TextColumn(64, { nullable: true, select: false })
  previousSecret: string | null;

  @TimestampColumn({ nullable: true })
  previousSecretExpiresAt: Date | null;

  /** Start of the current run of failed attempts (null after a success): 72 hours of it disable the endpoint. */
  @TimestampColumn({ nullable: true })
  failingSince: Date | null;

  @Field(() => DateTimeISOResolver, { description: 'When the endpoint was created.' })
  @TimestampColumn()
  createdAt: Date;

  @TimestampColumn()
  updatedAt: Date;

  /** Bumped by every change: changes are conditional updates on it (updateIfVersion style). */
  @IntColumn()
  version: number;
}
