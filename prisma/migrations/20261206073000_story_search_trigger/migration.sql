-- A story's search vector is kept by PostgreSQL as its text is written: in the same row write as
-- the text (a save used to write the row a second time to refresh it), and only when the headline,
-- dek or plain text changed. A row inserted with its vector (the archive's COPY computes them
-- outside) keeps it.
CREATE FUNCTION "story_search_vector"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('english', coalesce(NEW."headline", '')), 'A') ||
    setweight(to_tsvector('english', coalesce(NEW."dek", '')), 'B') ||
    setweight(to_tsvector('english', coalesce(NEW."plainText", '')), 'C');
  RETURN NEW;
END $$;

CREATE TRIGGER "Story_search_insert" BEFORE INSERT ON "Story"
  FOR EACH ROW WHEN (NEW."searchVector" IS NULL) EXECUTE FUNCTION "story_search_vector"();
CREATE TRIGGER "Story_search_update" BEFORE UPDATE OF "headline", "dek", "plainText" ON "Story"
  FOR EACH ROW WHEN (OLD."headline" IS DISTINCT FROM NEW."headline" OR OLD."dek" IS DISTINCT FROM NEW."dek" OR OLD."plainText" IS DISTINCT FROM NEW."plainText")
  EXECUTE FUNCTION "story_search_vector"();
