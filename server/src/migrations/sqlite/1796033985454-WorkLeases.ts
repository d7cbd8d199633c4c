import type { MigrationInterface, QueryRunner } from 'typeorm';

export class WorkLeases1796033985454 implements MigrationInterface {
  name = 'WorkLeases1796033985454';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"work_leases\" (\"kind\" varchar(32) NOT NULL, \"itemId\" varchar(36) NOT NULL, \"owner\" varchar(64) NOT NULL, \"expiresAt\" datetime(3) NOT NULL, PRIMARY KEY (\"kind\", \"itemId\"))");
    await queryRunner.query("CREATE INDEX \"idx_work_leases_expires\" ON \"work_leases\" (\"expiresAt\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_work_leases_expires\"");
    await queryRunner.query("DROP TABLE \"work_leases\"");
  }
}
