-- CreateTable
CREATE TABLE "StoryPath" (
    "path" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StoryPath_pkey" PRIMARY KEY ("path")
);

-- CreateIndex
CREATE INDEX "StoryPath_storyId_idx" ON "StoryPath"("storyId");

-- AddForeignKey
ALTER TABLE "StoryPath" ADD CONSTRAINT "StoryPath_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Record the public path of every story as it is published. A trigger rather than application code
-- so that every way a story reaches PUBLISHED (Publish, a scheduled job, Publish update with a new
-- section, a slug change) leaves the same trail. A path reused by another story moves to it.
CREATE FUNCTION "record_story_path"() RETURNS trigger AS $$
BEGIN
  IF NEW."status" = 'PUBLISHED' AND NEW."sectionId" IS NOT NULL THEN
    INSERT INTO "StoryPath" ("path", "storyId")
    SELECT s."slug" || '/' || NEW."slug", NEW."id" FROM "Section" s WHERE s."id" = NEW."sectionId"
    ON CONFLICT ("path") DO UPDATE SET "storyId" = EXCLUDED."storyId";
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "story_path_on_publish"
AFTER INSERT OR UPDATE OF "status", "slug", "sectionId" ON "Story"
FOR EACH ROW EXECUTE FUNCTION "record_story_path"();

INSERT INTO "StoryPath" ("path", "storyId")
SELECT sec."slug" || '/' || st."slug", st."id"
FROM "Story" st JOIN "Section" sec ON sec."id" = st."sectionId"
WHERE st."status" = 'PUBLISHED'
ON CONFLICT ("path") DO NOTHING;
