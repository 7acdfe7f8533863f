-- CreateEnum
CREATE TYPE "FrontStatus" AS ENUM ('SCHEDULED', 'PUBLISHED', 'CANCELLED');

-- CreateTable
CREATE TABLE "FrontVersion" (
    "id" TEXT NOT NULL,
    "number" SERIAL NOT NULL,
    "status" "FrontStatus" NOT NULL,
    "layout" JSONB NOT NULL,
    "note" TEXT NOT NULL DEFAULT '',
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "publishAt" TIMESTAMP(3),
    "publishedAt" TIMESTAMP(3),

    CONSTRAINT "FrontVersion_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FrontDraft" (
    "id" TEXT NOT NULL,
    "layout" JSONB NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "updatedById" TEXT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FrontDraft_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "FrontVersion_number_key" ON "FrontVersion"("number");

-- CreateIndex
CREATE INDEX "FrontVersion_status_publishedAt_idx" ON "FrontVersion"("status", "publishedAt" DESC);

-- AddForeignKey
ALTER TABLE "FrontVersion" ADD CONSTRAINT "FrontVersion_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FrontDraft" ADD CONSTRAINT "FrontDraft_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

