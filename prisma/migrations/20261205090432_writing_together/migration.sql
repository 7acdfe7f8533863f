-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "docSeq" INTEGER NOT NULL DEFAULT 0;

-- AlterTable
ALTER TABLE "Revision" ADD COLUMN     "editorIds" TEXT[] DEFAULT ARRAY[]::TEXT[];

-- CreateTable
CREATE TABLE "StoryDoc" (
    "storyId" TEXT NOT NULL,
    "state" BYTEA NOT NULL,
    "bodyHash" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "StoryDoc_pkey" PRIMARY KEY ("storyId")
);

-- AddForeignKey
ALTER TABLE "StoryDoc" ADD CONSTRAINT "StoryDoc_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- Writing together: a story body written by anything but the shared document's own store (a
-- restore, a wire update, a save without the document) is announced on the cache channel as
-- "story-body:<id>", so that the server holding the document open merges it in at once.
CREATE FUNCTION "masthead_story_body_changed"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('masthead_cache', 'story-body:' || NEW."id");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "story_body_changed" AFTER UPDATE OF "body" ON "Story"
  FOR EACH ROW WHEN (OLD."body" IS DISTINCT FROM NEW."body")
  EXECUTE FUNCTION "masthead_story_body_changed"();
