import type { AuditEvent } from '../../entities';

/** What a receiver gets (SPEC §6). The actor is shown as its organisation only, never its token subject. */
export interface WebhookPayload {
  id: string;
  type: string;
  createdAt: string;
  tenantId: string | null;
  actor: { tenantId: string | null; partnerId: string | null };
  target: { type: string; id: string };
  data: { before: Record<string, unknown> | null; after: Record<string, unknown> | null };
}

function webhookPayload(event: AuditEvent): WebhookPayload {
  return {
    id: event.id,
    type: event.action,
    createdAt: event.at.toISOString(),
    tenantId: event.tenantId,
    actor: { tenantId: event.actorTenantId, partnerId: event.actorPartnerId },
    target: { type: event.targetType, id: event.targetId },
    data: { before: event.before, after: event.after },
  };
}

/** The body bytes, serialised once: the signature is computed over exactly the bytes sent. */
export const webhookBody = (event: AuditEvent): Buffer => Buffer.from(JSON.stringify(webhookPayload(event)));
