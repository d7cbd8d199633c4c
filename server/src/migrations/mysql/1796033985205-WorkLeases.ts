import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkLeases1796033985205 implements MigrationInterface {
  name = 'WorkLeases1796033985205';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `work_leases` (`kind` varchar(32) COLLATE \"utf8mb4_bin\" NOT NULL, `itemId` varchar(36) COLLATE \"utf8mb4_bin\" NOT NULL, `owner` varchar(64) COLLATE \"utf8mb4_bin\" NOT NULL, `expiresAt` datetime(3) NOT NULL, INDEX `idx_work_leases_expires` (`expiresAt`), PRIMARY KEY (`kind`, `itemId`)) ENGINE=InnoDB");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_work_leases_expires` ON `work_leases`");
    await queryRunner.query("DROP TABLE `work_leases`");
  }
}
