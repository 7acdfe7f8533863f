-- CreateTable
CREATE TABLE "SitemapMonth" (
    "month" TEXT NOT NULL,
    "stories" INTEGER NOT NULL DEFAULT 0,
    "modifiedAt" TIMESTAMP(3),

    CONSTRAINT "SitemapMonth_pkey" PRIMARY KEY ("month")
);


-- Kept by statement triggers (one aggregate per statement, so that a COPY of a million stories
-- costs one update per month, not one per row). A story counts while it is live: published, in a
-- section, not taken down. Rows loaded with their history (inserts) bring their own times; a change
-- made now (publish, move, update, unpublish, takedown, delete) marks its months changed now.
-- Updates that touch nothing a sitemap shows (a draft's autosave, a live story's body) change nothing.
CREATE FUNCTION "sitemap_months_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "SitemapMonth" AS m ("month", "stories", "modifiedAt")
      SELECT to_char(n."publishedAt", 'YYYY-MM'), count(*), max(coalesce(n."publicUpdatedAt", n."publishedAt"))
      FROM new_rows n
      WHERE n."status" = 'PUBLISHED' AND n."sectionId" IS NOT NULL AND n."takenDownAt" IS NULL AND n."publishedAt" IS NOT NULL
      GROUP BY 1
    ON CONFLICT ("month") DO UPDATE SET "stories" = m."stories" + EXCLUDED."stories", "modifiedAt" = greatest(m."modifiedAt", EXCLUDED."modifiedAt");
  ELSIF TG_OP = 'DELETE' THEN
    UPDATE "SitemapMonth" m SET "stories" = m."stories" - gone.n, "modifiedAt" = greatest(m."modifiedAt", now() AT TIME ZONE 'UTC')
    FROM (
      SELECT to_char(o."publishedAt", 'YYYY-MM') AS month, count(*) AS n FROM old_rows o
      WHERE o."status" = 'PUBLISHED' AND o."sectionId" IS NOT NULL AND o."takenDownAt" IS NULL AND o."publishedAt" IS NOT NULL
      GROUP BY 1
    ) gone
    WHERE m."month" = gone.month;
  ELSE
    INSERT INTO "SitemapMonth" AS m ("month", "stories", "modifiedAt")
      SELECT d.month, sum(d.delta), now() AT TIME ZONE 'UTC'
      FROM (
        SELECT to_char(o."publishedAt", 'YYYY-MM') AS month, -1 AS delta
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE o."status" = 'PUBLISHED' AND o."sectionId" IS NOT NULL AND o."takenDownAt" IS NULL AND o."publishedAt" IS NOT NULL
          AND (o."status", o."sectionId", o."takenDownAt", o."publishedAt", o."publicUpdatedAt", o."slug")
              IS DISTINCT FROM (n."status", n."sectionId", n."takenDownAt", n."publishedAt", n."publicUpdatedAt", n."slug")
        UNION ALL
        SELECT to_char(n."publishedAt", 'YYYY-MM'), 1
        FROM old_rows o JOIN new_rows n ON n."id" = o."id"
        WHERE n."status" = 'PUBLISHED' AND n."sectionId" IS NOT NULL AND n."takenDownAt" IS NULL AND n."publishedAt" IS NOT NULL
          AND (o."status", o."sectionId", o."takenDownAt", o."publishedAt", o."publicUpdatedAt", o."slug")
              IS DISTINCT FROM (n."status", n."sectionId", n."takenDownAt", n."publishedAt", n."publicUpdatedAt", n."slug")
      ) d
      GROUP BY d.month
    ON CONFLICT ("month") DO UPDATE SET "stories" = m."stories" + EXCLUDED."stories", "modifiedAt" = greatest(m."modifiedAt", EXCLUDED."modifiedAt");
  END IF;
  RETURN NULL;
END $$;

CREATE TRIGGER "Story_sitemap_insert" AFTER INSERT ON "Story" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_months_changed"();
CREATE TRIGGER "Story_sitemap_update" AFTER UPDATE ON "Story" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_months_changed"();
CREATE TRIGGER "Story_sitemap_delete" AFTER DELETE ON "Story" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "sitemap_months_changed"();

-- The months of the stories already published.
INSERT INTO "SitemapMonth" ("month", "stories", "modifiedAt")
  SELECT to_char("publishedAt", 'YYYY-MM'), count(*), max(coalesce("publicUpdatedAt", "publishedAt"))
  FROM "Story"
  WHERE "status" = 'PUBLISHED' AND "sectionId" IS NOT NULL AND "takenDownAt" IS NULL AND "publishedAt" IS NOT NULL
  GROUP BY 1;

-- A month's sitemap read from the index alone: the live stories by publication time, with what a
-- sitemap line needs. Partial and covering, which schema.prisma cannot describe (the migrations
-- test lists it).
CREATE INDEX "Story_sitemap_idx" ON "Story" ("publishedAt", "id") INCLUDE ("slug", "sectionId", "publicUpdatedAt")
  WHERE "status" = 'PUBLISHED' AND "sectionId" IS NOT NULL AND "takenDownAt" IS NULL;
