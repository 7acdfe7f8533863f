-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "takedownReason" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "takenDownAt" TIMESTAMP(3),
ADD COLUMN     "takenDownById" TEXT;

-- CreateTable
CREATE TABLE "FrontPurge" (
    "id" BIGSERIAL NOT NULL,
    "front" TEXT NOT NULL,
    "keys" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "nextAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT NOT NULL DEFAULT '',
    "sentAt" TIMESTAMP(3),

    CONSTRAINT "FrontPurge_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "FrontPurge_sentAt_nextAt_idx" ON "FrontPurge"("sentAt", "nextAt");


-- A story's links carry its publication time while readers may see it: published, with a section,
-- and not taken down for legal reasons. One function says so for both triggers.
CREATE FUNCTION "story_live_at"(status "StoryStatus", published TIMESTAMP(3), section TEXT, taken_down TIMESTAMP(3))
  RETURNS TIMESTAMP(3) LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN status = 'PUBLISHED' AND section IS NOT NULL AND taken_down IS NULL THEN published END
$$;

CREATE OR REPLACE FUNCTION "story_link_live_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  SELECT "story_live_at"(s."status", s."publishedAt", s."sectionId", s."takenDownAt")
    INTO NEW."liveAt" FROM "Story" s WHERE s."id" = NEW."storyId";
  RETURN NEW;
END $$;

CREATE OR REPLACE FUNCTION "story_live_at_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  live TIMESTAMP(3) := "story_live_at"(NEW."status", NEW."publishedAt", NEW."sectionId", NEW."takenDownAt");
BEGIN
  UPDATE "StoryAuthor" SET "liveAt" = live WHERE "storyId" = NEW."id" AND "liveAt" IS DISTINCT FROM live;
  UPDATE "StoryTag" SET "liveAt" = live WHERE "storyId" = NEW."id" AND "liveAt" IS DISTINCT FROM live;
  RETURN NULL;
END $$;

DROP TRIGGER "Story_liveAt" ON "Story";
CREATE TRIGGER "Story_liveAt" AFTER UPDATE OF "status", "publishedAt", "sectionId", "takenDownAt" ON "Story"
  FOR EACH ROW
  WHEN (OLD."status" IS DISTINCT FROM NEW."status" OR OLD."publishedAt" IS DISTINCT FROM NEW."publishedAt"
        OR OLD."sectionId" IS DISTINCT FROM NEW."sectionId" OR OLD."takenDownAt" IS DISTINCT FROM NEW."takenDownAt")
  EXECUTE FUNCTION "story_live_at_changed"();
