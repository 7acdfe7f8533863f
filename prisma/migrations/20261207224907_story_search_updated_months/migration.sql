-- The desk's search by last change (lib/data/search-window.ts), read as reader search is since
-- migration 20261207200000_story_search_months: through each story's words stamped with its month,
-- here the month of its last change. The words-and-times index it replaces held every story's
-- update time beside its words, yet "matches changed in the last 30 days" still read each word's
-- whole list of stories: at a million stories, about 20 ms per search however few the matches.
-- Every story, drafts included: the desk searches them all.
CREATE INDEX "Story_search_updated_months_idx" ON "Story" USING GIN (story_search_months("searchVector", "updatedAt"));

-- No search reads the times beside the words now; a search over every year needs only the words.
DROP INDEX "Story_searchVector_publishedAt_updatedAt_idx";
CREATE INDEX "Story_searchVector_idx" ON "Story" USING GIN ("searchVector");

-- btree_gin gave that index its time columns, and nothing else uses it.
DROP EXTENSION "btree_gin";
