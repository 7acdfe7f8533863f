-- AlterTable
ALTER TABLE "StoryDoc" ADD COLUMN     "folds" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "StoryDocUpdate" (
    "id" BIGSERIAL NOT NULL,
    "storyId" TEXT NOT NULL,
    "update" BYTEA NOT NULL,

    CONSTRAINT "StoryDocUpdate_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "StoryDocUpdate_storyId_id_idx" ON "StoryDocUpdate"("storyId", "id");

-- AddForeignKey
ALTER TABLE "StoryDocUpdate" ADD CONSTRAINT "StoryDocUpdate_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "StoryDoc"("storyId") ON DELETE CASCADE ON UPDATE CASCADE;

