-- AlterTable
ALTER TABLE "StoryDoc" ADD COLUMN     "clients" JSONB NOT NULL DEFAULT '{}';

