import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795216470726 implements MigrationInterface {
  name = 'Initial1795216470726';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_events\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"at\" datetime(3) NOT NULL, \"actorSubject\" varchar(255) NOT NULL, \"actorRoles\" text NOT NULL, \"actorTenantId\" varchar(36), \"actorPartnerId\" varchar(10), \"action\" varchar(64) NOT NULL, \"targetType\" varchar(32) NOT NULL, \"targetId\" varchar(36) NOT NULL, \"tenantId\" varchar(36), \"before\" text, \"after\" text, \"requestId\" varchar(64) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_audit_events_tenant\" ON \"audit_events\" (\"tenantId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"idempotency_keys\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"callerHash\" varchar(64) NOT NULL, \"operation\" varchar(64) NOT NULL, \"key\" varchar(255) NOT NULL, \"requestHash\" varchar(64) NOT NULL, \"resultId\" varchar(36) NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_idempotency_keys_created\" ON \"idempotency_keys\" (\"createdAt\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_idempotency_keys_scope\" ON \"idempotency_keys\" (\"callerHash\", \"operation\", \"key\") ");
    await queryRunner.query("CREATE TABLE \"offers\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"sku\" varchar(64) NOT NULL, \"name\" varchar(200) NOT NULL, \"minQuantity\" integer NOT NULL, \"maxQuantity\" integer NOT NULL, \"unitPriceCents\" integer NOT NULL, \"currency\" varchar(3) NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_offers_sku\" ON \"offers\" (\"sku\") ");
    await queryRunner.query("CREATE TABLE \"offer_authorizations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnerId\" varchar(10) NOT NULL, \"offerId\" varchar(36) NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_offer_authorizations_offer\" ON \"offer_authorizations\" (\"offerId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_offer_authorizations_partner_offer\" ON \"offer_authorizations\" (\"partnerId\", \"offerId\") ");
    await queryRunner.query("CREATE TABLE \"partners\" (\"id\" varchar(10) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"countryCode\" varchar(2) NOT NULL, \"isReseller\" boolean NOT NULL DEFAULT (0), \"isAdvisor\" boolean NOT NULL DEFAULT (0), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_partners_advisor\" ON \"partners\" (\"isAdvisor\") ");
    await queryRunner.query("CREATE TABLE \"reseller_invitations\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"code\" varchar(64) NOT NULL, \"partnerId\" varchar(10) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, \"acceptedByTenantId\" varchar(36), \"acceptedAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_reseller_invitations_code\" ON \"reseller_invitations\" (\"code\") ");
    await queryRunner.query("CREATE INDEX \"idx_reseller_invitations_partner\" ON \"reseller_invitations\" (\"partnerId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"reseller_relationships\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnerId\" varchar(10) NOT NULL, \"tenantId\" varchar(36) NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_reseller_relationships_tenant\" ON \"reseller_relationships\" (\"tenantId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_reseller_relationships_partner_tenant\" ON \"reseller_relationships\" (\"partnerId\", \"tenantId\") ");
    await queryRunner.query("CREATE TABLE \"subscriptions\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"tenantId\" varchar(36) NOT NULL, \"offerId\" varchar(36) NOT NULL, \"quantity\" integer NOT NULL, \"status\" varchar(16) NOT NULL, \"channel\" varchar(16) NOT NULL, \"resellerId\" varchar(10), \"partnerOfRecordId\" varchar(10), \"suspendedAt\" datetime(3), \"dataRetentionEndsAt\" datetime(3), \"liveKey\" varchar(4), \"version\" integer NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_retention\" ON \"subscriptions\" (\"status\", \"dataRetentionEndsAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_reseller\" ON \"subscriptions\" (\"resellerId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_partner_of_record\" ON \"subscriptions\" (\"partnerOfRecordId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_subscriptions_tenant\" ON \"subscriptions\" (\"tenantId\", \"id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_subscriptions_live_offer_channel\" ON \"subscriptions\" (\"tenantId\", \"offerId\", \"channel\", \"liveKey\") ");
    await queryRunner.query("CREATE TABLE \"tenants\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"name\" varchar(200) NOT NULL, \"domain\" varchar(253) NOT NULL, \"countryCode\" varchar(2) NOT NULL, \"billingManagedById\" varchar(10), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_tenants_domain\" ON \"tenants\" (\"domain\") ");
    await queryRunner.query("CREATE INDEX \"idx_tenants_billing_managed_by\" ON \"tenants\" (\"billingManagedById\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_tenants_billing_managed_by\"");
    await queryRunner.query("DROP INDEX \"uq_tenants_domain\"");
    await queryRunner.query("DROP TABLE \"tenants\"");
    await queryRunner.query("DROP INDEX \"uq_subscriptions_live_offer_channel\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_tenant\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_partner_of_record\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_reseller\"");
    await queryRunner.query("DROP INDEX \"idx_subscriptions_retention\"");
    await queryRunner.query("DROP TABLE \"subscriptions\"");
    await queryRunner.query("DROP INDEX \"uq_reseller_relationships_partner_tenant\"");
    await queryRunner.query("DROP INDEX \"idx_reseller_relationships_tenant\"");
    await queryRunner.query("DROP TABLE \"reseller_relationships\"");
    await queryRunner.query("DROP INDEX \"idx_reseller_invitations_partner\"");
    await queryRunner.query("DROP INDEX \"uq_reseller_invitations_code\"");
    await queryRunner.query("DROP TABLE \"reseller_invitations\"");
    await queryRunner.query("DROP INDEX \"idx_partners_advisor\"");
    await queryRunner.query("DROP TABLE \"partners\"");
    await queryRunner.query("DROP INDEX \"uq_offer_authorizations_partner_offer\"");
    await queryRunner.query("DROP INDEX \"idx_offer_authorizations_offer\"");
    await queryRunner.query("DROP TABLE \"offer_authorizations\"");
    await queryRunner.query("DROP INDEX \"uq_offers_sku\"");
    await queryRunner.query("DROP TABLE \"offers\"");
    await queryRunner.query("DROP INDEX \"uq_idempotency_keys_scope\"");
    await queryRunner.query("DROP INDEX \"idx_idempotency_keys_created\"");
    await queryRunner.query("DROP TABLE \"idempotency_keys\"");
    await queryRunner.query("DROP INDEX \"idx_audit_events_tenant\"");
    await queryRunner.query("DROP TABLE \"audit_events\"");
  }
}
