import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEventPartners1796027831495 implements MigrationInterface {
  name = 'AuditEventPartners1796027831495';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE `audit_event_partners` (`partnerId` varchar(10) COLLATE utf8mb4_bin NOT NULL, `eventId` varchar(36) COLLATE utf8mb4_bin NOT NULL, `tenantId` varchar(36) COLLATE utf8mb4_bin NULL, INDEX `idx_audit_event_partners_tenant` (`partnerId`, `tenantId`, `eventId`), PRIMARY KEY (`partnerId`, `eventId`)) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin");
    // Events written before this table existed: the same partners AccessPolicy.partnersWhoSee names.
    await queryRunner.query("INSERT IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT actorPartnerId, id, tenantId FROM audit_events WHERE actorPartnerId IS NOT NULL");
    await queryRunner.query("INSERT IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT JSON_VALUE(`before`, '$.resellerId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND JSON_VALUE(`before`, '$.resellerId') IS NOT NULL");
    await queryRunner.query("INSERT IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT JSON_VALUE(`before`, '$.partnerOfRecordId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND JSON_VALUE(`before`, '$.partnerOfRecordId') IS NOT NULL");
    await queryRunner.query("INSERT IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT JSON_VALUE(`after`, '$.resellerId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND JSON_VALUE(`after`, '$.resellerId') IS NOT NULL");
    await queryRunner.query("INSERT IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT JSON_VALUE(`after`, '$.partnerOfRecordId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND JSON_VALUE(`after`, '$.partnerOfRecordId') IS NOT NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX `idx_audit_event_partners_tenant` ON `audit_event_partners`");
    await queryRunner.query("DROP TABLE `audit_event_partners`");
  }
}
