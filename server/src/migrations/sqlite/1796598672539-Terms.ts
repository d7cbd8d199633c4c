import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillTerms } from '../fill-terms';

/**
 * Terms and the test clock (SPEC §8): the new columns are added nullable, filled in code (anchored month
 * arithmetic), then made NOT NULL. The test clock starts at offset 0; the upgrade reads the wall clock, which is
 * domain time on a database that had no test clock.
 */
export class Terms1796598672539 implements MigrationInterface {
  name = 'Terms1796598672539';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"test_clock\" (\"id\" integer PRIMARY KEY NOT NULL, \"offsetSeconds\" integer NOT NULL, \"movedAt\" datetime(3))");
    await queryRunner.query("ALTER TABLE \"offers\" ADD COLUMN \"terms\" text");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"termDuration\" varchar(3)");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"billingCycle\" varchar(10)");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"autoRenew\" boolean");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"termStartsAt\" datetime(3)");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"termEndsAt\" datetime(3)");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"termMonths\" integer");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"licenceBlocks\" text");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"scheduledChange\" text");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"termNoticePending\" boolean");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"cancelledAt\" datetime(3)");
    await queryRunner.query("ALTER TABLE \"subscriptions\" ADD COLUMN \"expiredAt\" datetime(3)");
    await queryRunner.query("INSERT INTO \"test_clock\" (\"id\", \"offsetSeconds\") VALUES (1, 0)");
    await fillTerms(queryRunner, new Date());
    await queryRunner.query("DROP INDEX \"uq_offers_sku\"");
    await queryRunner.query("CREATE TABLE \"temporary_offers\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"minQuantity\" integer NOT NULL, \"maxQuantity\" integer NOT NULL, \"unitPriceCents\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"terms\" text NOT NULL)");
    await queryRunner.query("INSERT INTO \"temporary_offers\"(\"id\", \"sku\", \"name\", \"minQuantity\", \"maxQuantity\", \"unitPriceCents\", \"currency\", \"createdAt\", \"terms\") SELECT \"id\", \"sku\", \"name\", \"minQuantity\", \"maxQuantity\", \"unitPriceCents\", \"currency\", \"createdAt\", \"terms\" FROM \"offers\"");
    await queryRunner.query("DROP TABLE \"offers\"");
    await queryRunner.query("ALTER TABLE \"temporary_offers\" RENAME TO \"offers\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_offers_sku\" ON \"offers\" (\"sku\") ");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_retention\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_reseller\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_partner_of_record\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_tenant\"");
    await queryRunner.query("DROP INDEX \"uq_subscriptions_live_offer_channel\"");
    await queryRunner.query("CREATE TABLE \"temporary_subscriptions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tenantId\" varchar(36) NOT NULL, \"offerId\" varchar(36) NOT NULL, \"quantity\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"channel\" varchar(16) NOT NULL, \"resellerId\" varchar(10), \"partnerOfRecordId\" varchar(10), \"suspendedAt\" datetime(3), \"dataRetentionEndsAt\" datetime(3), \"liveKey\" varchar(4), \"version\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"termDuration\" varchar(3) NOT NULL, \"billingCycle\" varchar(10) NOT NULL, \"autoRenew\" boolean NOT NULL, \"termStartsAt\" datetime(3) NOT NULL, \"termEndsAt\" datetime(3) NOT NULL, \"termMonths\" integer NOT NULL, \"licenceBlocks\" text NOT NULL, \"scheduledChange\" text, \"termNoticePending\" boolean NOT NULL, \"cancelledAt\" datetime(3), \"expiredAt\" datetime(3))");
    await queryRunner.query("INSERT INTO \"temporary_subscriptions\"(\"id\", \"tenantId\", \"offerId\", \"quantity\", \"status\", \"channel\", \"resellerId\", \"partnerOfRecordId\", \"suspendedAt\", \"dataRetentionEndsAt\", \"liveKey\", \"version\", \"createdAt\", \"updatedAt\", \"termDuration\", \"billingCycle\", \"autoRenew\", \"termStartsAt\", \"termEndsAt\", \"termMonths\", \"licenceBlocks\", \"scheduledChange\", \"termNoticePending\", \"cancelledAt\", \"expiredAt\") SELECT \"id\", \"tenantId\", \"offerId\", \"quantity\", \"status\", \"channel\", \"resellerId\", \"partnerOfRecordId\", \"suspendedAt\", \"dataRetentionEndsAt\", \"liveKey\", \"version\", \"createdAt\", \"updatedAt\", \"termDuration\", \"billingCycle\", \"autoRenew\", \"termStartsAt\", \"termEndsAt\", \"termMonths\", \"licenceBlocks\", \"scheduledChange\", \"termNoticePending\", \"cancelledAt\", \"expiredAt\" FROM \"subscriptions\"");
    await queryRunner.query("DROP TABLE \"subscriptions\"");
    await queryRunner.query("ALTER TABLE \"temporary_subscriptions\" RENAME TO \"subscriptions\"");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_retention\" ON \"subscriptions\" (\"status\", \"dataRetentionEndsAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_reseller\" ON \"subscriptions\" (\"resellerId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_partner_of_record\" ON \"subscriptions\" (\"partnerOfRecordId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_tenant\" ON \"subscriptions\" (\"tenantId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_subscriptions_live_offer_channel\" ON \"subscriptions\" (\"tenantId\", \"offerId\", \"channel\", \"liveKey\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_term_notice\" ON \"subscriptions\" (\"termNoticePending\", \"termEndsAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_term_end\" ON \"subscriptions\" (\"status\", \"termEndsAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_subscriptions_retention\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_reseller\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_partner_of_record\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_tenant\"");
    await queryRunner.query("DROP INDEX \"uq_subscriptions_live_offer_channel\"");
    await queryRunner.query("ALTER TABLE \"subscriptions\" RENAME TO \"temporary_subscriptions\"");
    await queryRunner.query("CREATE TABLE \"subscriptions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tenantId\" varchar(36) NOT NULL, \"offerId\" varchar(36) NOT NULL, \"quantity\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"channel\" varchar(16) NOT NULL, \"resellerId\" varchar(10), \"partnerOfRecordId\" varchar(10), \"suspendedAt\" datetime(3), \"dataRetentionEndsAt\" datetime(3), \"liveKey\" varchar(4), \"version\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"subscriptions\"(\"id\", \"tenantId\", \"offerId\", \"quantity\", \"status\", \"channel\", \"resellerId\", \"partnerOfRecordId\", \"suspendedAt\", \"dataRetentionEndsAt\", \"liveKey\", \"version\", \"createdAt\", \"updatedAt\") SELECT \"id\", \"tenantId\", \"offerId\", \"quantity\", \"status\", \"channel\", \"resellerId\", \"partnerOfRecordId\", \"suspendedAt\", \"dataRetentionEndsAt\", \"liveKey\", \"version\", \"createdAt\", \"updatedAt\" FROM \"temporary_subscriptions\"");
    await queryRunner.query("DROP TABLE \"temporary_subscriptions\"");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_retention\" ON \"subscriptions\" (\"status\", \"dataRetentionEndsAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_reseller\" ON \"subscriptions\" (\"resellerId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_partner_of_record\" ON \"subscriptions\" (\"partnerOfRecordId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_tenant\" ON \"subscriptions\" (\"tenantId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_subscriptions_live_offer_channel\" ON \"subscriptions\" (\"tenantId\", \"offerId\", \"channel\", \"liveKey\") ");
    await queryRunner.query("DROP INDEX \"uq_offers_sku\"");
    await queryRunner.query("ALTER TABLE \"offers\" RENAME TO \"temporary_offers\"");
    await queryRunner.query("CREATE TABLE \"offers\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"minQuantity\" integer NOT NULL, \"maxQuantity\" integer NOT NULL, \"unitPriceCents\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"offers\"(\"id\", \"sku\", \"name\", \"minQuantity\", \"maxQuantity\", \"unitPriceCents\", \"currency\", \"createdAt\") SELECT \"id\", \"sku\", \"name\", \"minQuantity\", \"maxQuantity\", \"unitPriceCents\", \"currency\", \"createdAt\" FROM \"temporary_offers\"");
    await queryRunner.query("DROP TABLE \"temporary_offers\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_offers_sku\" ON \"offers\" (\"sku\") ");
    await queryRunner.query("DROP TABLE \"test_clock\"");
  }
}
