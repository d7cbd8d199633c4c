import { Entity, Index } from 'typeorm';
import { PartnerIdColumn, TimestampColumn, UuidColumn, UuidPrimaryColumn } from './columns';

/** A partner is authorised to sell an offer. */
@Entity({ name: 'offer_authorizations' })
@Index('uq_offer_authorizations_partner_offer', ['partnerId', 'offerId'], { unique: true })
@Index('idx_offer_authorizations_offer', ['offerId'])
export class OfferAuthorization {
  @UuidPrimaryColumn()
  id: string;

  @PartnerIdColumn()
  partnerId: string;

  @UuidColumn()
  offerId: string;

  @TimestampColumn()
  createdAt: Date;
}
