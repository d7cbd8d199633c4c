import type { MigrationInterface, QueryRunner } from 'typeorm';
import { foldForSearch } from '../../domain/rules';
import { hashIdempotencyKey } from '../../entities/idempotency-key';
import { fillColumnInCode } from '../fill-column-in-code';

/** Every text column of the schema before this migration, with its type and whether it may be NULL. */
const TEXT_COLUMNS: Record<string, [column: string, type: string, nullable: boolean][]> = {
  audit_events: [
    ['id', 'varchar(36)', false],
    ['actorSubject', 'varchar(255)', false],
    ['actorRoles', 'text', false],
    ['actorTenantId', 'varchar(36)', true],
    ['actorPartnerId', 'varchar(10)', true],
    ['action', 'varchar(64)', false],
    ['targetType', 'varchar(32)', false],
    ['targetId', 'varchar(36)', false],
    ['tenantId', 'varchar(36)', true],
    ['before', 'text', true],
    ['after', 'text', true],
    ['requestId', 'varchar(64)', false],
  ],
  idempotency_keys: [
    ['id', 'varchar(36)', false],
    ['callerHash', 'varchar(64)', false],
    ['operation', 'varchar(64)', false],
    ['key', 'varchar(255)', false],
    ['requestHash', 'varchar(64)', false],
    ['resultId', 'varchar(36)', false],
  ],
  offers: [
    ['id', 'varchar(36)', false],
    ['sku', 'varchar(64)', false],
    ['name', 'varchar(200)', false],
    ['currency', 'varchar(3)', false],
  ],
  offer_authorizations: [
    ['id', 'varchar(36)', false],
    ['partnerId', 'varchar(10)', false],
    ['offerId', 'varchar(36)', false],
  ],
  partners: [
    ['id', 'varchar(10)', false],
    ['name', 'varchar(200)', false],
    ['countryCode', 'varchar(2)', false],
  ],
  reseller_invitations: [
    ['id', 'varchar(36)', false],
    ['code', 'varchar(64)', false],
    ['partnerId', 'varchar(10)', false],
    ['acceptedByTenantId', 'varchar(36)', true],
  ],
  reseller_relationships: [
    ['id', 'varchar(36)', false],
    ['partnerId', 'varchar(10)', false],
    ['tenantId', 'varchar(36)', false],
  ],
  subscriptions: [
    ['id', 'varchar(36)', false],
    ['tenantId', 'varchar(36)', false],
    ['offerId', 'varchar(36)', false],
    ['status', 'varchar(16)', false],
    ['channel', 'varchar(16)', false],
    ['resellerId', 'varchar(10)', true],
    ['partnerOfRecordId', 'varchar(10)', true],
    ['liveKey', 'varchar(4)', true],
  ],
  tenants: [
    ['id', 'varchar(36)', false],
    ['name', 'varchar(200)', false],
    ['domain', 'varchar(253)', false],
    ['countryCode', 'varchar(2)', false],
    ['billingManagedById', 'varchar(10)', true],
  ],
};

const nullability = (nullable: boolean) => (nullable ? 'NULL' : 'NOT NULL');

/**
 * SPEC §3 "Input text and identifiers":
 * - every text column compares byte for byte (utf8mb4_bin) instead of taking the database's default
 *   collation, and so does each table by default;
 * - idempotency keys are stored as their SHA-256 (keyHash), which the binary collation's PAD SPACE cannot
 *   equate with another key;
 * - tenants get `nameFolded`, the case-folded name that search matches, filled from the names already there.
 */
export class ExactTextAndSearch1796028044974 implements MigrationInterface {
  name = 'ExactTextAndSearch1796028044974';

  public async up(queryRunner: QueryRunner): Promise<void> {
    for (const [table, columns] of Object.entries(TEXT_COLUMNS)) {
      const modify = columns.map(
        ([column, type, nullable]) => `MODIFY \`${column}\` ${type} CHARACTER SET utf8mb4 COLLATE utf8mb4_bin ${nullability(nullable)}`,
      );
      await queryRunner.query(`ALTER TABLE \`${table}\` DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_bin, ${modify.join(', ')}`);
    }

    await queryRunner.query("DROP INDEX `uq_idempotency_keys_scope` ON `idempotency_keys`");
    await queryRunner.query("ALTER TABLE `idempotency_keys` ADD `keyHash` varchar(64) COLLATE utf8mb4_bin NULL");
    await fillColumnInCode(queryRunner, 'idempotency_keys', 'key', 'keyHash', hashIdempotencyKey);
    await queryRunner.query("ALTER TABLE `idempotency_keys` MODIFY `keyHash` varchar(64) COLLATE utf8mb4_bin NOT NULL, DROP COLUMN `key`");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_idempotency_keys_scope` ON `idempotency_keys` (`callerHash`, `operation`, `keyHash`)");

    await queryRunner.query("ALTER TABLE `tenants` ADD `nameFolded` varchar(800) COLLATE utf8mb4_bin NULL");
    await fillColumnInCode(queryRunner, 'tenants', 'name', 'nameFolded', foldForSearch);
    await queryRunner.query("ALTER TABLE `tenants` MODIFY `nameFolded` varchar(800) COLLATE utf8mb4_bin NOT NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE `tenants` DROP COLUMN `nameFolded`");

    // A hash gives no key back: the stored keys (a replay window of hours) are dropped with it.
    await queryRunner.query("DELETE FROM `idempotency_keys`");
    await queryRunner.query("DROP INDEX `uq_idempotency_keys_scope` ON `idempotency_keys`");
    await queryRunner.query("ALTER TABLE `idempotency_keys` DROP COLUMN `keyHash`, ADD `key` varchar(255) NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX `uq_idempotency_keys_scope` ON `idempotency_keys` (`callerHash`, `operation`, `key`)");

    const [{ charset, collation }] = await queryRunner.query('SELECT @@character_set_database AS charset, @@collation_database AS collation');
    for (const table of Object.keys(TEXT_COLUMNS)) {
      await queryRunner.query(`ALTER TABLE \`${table}\` CONVERT TO CHARACTER SET ${charset} COLLATE ${collation}`);
    }
  }
}
