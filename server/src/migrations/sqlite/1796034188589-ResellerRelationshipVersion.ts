import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResellerRelationshipVersion1796034188589 implements MigrationInterface {
  name = 'ResellerRelationshipVersion1796034188589';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"uq_reseller_relationships_partner_tenant\"");
    await queryRunner.query("DROP INDEX \"idx_reseller_relationships_tenant\"");
    await queryRunner.query("CREATE TABLE \"temporary_reseller_relationships\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnerId\" varchar(10) NOT NULL, \"tenantId\" varchar(36) NOT NULL, \"createdAt\" datetime(3) NOT NULL, \"version\" integer NOT NULL DEFAULT (1))");
    await queryRunner.query("INSERT INTO \"temporary_reseller_relationships\"(\"id\", \"partnerId\", \"tenantId\", \"createdAt\") SELECT \"id\", \"partnerId\", \"tenantId\", \"createdAt\" FROM \"reseller_relationships\"");
    await queryRunner.query("DROP TABLE \"reseller_relationships\"");
    await queryRunner.query("ALTER TABLE \"temporary_reseller_relationships\" RENAME TO \"reseller_relationships\"");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_reseller_relationships_partner_tenant\" ON \"reseller_relationships\" (\"partnerId\", \"tenantId\") ");
    await queryRunner.query("CREATE INDEX \"idx_reseller_relationships_tenant\" ON \"reseller_relationships\" (\"tenantId\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_reseller_relationships_tenant\"");
    await queryRunner.query("DROP INDEX \"uq_reseller_relationships_partner_tenant\"");
    await queryRunner.query("ALTER TABLE \"reseller_relationships\" RENAME TO \"temporary_reseller_relationships\"");
    await queryRunner.query("CREATE TABLE \"reseller_relationships\" (\"id\" varchar(36) PRIMARY KEY NOT NULL, \"partnerId\" varchar(10) NOT NULL, \"tenantId\" varchar(36) NOT NULL, \"createdAt\" datetime(3) NOT NULL)");
    await queryRunner.query("INSERT INTO \"reseller_relationships\"(\"id\", \"partnerId\", \"tenantId\", \"createdAt\") SELECT \"id\", \"partnerId\", \"tenantId\", \"createdAt\" FROM \"temporary_reseller_relationships\"");
    await queryRunner.query("DROP TABLE \"temporary_reseller_relationships\"");
    await queryRunner.query("CREATE INDEX \"idx_reseller_relationships_tenant\" ON \"reseller_relationships\" (\"tenantId\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"uq_reseller_relationships_partner_tenant\" ON \"reseller_relationships\" (\"partnerId\", \"tenantId\") ");
  }
}
