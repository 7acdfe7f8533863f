-- CreateTable
CREATE TABLE "LiveLinkCount" (
    "id" BIGSERIAL NOT NULL,
    "kind" TEXT NOT NULL,
    "ownerId" TEXT NOT NULL,
    "n" INTEGER NOT NULL,

    CONSTRAINT "LiveLinkCount_pkey" PRIMARY KEY ("id")
);


-- One row per tag or author a statement on the link tables changed: +1 for each link that became
-- live or was added live, -1 for each that stopped being live or was removed. A link counts while
-- its story is live ("liveAt" set, which the link triggers keep). One aggregate per statement, so
-- a COPY of an archive's links appends a row per tag or author, not one per link.
-- Arguments: the kind ("tag" or "author") and the link's column naming the tag or the person.
CREATE FUNCTION "live_link_count_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  owner text := TG_ARGV[1];
  changes text := CASE TG_OP
    WHEN 'INSERT' THEN format('SELECT %I AS id, 1 AS d FROM new_rows WHERE "liveAt" IS NOT NULL', owner)
    WHEN 'DELETE' THEN format('SELECT %I AS id, -1 AS d FROM old_rows WHERE "liveAt" IS NOT NULL', owner)
    ELSE format('SELECT %I AS id, 1 AS d FROM new_rows WHERE "liveAt" IS NOT NULL UNION ALL SELECT %I, -1 FROM old_rows WHERE "liveAt" IS NOT NULL', owner, owner)
  END;
BEGIN
  EXECUTE format('INSERT INTO "LiveLinkCount" ("kind", "ownerId", "n") SELECT $1, id, sum(d)::int FROM (%s) c GROUP BY id HAVING sum(d) <> 0', changes)
    USING TG_ARGV[0];
  RETURN NULL;
END $$;

CREATE TRIGGER "StoryTag_count_insert" AFTER INSERT ON "StoryTag" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_link_count_changed"('tag', 'tagId');
CREATE TRIGGER "StoryTag_count_update" AFTER UPDATE ON "StoryTag" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_link_count_changed"('tag', 'tagId');
CREATE TRIGGER "StoryTag_count_delete" AFTER DELETE ON "StoryTag" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_link_count_changed"('tag', 'tagId');
CREATE TRIGGER "StoryAuthor_count_insert" AFTER INSERT ON "StoryAuthor" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_link_count_changed"('author', 'userId');
CREATE TRIGGER "StoryAuthor_count_update" AFTER UPDATE ON "StoryAuthor" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_link_count_changed"('author', 'userId');
CREATE TRIGGER "StoryAuthor_count_delete" AFTER DELETE ON "StoryAuthor" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "live_link_count_changed"('author', 'userId');

-- What is live already.
INSERT INTO "LiveLinkCount" ("kind", "ownerId", "n")
  SELECT 'tag', "tagId", count(*)::int FROM "StoryTag" WHERE "liveAt" IS NOT NULL GROUP BY 2;
INSERT INTO "LiveLinkCount" ("kind", "ownerId", "n")
  SELECT 'author', "userId", count(*)::int FROM "StoryAuthor" WHERE "liveAt" IS NOT NULL GROUP BY 2;
