import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Entity, Index } from 'typeorm';
import { FOLDED_NAME_MAX, NAME_MAX, foldForSearch } from '../domain/rules';
import { PartnerIdColumn, TextColumn, TimestampColumn, UuidPrimaryColumn } from './columns';

@ObjectType({ description: 'A customer organisation.', simpleResolvers: true })
@Entity({ name: 'tenants' })
export class Tenant {
  @Field(() => ID, { description: 'The tenant id (UUID).' })
  @UuidPrimaryColumn()
  id: string;

  @Field(() => String, { description: 'The organisation name.' })
  @TextColumn(NAME_MAX)
  name: string;

  /**
   * The name case-folded in code, what `search` matches: SQL's LOWER() folds only ASCII on SQLite and
   * differs between MySQL versions. Derived from `name` whenever a Tenant is written, so no writer can
   * store it stale or leave it out; setting it (as loading a row does) changes nothing. An UPDATE that
   * changes `name` must set it too. Not an own property, so audit snapshots leave it out; never read back.
   */
  @TextColumn(FOLDED_NAME_MAX, { select: false })
  get nameFolded(): string | undefined {
    // A Tenant without its name (a patch for an UPDATE, a row loaded without the column) has nothing to fold.
    const name = this.name as string | undefined;
    return name === undefined ? undefined : foldForSearch(name);
  }
  set nameFolded(_loaded: string) {}

  @Field(() => String, { description: 'The unique primary domain, e.g. contoso.example.' })
  @TextColumn(253)
  @Index('uq_tenants_domain', { unique: true })
  domain: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @TextColumn(2)
  countryCode: string;

  /** Set when a reseller created the tenant; the `billingManagedBy` field resolves it. */
  @PartnerIdColumn({ nullable: true })
  @Index('idx_tenants_billing_managed_by')
  billingManagedById: string | null;

  @Field(() => DateTimeISOResolver, { description: 'When the tenant was created.' })
  @TimestampColumn()
  createdAt: Date;
}
