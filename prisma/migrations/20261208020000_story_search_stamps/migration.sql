-- One search index instead of three (lib/data/search-window.ts). Reader search read a window of
-- months through published stories' words stamped with their month of publication, the desk's
-- search through every story's words stamped with their month of last change, and a search over
-- every year through the plain words. Each index is built again after a large load and kept up on
-- every save: at a million stories the three took about 130 s to build. This one index holds each
-- story's words once or twice, and serves all three reads.
--
-- A stamp follows its word: "fishing" of a story published in December 2026 and last changed in
-- January 2027 is held as 'fish p202612' (publication) and 'fish u202701' (last change). A story
-- last changed in its month of publication, as most are, holds the first only, and a draft the
-- second only: a search by last change reads both. Word first, so that each word's months lie side
-- by side in the index, and every month of one word is read as the prefix 'fish p' (a word's
-- entries for the whole archive, as the plain index held them). No word holds a space: the space
-- keeps one word's stamps apart from a longer word's.

-- A story's words with their stamps (positions and weights dropped: a search still tests the
-- story's own vector when its query needs them). The search path is fixed because PostgreSQL builds
-- and maintains an index with only its own catalog on the path.
CREATE FUNCTION story_search_stamps(words tsvector, published boolean, published_at timestamp, updated_at timestamp) RETURNS tsvector
  LANGUAGE sql IMMUTABLE PARALLEL SAFE SET search_path FROM CURRENT
  AS $$
    SELECT array_to_tsvector(ARRAY(
      SELECT w || s FROM unnest(tsvector_to_array(words)) w,
        unnest(CASE
          WHEN NOT published OR published_at IS NULL THEN ARRAY[' u' || story_search_month(updated_at)]
          WHEN story_search_month(published_at) = story_search_month(updated_at) THEN ARRAY[' p' || story_search_month(published_at)]
          ELSE ARRAY[' p' || story_search_month(published_at), ' u' || story_search_month(updated_at)] END) s))
  $$;

-- A query for the words with any of `stamps` ('{p}': published stories by publication; '{u,p}':
-- every story by last change) in the months from `since` to `until`, or in any month when `since`
-- is null: each word becomes "that word in any of those months" ('fish' & 'emiss' → ('fish p202611'
-- | 'fish p202612') & (…)). By publication this finds exactly the matching published stories of
-- those months, for words, and, or and not. By last change it also finds stories published in those
-- months and changed after them: the search tests the time of each. The stamped words have no
-- positions, so a phrase ('fish' <-> 'quota') becomes its words ('fish' & 'quota', after querytree
-- has dropped its exclusions, which a phrase cannot take as they are); a word's prefix ('fish':*)
-- or weight (:A) finds every story holding the word in any month. Each finds more stories than the
-- query, and the search tests those against the story's own vector.
CREATE FUNCTION story_search_stamps_query(query tsquery, stamps text[], since timestamp, until timestamp) RETURNS tsquery
  LANGUAGE sql IMMUTABLE PARALLEL SAFE
  AS $$
    SELECT string_agg(CASE
        WHEN t.m[3] IS NOT NULL THEN regexp_replace(t.m[3], '<(-|[0-9]+)>', '&', 'g')
        WHEN t.m[2] LIKE '%*%' THEN '''' || t.m[1] || ''':*'
        WHEN since IS NULL THEN '(' || (SELECT string_agg('''' || t.m[1] || ' ' || s || ''':*', ' | ') FROM unnest(stamps) s) || ')'
        ELSE '(' || (SELECT string_agg('''' || t.m[1] || ' ' || s || story_search_month(x) || '''', ' | ')
          FROM generate_series(date_trunc('month', since), date_trunc('month', until), interval '1 month') x, unnest(stamps) s) || ')'
      END, '' ORDER BY t.n)::tsquery
    FROM regexp_matches(CASE WHEN query::text ~ '<' THEN querytree(query) ELSE query::text END,
      '''((?:[^'']|'''')+)''(:[*A-D]+)?|([^'']+)', 'g') WITH ORDINALITY t(m, n)
  $$;

CREATE INDEX "Story_search_stamps_idx" ON "Story" USING GIN (story_search_stamps("searchVector", "status" = 'PUBLISHED', "publishedAt", "updatedAt"));

DROP INDEX "Story_search_months_idx";
DROP INDEX "Story_search_updated_months_idx";
DROP INDEX "Story_searchVector_idx";
DROP FUNCTION story_search_months_query(tsquery, timestamp, timestamp);
DROP FUNCTION story_search_months(tsvector, timestamp);
