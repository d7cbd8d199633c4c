import type { MigrationInterface, QueryRunner } from 'typeorm';

export class Webhooks1796033602115 implements MigrationInterface {
  name = 'Webhooks1796033602115';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"webhook_deliveries\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"endpointId\" varchar(36) NOT NULL, \"eventId\" varchar(36) NOT NULL, \"status\" varchar(16) NOT NULL, \"attempts\" integer NOT NULL, \"nextAttemptAt\" datetime(3), \"lastAttemptAt\" datetime(3), \"lastResponseStatus\" integer, \"lastError\" varchar(1024), \"lastResponseBody\" varchar(1024), \"leaseOwner\" varchar(64), \"leaseExpiresAt\" datetime(3), \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_created\" ON \"webhook_deliveries\" (\"createdAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_due\" ON \"webhook_deliveries\" (\"status\", \"nextAttemptAt\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_endpoint_status\" ON \"webhook_deliveries\" (\"endpointId\", \"status\", \"id\") ");
    await queryRunner.query("CREATE INDEX \"idx_webhook_deliveries_endpoint\" ON \"webhook_deliveries\" (\"endpointId\", \"id\") ");
    await queryRunner.query("CREATE TABLE \"webhook_endpoints\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"ownerKey\" varchar(48) NOT NULL, \"url\" varchar(2048) NOT NULL, \"eventTypes\" text NOT NULL, \"description\" varchar(255) NOT NULL, \"enabled\" boolean NOT NULL DEFAULT (1), \"disabledReason\" varchar(255), \"secret\" varchar(64) NOT NULL, \"previousSecret\" varchar(64), \"previousSecretExpiresAt\" datetime(3), \"failingSince\" datetime(3), \"createdAt\" datetime(3) NOT NULL, \"updatedAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL)");
    await queryRunner.query("CREATE INDEX \"idx_webhook_endpoints_owner\" ON \"webhook_endpoints\" (\"ownerKey\", \"enabled\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_webhook_endpoints_owner\"");
    await queryRunner.query("DROP TABLE \"webhook_endpoints\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_endpoint\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_endpoint_status\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_due\"");
    await queryRunner.query("DROP INDEX \"idx_webhook_deliveries_created\"");
    await queryRunner.query("DROP TABLE \"webhook_deliveries\"");
  }
}
