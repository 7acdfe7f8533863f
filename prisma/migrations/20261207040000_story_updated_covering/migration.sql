-- The desk's newest-updated list, walked in order with each story's status and section read from
-- the index itself: a tag's stories are found by walking it and testing each id against the tag's
-- links (lib/data/desk.ts). Covering (INCLUDE), so written here: schema.prisma cannot describe it.
DROP INDEX "Story_updatedAt_idx";
CREATE INDEX "Story_updatedAt_id_idx" ON "Story" ("updatedAt" DESC, "id" DESC) INCLUDE ("status", "sectionId");
