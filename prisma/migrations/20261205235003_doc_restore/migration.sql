-- AlterTable
ALTER TABLE "StoryDoc" ADD COLUMN     "restore" JSONB;

