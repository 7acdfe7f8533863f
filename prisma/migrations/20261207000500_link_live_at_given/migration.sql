-- A byline or tag inserted with its story's publication time keeps it, as a story inserted with
-- its search vector keeps that: the archive's COPY knows each story's and sends it along, where the
-- trigger's lookup of the story, once per row, was most of the cost of loading a million stories'
-- links. The application never gives one: its inserts take the story's, and a link moved to
-- another story always does. The archive loader checks a sample against the story afterwards.
DROP TRIGGER "StoryAuthor_liveAt" ON "StoryAuthor";
DROP TRIGGER "StoryTag_liveAt" ON "StoryTag";

CREATE TRIGGER "StoryAuthor_liveAt_insert" BEFORE INSERT ON "StoryAuthor"
  FOR EACH ROW WHEN (NEW."liveAt" IS NULL) EXECUTE FUNCTION "story_link_live_at"();
CREATE TRIGGER "StoryAuthor_liveAt_move" BEFORE UPDATE OF "storyId" ON "StoryAuthor"
  FOR EACH ROW EXECUTE FUNCTION "story_link_live_at"();
CREATE TRIGGER "StoryTag_liveAt_insert" BEFORE INSERT ON "StoryTag"
  FOR EACH ROW WHEN (NEW."liveAt" IS NULL) EXECUTE FUNCTION "story_link_live_at"();
CREATE TRIGGER "StoryTag_liveAt_move" BEFORE UPDATE OF "storyId" ON "StoryTag"
  FOR EACH ROW EXECUTE FUNCTION "story_link_live_at"();
