import { Initial1795216470353 } from './1795216470353-Initial';
import { AuditEventPartners1796027831495 } from './1796027831495-AuditEventPartners';
import { ExactTextAndSearch1796028044974 } from './1796028044974-ExactTextAndSearch';
import { Webhooks1796033601869 } from './1796033601869-Webhooks';
import { WorkLeases1796033985205 } from './1796033985205-WorkLeases';
import { ResellerRelationshipVersion1796034187583 } from './1796034187583-ResellerRelationshipVersion';
import { Terms1796598671732 } from './1796598671732-Terms';

/** In order of application. */
export const mysqlMigrations: Function[] = [Initial1795216470353, AuditEventPartners1796027831495, ExactTextAndSearch1796028044974, Webhooks1796033601869, WorkLeases1796033985205, ResellerRelationshipVersion1796034187583, Terms1796598671732];
