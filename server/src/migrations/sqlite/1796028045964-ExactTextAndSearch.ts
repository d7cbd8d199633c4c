import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch } from '../../domain/rules';
import { hashIdempotencyKey } from '../../entities/idempotency-key';
import { fillColumnInCode } from '../fill-column-in-code';

const IDEMPOTENCY_KEYS_WITH = (keyColumn: string) =>
  `("id" varchar(36) PRIMARY KEY NOT NULL, "callerHash" varchar(64) NOT NULL, "operation" varchar(64) NOT NULL, ${keyColumn}, "requestHash" varchar(64) NOT NULL, "resultId" varchar(36) NOT NULL, "createdAt" datetime(3) NOT NULL)`;
const TENANTS_WITH = (extra: string) =>
  `("id" varchar(36) PRIMARY KEY NOT NULL, "name" varchar(200) NOT NULL, "domain" varchar(253) NOT NULL, "countryCode" varchar(2) NOT NULL, "billingManagedById" varchar(10), "createdAt" datetime(3) NOT NULL${extra})`;
const TENANT_COLUMNS = '"id", "name", "domain", "countryCode", "billingManagedById", "createdAt"';

/**
 * SPEC §3 "Input text and identifiers", as on MySQL/MariaDB: SQLite already compares text byte for byte
 * (BINARY collation, no padding), so only the data changes here:
 * - idempotency keys are stored as their SHA-256 (keyHash), the form both databases compare exactly;
 * - tenants get `nameFolded`, the case-folded name that search matches, filled from the names already there.
 * SQLite cannot make a column NOT NULL in place: each table is rebuilt once its new column is filled.
 */
export class ExactTextAndSearch1796028045964 implements MigrationInterface {
  name = 'ExactTextAndSearch1796028045964';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('ALTER TABLE "idempotency_keys" ADD COLUMN "keyHash" varchar(64)');
    await fillColumnInCode(queryRunner, 'idempotency_keys', 'key', 'keyHash', hashIdempotencyKey);
    await queryRunner.query('DROP INDEX "uq_idempotency_keys_scope"');
    await queryRunner.query('DROP INDEX "idx_idempotency_keys_created"');
    await queryRunner.query(`CREATE TABLE "temporary_idempotency_keys" ${IDEMPOTENCY_KEYS_WITH('"keyHash" varchar(64) NOT NULL')}`);
    await queryRunner.query(
      'INSERT INTO "temporary_idempotency_keys"("id", "callerHash", "operation", "keyHash", "requestHash", "resultId", "createdAt") SELECT "id", "callerHash", "operation", "keyHash", "requestHash", "resultId", "createdAt" FROM "idempotency_keys"',
    );
    await queryRunner.query('DROP TABLE "idempotency_keys"');
    await queryRunner.query('ALTER TABLE "temporary_idempotency_keys" RENAME TO "idempotency_keys"');
    await queryRunner.query('CREATE INDEX "idx_idempotency_keys_created" ON "idempotency_keys" ("createdAt") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_idempotency_keys_scope" ON "idempotency_keys" ("callerHash", "operation", "keyHash") ');

    await queryRunner.query('ALTER TABLE "tenants" ADD COLUMN "nameFolded" varchar(800)');
    await fillColumnInCode(queryRunner, 'tenants', 'name', 'nameFolded', foldForSearch);
    await queryRunner.query('DROP INDEX "idx_tenants_billing_managed_by"');
    await queryRunner.query('DROP INDEX "uq_tenants_domain"');
    await queryRunner.query(`CREATE TABLE "temporary_tenants" ${TENANTS_WITH(', "nameFolded" varchar(800) NOT NULL')}`);
    await queryRunner.query(
      `INSERT INTO "temporary_tenants"(${TENANT_COLUMNS}, "nameFolded") SELECT ${TENANT_COLUMNS}, "nameFolded" FROM "tenants"`,
    );
    await queryRunner.query('DROP TABLE "tenants"');
    await queryRunner.query('ALTER TABLE "temporary_tenants" RENAME TO "tenants"');
    await queryRunner.query('CREATE INDEX "idx_tenants_billing_managed_by" ON "tenants" ("billingManagedById") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_tenants_domain" ON "tenants" ("domain") ');
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query('DROP INDEX "idx_tenants_billing_managed_by"');
    await queryRunner.query('DROP INDEX "uq_tenants_domain"');
    await queryRunner.query(`CREATE TABLE "temporary_tenants" ${TENANTS_WITH('')}`);
    await queryRunner.query(`INSERT INTO "temporary_tenants"(${TENANT_COLUMNS}) SELECT ${TENANT_COLUMNS} FROM "tenants"`);
    await queryRunner.query('DROP TABLE "tenants"');
    await queryRunner.query('ALTER TABLE "temporary_tenants" RENAME TO "tenants"');
    await queryRunner.query('CREATE INDEX "idx_tenants_billing_managed_by" ON "tenants" ("billingManagedById") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_tenants_domain" ON "tenants" ("domain") ');

    // A hash gives no key back: the stored keys (a replay window of hours) are dropped with it.
    await queryRunner.query('DROP INDEX "uq_idempotency_keys_scope"');
    await queryRunner.query('DROP INDEX "idx_idempotency_keys_created"');
    await queryRunner.query('DROP TABLE "idempotency_keys"');
    await queryRunner.query(`CREATE TABLE "idempotency_keys" ${IDEMPOTENCY_KEYS_WITH('"key" varchar(255) NOT NULL')}`);
    await queryRunner.query('CREATE INDEX "idx_idempotency_keys_created" ON "idempotency_keys" ("createdAt") ');
    await queryRunner.query('CREATE UNIQUE INDEX "uq_idempotency_keys_scope" ON "idempotency_keys" ("callerHash", "operation", "key") ');
  }
}
