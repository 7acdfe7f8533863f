-- Writing together takes in the story's text fields (headline, dek, SEO title and description,
-- credit line, dateline). The document's hash now covers them with the body, so every stored
-- document takes its story's fields in as a forward edit the next time it is opened.
ALTER TABLE "StoryDoc" RENAME COLUMN "bodyHash" TO "sourceHash";
ALTER TABLE "StoryDoc" RENAME CONSTRAINT "StoryDoc_bodyHash_not_null" TO "StoryDoc_sourceHash_not_null";

-- A write of any of them from outside the document is announced as "story-doc:<id>".
DROP TRIGGER "story_body_changed" ON "Story";
DROP FUNCTION "masthead_story_body_changed"();

CREATE FUNCTION "masthead_story_doc_changed"() RETURNS trigger AS $$
BEGIN
  PERFORM pg_notify('masthead_cache', 'story-doc:' || NEW."id");
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER "story_doc_changed" AFTER UPDATE OF "body", "headline", "dek", "seoTitle", "seoDescription", "creditLine", "dateline" ON "Story"
  FOR EACH ROW WHEN (
    OLD."body" IS DISTINCT FROM NEW."body" OR OLD."headline" IS DISTINCT FROM NEW."headline" OR OLD."dek" IS DISTINCT FROM NEW."dek"
    OR OLD."seoTitle" IS DISTINCT FROM NEW."seoTitle" OR OLD."seoDescription" IS DISTINCT FROM NEW."seoDescription"
    OR OLD."creditLine" IS DISTINCT FROM NEW."creditLine" OR OLD."dateline" IS DISTINCT FROM NEW."dateline")
  EXECUTE FUNCTION "masthead_story_doc_changed"();
