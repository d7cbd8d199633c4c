import { Initial1795216470726 } from './1795216470726-Initial';
import { AuditEventPartners1796027831865 } from './1796027831865-AuditEventPartners';
import { ExactTextAndSearch1796028045964 } from './1796028045964-ExactTextAndSearch';
import { Webhooks1796033602115 } from './1796033602115-Webhooks';
import { WorkLeases1796033985454 } from './1796033985454-WorkLeases';
import { ResellerRelationshipVersion1796034188589 } from './1796034188589-ResellerRelationshipVersion';
import { Terms1796598672539 } from './1796598672539-Terms';

/** In order of application. */
export const sqliteMigrations: Function[] = [Initial1795216470726, AuditEventPartners1796027831865, ExactTextAndSearch1796028045964, Webhooks1796033602115, WorkLeases1796033985454, ResellerRelationshipVersion1796034188589, Terms1796598672539];
