-- Reader search by month of publication (lib/data/search-window.ts). A common word's entry in the
-- story search index lists every story that holds it (a sixth of a million-story archive for
-- "fishing"), and finding which of them lie in the last month reads that whole list: 15 to 30 ms
-- per search however few the matches. This index holds each published story's words stamped with
-- its month of publication ("202612.fish"), so that a word's entry for one month lists only that
-- month's stories, and "fishing and emissions in the last 30 days" reads two months' entries of
-- each word (a few hundred stories) instead of their whole lists.

-- "YYYYMM" of a time of publication (UTC, as stored).
CREATE FUNCTION story_search_month(at timestamp) RETURNS text
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT (extract(year FROM at)::int * 100 + extract(month FROM at)::int)::text $$;

-- A story's words, each stamped with its month (positions and weights dropped: the search still
-- tests the story's own vector, so the stamped words only have to find it). The search path is
-- fixed because PostgreSQL builds and maintains an index with only its own catalog on the path.
CREATE FUNCTION story_search_months(words tsvector, at timestamp) RETURNS tsvector
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE SET search_path FROM CURRENT
  AS $$ SELECT array_to_tsvector(ARRAY(SELECT story_search_month(at) || '.' || w FROM unnest(tsvector_to_array(words)) w)) $$;

-- A query for the stamped words of the months from `since` to `until`: each word becomes "that word
-- in any of those months" ('fish' & 'emiss' → ('202612.fish' | '202611.fish') & (…)). A story holds
-- one month's words only, so this finds exactly the stories of those months that match; a phrase
-- (<->) finds the stories holding its words, which the story's own vector then tests.
CREATE FUNCTION story_search_months_query(query tsquery, since timestamp, until timestamp) RETURNS tsquery
  LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$
    SELECT regexp_replace(query::text, '''((?:[^'']|'''')+)''(:[*A-D]+)?',
      '(' || string_agg('''' || story_search_month(m) || '.\1''\2', ' | ') || ')', 'g')::tsquery
    FROM generate_series(date_trunc('month', since), date_trunc('month', until), interval '1 month') m
  $$;

-- Published stories only: drafts are saved often and never searched by readers.
CREATE INDEX "Story_search_months_idx" ON "Story" USING GIN (story_search_months("searchVector", "publishedAt")) WHERE "status" = 'PUBLISHED';
