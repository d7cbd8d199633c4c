import type { MigrationInterface, QueryRunner } from 'typeorm';
import { fillTerms } from '../fill-terms';

/**
 * Terms and the test clock (SPEC §8): the new columns are added nullable, filled in code (anchored month
 * arithmetic), then made NOT NULL. The test clock starts at offset 0; the upgrade reads the wall clock, which is
 * domain time on a database that had no test clock.
 */
export class Terms1796598671732 implements MigrationInterface {
  name = 'Terms1796598671732';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `test_clock` (`id` int NOT NULL, `offsetSeconds` int NOT NULL, `movedAt` datetime(3) NULL, PRIMARY KEY (`id`)) ENGINE=InnoDB");
    await queryRunner.query("ALTER TABLE `offers` ADD `terms` text COLLATE \"utf8mb4_bin\" NULL");
    await queryRunner.query("ALTER TABLE `subscriptions` ADD `termDuration` varchar(3) COLLATE \"utf8mb4_bin\" NULL, ADD `billingCycle` varchar(10) COLLATE \"utf8mb4_bin\" NULL, ADD `autoRenew` tinyint NULL, ADD `termStartsAt` datetime(3) NULL, ADD `termEndsAt` datetime(3) NULL, ADD `termMonths` int NULL, ADD `licenceBlocks` text COLLATE \"utf8mb4_bin\" NULL, ADD `scheduledChange` text COLLATE \"utf8mb4_bin\" NULL, ADD `termNoticePending` tinyint NULL, ADD `cancelledAt` datetime(3) NULL, ADD `expiredAt` datetime(3) NULL");
    await queryRunner.query("INSERT INTO `test_clock` (`id`, `offsetSeconds`) VALUES (1, 0)");
    await fillTerms(queryRunner, new Date());
    await queryRunner.query("ALTER TABLE `offers` CHANGE `terms` `terms` text COLLATE \"utf8mb4_bin\" NOT NULL");
    await queryRunner.query("ALTER TABLE `subscriptions` CHANGE `termDuration` `termDuration` varchar(3) COLLATE \"utf8mb4_bin\" NOT NULL, CHANGE `billingCycle` `billingCycle` varchar(10) COLLATE \"utf8mb4_bin\" NOT NULL, CHANGE `autoRenew` `autoRenew` tinyint NOT NULL, CHANGE `termStartsAt` `termStartsAt` datetime(3) NOT NULL, CHANGE `termEndsAt` `termEndsAt` datetime(3) NOT NULL, CHANGE `termMonths` `termMonths` int NOT NULL, CHANGE `licenceBlocks` `licenceBlocks` text COLLATE \"utf8mb4_bin\" NOT NULL, CHANGE `termNoticePending` `termNoticePending` tinyint NOT NULL");
    await queryRunner.query("CREATE INDEX `idx_subscriptions_term_notice` ON `subscriptions` (`termNoticePending`, `termEndsAt`)");
    await queryRunner.query("CREATE INDEX `idx_subscriptions_term_end` ON `subscriptions` (`status`, `termEndsAt`)");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_subscriptions_term_end` ON `subscriptions`");
    await queryRunner.query("DROP INDEX `idx_subscriptions_term_notice` ON `subscriptions`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `expiredAt`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `cancelledAt`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `termNoticePending`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `scheduledChange`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `licenceBlocks`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `termMonths`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `termEndsAt`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `termStartsAt`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `autoRenew`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `billingCycle`");
    await queryRunner.query("ALTER TABLE `subscriptions` DROP COLUMN `termDuration`");
    await queryRunner.query("ALTER TABLE `offers` DROP COLUMN `terms`");
    await queryRunner.query("DROP TABLE `test_clock`");
  }
}
