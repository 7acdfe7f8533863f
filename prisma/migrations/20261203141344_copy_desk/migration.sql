-- CreateEnum
CREATE TYPE "BudgetStatus" AS ENUM ('PLANNED', 'ASSIGNED', 'IN_PROGRESS', 'FILED', 'CANCELLED');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "embargoUntil" TIMESTAMP(3),
ADD COLUMN     "legalHold" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "legalHoldAt" TIMESTAMP(3),
ADD COLUMN     "legalHoldById" TEXT,
ADD COLUMN     "legalHoldReason" TEXT NOT NULL DEFAULT '';

-- CreateTable
CREATE TABLE "StyleOverride" (
    "id" TEXT NOT NULL,
    "storyId" TEXT NOT NULL,
    "rule" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StyleOverride_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "BudgetLine" (
    "id" TEXT NOT NULL,
    "slugline" TEXT NOT NULL,
    "summary" TEXT NOT NULL DEFAULT '',
    "sectionId" TEXT,
    "assigneeId" TEXT,
    "dueAt" TIMESTAMP(3) NOT NULL,
    "plannedWords" INTEGER NOT NULL DEFAULT 0,
    "status" "BudgetStatus" NOT NULL DEFAULT 'PLANNED',
    "storyId" TEXT,
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "BudgetLine_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "StyleOverride_storyId_rule_key" ON "StyleOverride"("storyId", "rule");

-- CreateIndex
CREATE UNIQUE INDEX "BudgetLine_storyId_key" ON "BudgetLine"("storyId");

-- CreateIndex
CREATE INDEX "BudgetLine_dueAt_idx" ON "BudgetLine"("dueAt");

-- AddForeignKey
ALTER TABLE "StyleOverride" ADD CONSTRAINT "StyleOverride_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StyleOverride" ADD CONSTRAINT "StyleOverride_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_assigneeId_fkey" FOREIGN KEY ("assigneeId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_storyId_fkey" FOREIGN KEY ("storyId") REFERENCES "Story"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "BudgetLine" ADD CONSTRAINT "BudgetLine_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

