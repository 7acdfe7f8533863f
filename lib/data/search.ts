import 'server-only';
import type { Prisma } from '@/lib/generated/prisma/client';

// The full-text vector of a story: headline weighs most, then dek, then body. The migration that
// added the column back-fills it with the same expression.
export function refreshSearchVector(tx: Prisma.TransactionClient, storyId: string) {
  return tx.$executeRaw`
    UPDATE "Story" SET "searchVector" =
      setweight(to_tsvector('english', coalesce("headline", '')), 'A') ||
      setweight(to_tsvector('english', coalesce("dek", '')), 'B') ||
      setweight(to_tsvector('english', coalesce("plainText", '')), 'C')
    WHERE "id" = ${storyId}`;
}
