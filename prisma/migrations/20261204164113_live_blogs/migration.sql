-- CreateEnum
CREATE TYPE "StoryFormat" AS ENUM ('STORY', 'LIVE');

-- CreateEnum
CREATE TYPE "EntryStatus" AS ENUM ('PENDING', 'PUBLISHED', 'WITHDRAWN');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "coverageEndedAt" TIMESTAMP(3),
ADD COLUMN     "entriesNeedEditor" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "format" "StoryFormat" NOT NULL DEFAULT 'STORY';

-- CreateTable
CREATE TABLE "LiveEntry" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "authorId" TEXT NOT NULL,
    "headline" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "keyEvent" BOOLEAN NOT NULL DEFAULT false,
    "pinned" BOOLEAN NOT NULL DEFAULT false,
    "status" "EntryStatus" NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "postedAt" TIMESTAMP(3),
    "correctedAt" TIMESTAMP(3),
    "withdrawnAt" TIMESTAMP(3),

    CONSTRAINT "LiveEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "LiveContributor" (
    "storyId" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "addedById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "LiveContributor_pkey" PRIMARY KEY ("storyId","userId")
);

-- CreateIndex
CREATE INDEX "LiveEntry_storyId_status_postedAt_id_idx" ON "LiveEntry"("storyId", "status", "postedAt" DESC, "id");

-- AddForeignKey
ALTER TABLE "LiveEntry" ADD CONSTRAINT "LiveEntry_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "LiveContributor" ADD CONSTRAINT "LiveContributor_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

