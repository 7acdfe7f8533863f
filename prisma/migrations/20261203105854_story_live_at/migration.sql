-- DropIndex
DROP INDEX "Story_status_publishedAt_idx";

-- DropIndex
DROP INDEX "Story_sectionId_idx";

-- DropIndex
DROP INDEX "StoryAuthor_userId_idx";

-- DropIndex
DROP INDEX "StoryTag_tagId_idx";

-- AlterTable
ALTER TABLE "StoryAuthor" ADD COLUMN     "liveAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "StoryTag" ADD COLUMN     "liveAt" TIMESTAMP(3);

-- CreateIndex
CREATE INDEX "Story_status_publishedAt_id_idx" ON "Story"("status", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Story_sectionId_status_publishedAt_id_idx" ON "Story"("sectionId", "status", "publishedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "Story_publicUpdatedAt_idx" ON "Story"("publicUpdatedAt");

-- CreateIndex
CREATE INDEX "StoryAuthor_userId_liveAt_storyId_idx" ON "StoryAuthor"("userId", "liveAt" DESC, "storyId");

-- CreateIndex
CREATE INDEX "StoryTag_tagId_liveAt_storyId_idx" ON "StoryTag"("tagId", "liveAt" DESC, "storyId");


-- Bylines and tags carry their story's publication time while it is live (published, with a
-- section), so that an author's or a tag's newest stories are read from one index, however large
-- the archive. Triggers keep the copy: whichever code path inserts a link or changes a story.
UPDATE "StoryAuthor" sa SET "liveAt" = s."publishedAt"
FROM "Story" s WHERE s."id" = sa."storyId" AND s."status" = 'PUBLISHED' AND s."sectionId" IS NOT NULL;
UPDATE "StoryTag" st SET "liveAt" = s."publishedAt"
FROM "Story" s WHERE s."id" = st."storyId" AND s."status" = 'PUBLISHED' AND s."sectionId" IS NOT NULL;

CREATE FUNCTION "story_link_live_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT CASE WHEN s."status" = 'PUBLISHED' AND s."sectionId" IS NOT NULL THEN s."publishedAt" END
    INTO NEW."liveAt" FROM "Story" s WHERE s."id" = NEW."storyId";
  RETURN NEW;
END $$;

CREATE TRIGGER "StoryAuthor_liveAt" BEFORE INSERT OR UPDATE OF "storyId" ON "StoryAuthor"
  FOR EACH ROW EXECUTE FUNCTION "story_link_live_at"();
CREATE TRIGGER "StoryTag_liveAt" BEFORE INSERT OR UPDATE OF "storyId" ON "StoryTag"
  FOR EACH ROW EXECUTE FUNCTION "story_link_live_at"();

CREATE FUNCTION "story_live_at_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  live TIMESTAMP(3) := CASE WHEN NEW."status" = 'PUBLISHED' AND NEW."sectionId" IS NOT NULL THEN NEW."publishedAt" END;
BEGIN
  UPDATE "StoryAuthor" SET "liveAt" = live WHERE "storyId" = NEW."id" AND "liveAt" IS DISTINCT FROM live;
  UPDATE "StoryTag" SET "liveAt" = live WHERE "storyId" = NEW."id" AND "liveAt" IS DISTINCT FROM live;
  RETURN NULL;
END $$;

CREATE TRIGGER "Story_liveAt" AFTER UPDATE OF "status", "publishedAt", "sectionId" ON "Story"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt" OR OLD."sectionId" IS DISTINCT FROM NEW."sectionId")
  EXECUTE FUNCTION "story_live_at_changed"();
