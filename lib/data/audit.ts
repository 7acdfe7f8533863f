import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

type AuditInput = {
  actorId: string | null;
  action: string;
  entityType: 'user' | 'story';
  entityId: string;
  storyId?: string;
  fromState?: string | null;
  toState?: string | null;
  note?: string;
};

/** Writes an audit event inside the caller's transaction, so the change and its record land together. */
export function recordAudit(tx: Prisma.TransactionClient, event: AuditInput) {
  return tx.auditEvent.create({ data: { ...event, note: event.note ?? '' } });
}
