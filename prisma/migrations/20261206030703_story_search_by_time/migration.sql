-- CreateExtension
CREATE EXTENSION IF NOT EXISTS "btree_gin";

-- DropIndex
DROP INDEX "Story_searchVector_idx";

-- CreateIndex
CREATE INDEX "Story_searchVector_publishedAt_updatedAt_idx" ON "Story" USING GIN ("searchVector", "publishedAt" timestamp_ops, "updatedAt" timestamp_ops);

