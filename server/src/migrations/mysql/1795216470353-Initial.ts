import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795216470353 implements MigrationInterface {
  name = 'Initial1795216470353';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_events` (`id` varchar(36) NOT NULL, `at` datetime(3) NOT NULL, `actorSubject` varchar(255) NOT NULL, `actorRoles` text NOT NULL, `actorTenantId` varchar(36) NULL, `actorPartnerId` varchar(10) NULL, `action` varchar(64) NOT NULL, `targetType` varchar(32) NOT NULL, `targetId` varchar(36) NOT NULL, `tenantId` varchar(36) NULL, `before` text NULL, `after` text NULL, `requestId` varchar(64) NOT NULL, INDEX `idx_audit_events_tenant` (`tenantId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `idempotency_keys` (`id` varchar(36) NOT NULL, `callerHash` varchar(64) NOT NULL, `operation` varchar(64) NOT NULL, `key` varchar(255) NOT NULL, `requestHash` varchar(64) NOT NULL, `resultId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_idempotency_keys_created` (`createdAt`), UNIQUE INDEX `uq_idempotency_keys_scope` (`callerHash`, `operation`, `key`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `offers` (`id` varchar(36) NOT NULL, `sku` varchar(64) NOT NULL, `name` varchar(200) NOT NULL, `minQuantity` int NOT NULL, `maxQuantity` int NOT NULL, `unitPriceCents` int NOT NULL, `currency` varchar(3) NOT NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_offers_sku` (`sku`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `offer_authorizations` (`id` varchar(36) NOT NULL, `partnerId` varchar(10) NOT NULL, `offerId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_offer_authorizations_offer` (`offerId`), UNIQUE INDEX `uq_offer_authorizations_partner_offer` (`partnerId`, `offerId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `partners` (`id` varchar(10) NOT NULL, `name` varchar(200) NOT NULL, `countryCode` varchar(2) NOT NULL, `isReseller` tinyint NOT NULL DEFAULT 0, `isAdvisor` tinyint NOT NULL DEFAULT 0, `createdAt` datetime(3) NOT NULL, INDEX `idx_partners_advisor` (`isAdvisor`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `reseller_invitations` (`id` varchar(36) NOT NULL, `code` varchar(64) NOT NULL, `partnerId` varchar(10) NOT NULL, `expiresAt` datetime(3) NOT NULL, `acceptedByTenantId` varchar(36) NULL, `acceptedAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_reseller_invitations_code` (`code`), INDEX `idx_reseller_invitations_partner` (`partnerId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `reseller_relationships` (`id` varchar(36) NOT NULL, `partnerId` varchar(10) NOT NULL, `tenantId` varchar(36) NOT NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_reseller_relationships_tenant` (`tenantId`), UNIQUE INDEX `uq_reseller_relationships_partner_tenant` (`partnerId`, `tenantId`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `subscriptions` (`id` varchar(36) NOT NULL, `tenantId` varchar(36) NOT NULL, `offerId` varchar(36) NOT NULL, `quantity` int NOT NULL, `status` varchar(16) NOT NULL, `channel` varchar(16) NOT NULL, `resellerId` varchar(10) NULL, `partnerOfRecordId` varchar(10) NULL, `suspendedAt` datetime(3) NULL, `dataRetentionEndsAt` datetime(3) NULL, `liveKey` varchar(4) NULL, `version` int NOT NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, INDEX `idx_subscriptions_retention` (`status`, `dataRetentionEndsAt`), INDEX `idx_subscriptions_reseller` (`resellerId`, `tenantId`), INDEX `idx_subscriptions_partner_of_record` (`partnerOfRecordId`, `tenantId`), INDEX `idx_subscriptions_tenant` (`tenantId`, `id`), UNIQUE INDEX `uq_subscriptions_live_offer_channel` (`tenantId`, `offerId`, `channel`, `liveKey`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `tenants` (`id` varchar(36) NOT NULL, `name` varchar(200) NOT NULL, `domain` varchar(253) NOT NULL, `countryCode` varchar(2) NOT NULL, `billingManagedById` varchar(10) NULL, `createdAt` datetime(3) NOT NULL, UNIQUE INDEX `uq_tenants_domain` (`domain`), INDEX `idx_tenants_billing_managed_by` (`billingManagedById`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_tenants_billing_managed_by` ON `tenants`");
    await queryRunner.query("DROP INDEX `uq_tenants_domain` ON `tenants`");
    await queryRunner.query("DROP TABLE `tenants`");
    await queryRunner.query("DROP INDEX `uq_subscriptions_live_offer_channel` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `idx_subscriptions_tenant` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `idx_subscriptions_partner_of_record` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `idx_subscriptions_reseller` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `idx_subscriptions_retention` ON `subscriptions`");
    await queryRunner.query("DROP TABLE `subscriptions`");
    await queryRunner.query("DROP INDEX `uq_reseller_relationships_partner_tenant` ON `reseller_relationships`");
    await queryRunner.query("DROP INDEX `idx_reseller_relationships_tenant` ON `reseller_relationships`");
    await queryRunner.query("DROP TABLE `reseller_relationships`");
    await queryRunner.query("DROP INDEX `idx_reseller_invitations_partner` ON `reseller_invitations`");
    await queryRunner.query("DROP INDEX `uq_reseller_invitations_code` ON `reseller_invitations`");
    await queryRunner.query("DROP TABLE `reseller_invitations`");
    await queryRunner.query("DROP INDEX `idx_partners_advisor` ON `partners`");
    await queryRunner.query("DROP TABLE `partners`");
    await queryRunner.query("DROP INDEX `uq_offer_authorizations_partner_offer` ON `offer_authorizations`");
    await queryRunner.query("DROP INDEX `idx_offer_authorizations_offer` ON `offer_authorizations`");
    await queryRunner.query("DROP TABLE `offer_authorizations`");
    await queryRunner.query("DROP INDEX `uq_offers_sku` ON `offers`");
    await queryRunner.query("DROP TABLE `offers`");
    await queryRunner.query("DROP INDEX `uq_idempotency_keys_scope` ON `idempotency_keys`");
    await queryRunner.query("DROP INDEX `idx_idempotency_keys_created` ON `idempotency_keys`");
    await queryRunner.query("DROP TABLE `idempotency_keys`");
    await queryRunner.query("DROP INDEX `idx_audit_events_tenant` ON `audit_events`");
    await queryRunner.query("DROP TABLE `audit_events`");
  }
}
