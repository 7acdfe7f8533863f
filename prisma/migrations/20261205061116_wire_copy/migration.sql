-- CreateEnum
CREATE TYPE "WireFormat" AS ENUM ('AUTO', 'NEWSML', 'NINJS');

-- AlterTable
ALTER TABLE "Story" ADD COLUMN     "agencyByline" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "wireItemId" TEXT,
ADD COLUMN     "wireKilledAt" TIMESTAMP(3),
ADD COLUMN     "wireVersion" INTEGER;

-- CreateTable
CREATE TABLE "WireSource" (
    "id" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "slug" TEXT NOT NULL,
    "format" "WireFormat" NOT NULL DEFAULT 'AUTO',
    "sectionId" TEXT,
    "needsEditor" BOOLEAN NOT NULL DEFAULT false,
    "tokenHash" TEXT NOT NULL,
    "tokenSetAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "feedUrl" TEXT,
    "feedEtag" TEXT,
    "feedModified" TEXT,
    "feedCheckedAt" TIMESTAMP(3),
    "feedError" TEXT NOT NULL DEFAULT '',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WireSource_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WireItem" (
    "id" TEXT NOT NULL,
    "sourceId" TEXT NOT NULL,
    "guid" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "versionCreated" TIMESTAMP(3) NOT NULL,
    "firstCreated" TIMESTAMP(3),
    "pubStatus" TEXT NOT NULL,
    "urgency" INTEGER,
    "headline" TEXT NOT NULL,
    "slugline" TEXT NOT NULL DEFAULT '',
    "byline" TEXT NOT NULL DEFAULT '',
    "dateline" TEXT NOT NULL DEFAULT '',
    "language" TEXT NOT NULL DEFAULT '',
    "subjects" JSONB NOT NULL,
    "embargoUntil" TIMESTAMP(3),
    "summary" TEXT NOT NULL DEFAULT '',
    "body" JSONB NOT NULL,
    "plainText" TEXT NOT NULL DEFAULT '',
    "pictures" JSONB NOT NULL,
    "provider" TEXT NOT NULL DEFAULT '',
    "format" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "releasedAt" TIMESTAMP(3),
    "searchVector" tsvector,

    CONSTRAINT "WireItem_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WireItemVersion" (
    "id" TEXT NOT NULL,
    "itemId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "versionCreated" TIMESTAMP(3) NOT NULL,
    "pubStatus" TEXT NOT NULL,
    "headline" TEXT NOT NULL,
    "body" JSONB NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WireItemVersion_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "WireSource_slug_key" ON "WireSource"("slug");

-- CreateIndex
CREATE INDEX "WireItem_updatedAt_id_idx" ON "WireItem"("updatedAt" DESC, "id");

-- CreateIndex
CREATE INDEX "WireItem_searchVector_idx" ON "WireItem" USING GIN ("searchVector");

-- CreateIndex
CREATE UNIQUE INDEX "WireItem_sourceId_guid_key" ON "WireItem"("sourceId", "guid");

-- CreateIndex
CREATE UNIQUE INDEX "WireItemVersion_itemId_version_versionCreated_key" ON "WireItemVersion"("itemId", "version", "versionCreated");

-- CreateIndex
CREATE INDEX "Story_wireItemId_idx" ON "Story"("wireItemId");

-- AddForeignKey
ALTER TABLE "Story" ADD CONSTRAINT "Story_wireItemId_fkey" FOREIGN KEY ("wireItemId") REFERENCES "WireItem"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireSource" ADD CONSTRAINT "WireSource_sectionId_fkey" FOREIGN KEY ("sectionId") REFERENCES "Section"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItem" ADD CONSTRAINT "WireItem_sourceId_fkey" FOREIGN KEY ("sourceId") REFERENCES "WireSource"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WireItemVersion" ADD CONSTRAINT "WireItemVersion_itemId_fkey" FOREIGN KEY ("itemId") REFERENCES "WireItem"("id") ON DELETE CASCADE ON UPDATE CASCADE;

