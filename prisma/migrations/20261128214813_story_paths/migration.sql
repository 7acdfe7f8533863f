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


-- The paths of stories already live.
INSERT INTO "StoryPath" ("path", "storyId")
SELECT sec."slug" || '/' || st."slug", st."id"
FROM "Story" st JOIN "Section" sec ON sec."id" = st."sectionId"
WHERE st."status" = 'PUBLISHED'
ON CONFLICT ("path") DO NOTHING;
