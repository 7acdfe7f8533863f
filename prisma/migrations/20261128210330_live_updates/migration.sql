-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "pendingUpdate" JSONB,
ADD COLUMN     "updateState" "StoryStatus";

