import type { MigrationInterface, QueryRunner } from 'typeorm';

export class AuditEventPartners1796027831865 implements MigrationInterface {
  name = 'AuditEventPartners1796027831865';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_event_partners\" (\"partnerId\" varchar(10) NOT NULL, \"eventId\" varchar(36) NOT NULL, \"tenantId\" varchar(36), PRIMARY KEY (\"partnerId\", \"eventId\"))");
    await queryRunner.query("CREATE INDEX \"idx_audit_event_partners_tenant\" ON \"audit_event_partners\" (\"partnerId\", \"tenantId\", \"eventId\") ");
    // Events written before this table existed: the same partners AccessPolicy.partnersWhoSee names.
    await queryRunner.query(`INSERT OR IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT actorPartnerId, id, tenantId FROM audit_events WHERE actorPartnerId IS NOT NULL`);
    await queryRunner.query(`INSERT OR IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT json_extract("before", '$.resellerId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND json_extract("before", '$.resellerId') IS NOT NULL`);
    await queryRunner.query(`INSERT OR IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT json_extract("before", '$.partnerOfRecordId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND json_extract("before", '$.partnerOfRecordId') IS NOT NULL`);
    await queryRunner.query(`INSERT OR IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT json_extract("after", '$.resellerId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND json_extract("after", '$.resellerId') IS NOT NULL`);
    await queryRunner.query(`INSERT OR IGNORE INTO audit_event_partners (partnerId, eventId, tenantId) SELECT json_extract("after", '$.partnerOfRecordId'), id, tenantId FROM audit_events WHERE targetType = 'Subscription' AND json_extract("after", '$.partnerOfRecordId') IS NOT NULL`);
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"idx_audit_event_partners_tenant\"");
    await queryRunner.query("DROP TABLE \"audit_event_partners\"");
  }
}
