import type { MigrationInterface, QueryRunner } from 'typeorm';

export class ResellerRelationshipVersion1796034187583 implements MigrationInterface {
  name = 'ResellerRelationshipVersion1796034187583';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `reseller_relationships` ADD `version` int NOT NULL DEFAULT '1'");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `reseller_relationships` DROP COLUMN `version`");
  }
}
