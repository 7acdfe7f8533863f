import type { Prisma } from '@/lib/generated/prisma/client';

// What a story readers may see is: published, at or after its publication time, in a section, and
// not taken down for legal reasons. Every public read asks this, in Prisma or in SQL; the database
// triggers that keep bylines' and tags' `liveAt` ask the same question in the SQL function
// "story_live_at" (migration legal_takedown_purge_outbox).

export const liveWhere = (): Prisma.StoryWhereInput => ({ status: 'PUBLISHED', publishedAt: { lte: new Date() }, sectionId: { not: null }, takenDownAt: null });

/** The same rule as a SQL condition on the "Story" row aliased `alias`. */
export const liveSql = (alias: string): string =>
  `${alias}."status" = 'PUBLISHED' AND ${alias}."publishedAt" <= now() AND ${alias}."sectionId" IS NOT NULL AND ${alias}."takenDownAt" IS NULL`;
