-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "statusChangedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateIndex
CREATE INDEX "Story_status_statusChangedAt_idx" ON "Story"("status", "statusChangedAt");

