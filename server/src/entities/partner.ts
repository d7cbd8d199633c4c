import { Field, ID, ObjectType } from 'type-graphql';
import { DateTimeISOResolver } from 'graphql-scalars';
import { Column, Entity, Index } from 'typeorm';
import { PartnerCapability } from './enums';
import { PartnerIdPrimaryColumn, TextColumn, TimestampColumn } from './columns';

@ObjectType({ description: 'A partner company: a reseller, an advisor, or both.', simpleResolvers: true })
@Entity({ name: 'partners' })
@Index('idx_partners_advisor', ['isAdvisor'])
export class Partner {
  @Field(() => ID, { description: 'The public Partner ID (6–10 digits) that customers type in.' })
  @PartnerIdPrimaryColumn()
  id: string;

  @Field(() => String, { description: 'The company name.' })
  @TextColumn(200)
  name: string;

  @Field(() => String, { description: 'ISO 3166-1 alpha-2 country code.' })
  @TextColumn(2)
  countryCode: string;

  @Column({ type: 'boolean', default: false })
  isReseller: boolean;

  @Column({ type: 'boolean', default: false })
  isAdvisor: boolean;

  @Field(() => DateTimeISOResolver, { description: 'When the partner was registered.' })
  @TimestampColumn()
  createdAt: Date;

  @Field(() => [PartnerCapability], { description: 'What the partner may act as.' })
  get capabilities(): PartnerCapability[] {
    const result: PartnerCapability[] = [];
    if (this.isReseller) result.push(PartnerCapability.RESELLER);
    if (this.isAdvisor) result.push(PartnerCapability.ADVISOR);
    return result;
  }
}
