import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796033601869 implements MigrationInterface {
  name = 'Webhooks1796033601869';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `webhook_deliveries` (`id` varchar(36) COLLATE \"utf8mb4_bin\" NOT NULL, `endpointId` varchar(36) COLLATE \"utf8mb4_bin\" NOT NULL, `eventId` varchar(36) COLLATE \"utf8mb4_bin\" NOT NULL, `status` varchar(16) COLLATE \"utf8mb4_bin\" NOT NULL, `attempts` int NOT NULL, `nextAttemptAt` datetime(3) NULL, `lastAttemptAt` datetime(3) NULL, `lastResponseStatus` int NULL, `lastError` varchar(1024) COLLATE \"utf8mb4_bin\" NULL, `lastResponseBody` varchar(1024) COLLATE \"utf8mb4_bin\" NULL, `leaseOwner` varchar(64) COLLATE \"utf8mb4_bin\" NULL, `leaseExpiresAt` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, INDEX `idx_webhook_deliveries_created` (`createdAt`), INDEX `idx_webhook_deliveries_due` (`status`, `nextAttemptAt`), INDEX `idx_webhook_deliveries_endpoint_status` (`endpointId`, `status`, `id`), INDEX `idx_webhook_deliveries_endpoint` (`endpointId`, `id`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("CREATE TABLE `webhook_endpoints` (`id` varchar(36) COLLATE \"utf8mb4_bin\" NOT NULL, `ownerKey` varchar(48) COLLATE \"utf8mb4_bin\" NOT NULL, `url` varchar(2048) COLLATE \"utf8mb4_bin\" NOT NULL, `eventTypes` text COLLATE \"utf8mb4_bin\" NOT NULL, `description` varchar(255) COLLATE \"utf8mb4_bin\" NOT NULL, `enabled` tinyint NOT NULL DEFAULT 1, `disabledReason` varchar(255) COLLATE \"utf8mb4_bin\" NULL, `secret` varchar(64) COLLATE \"utf8mb4_bin\" NOT NULL, `previousSecret` varchar(64) COLLATE \"utf8mb4_bin\" NULL, `previousSecretExpiresAt` datetime(3) NULL, `failingSince` datetime(3) NULL, `createdAt` datetime(3) NOT NULL, `updatedAt` datetime(3) NOT NULL, `version` int NOT NULL, INDEX `idx_webhook_endpoints_owner` (`ownerKey`, `enabled`), PRIMARY KEY (`id`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_webhook_endpoints_owner` ON `webhook_endpoints`");
    await queryRunner.query("DROP TABLE `webhook_endpoints`");
    await queryRunner.query("DROP INDEX `idx_webhook_deliveries_endpoint` ON `webhook_deliveries`");
    await queryRunner.query("DROP INDEX `idx_webhook_deliveries_endpoint_status` ON `webhook_deliveries`");
    await queryRunner.query("DROP INDEX `idx_webhook_deliveries_due` ON `webhook_deliveries`");
    await queryRunner.query("DROP INDEX `idx_webhook_deliveries_created` ON `webhook_deliveries`");
    await queryRunner.query("DROP TABLE `webhook_deliveries`");
  }
}
