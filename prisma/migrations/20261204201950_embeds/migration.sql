-- CreateTable
CREATE TABLE "Embed" (
    "id" TEXT NOT NULL,
    "url" TEXT NOT NULL,
    "kind" TEXT NOT NULL,
    "provider" TEXT NOT NULL,
    "title" TEXT NOT NULL DEFAULT '',
    "authorName" TEXT NOT NULL DEFAULT '',
    "authorUrl" TEXT,
    "thumbnailId" TEXT,
    "thumbnailSource" TEXT,
    "width" INTEGER,
    "height" INTEGER,
    "text" TEXT NOT NULL DEFAULT '',
    "playerUrl" TEXT,
    "fetchedAt" TIMESTAMP(3) NOT NULL,
    "goneAt" TIMESTAMP(3),
    "createdById" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Embed_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Embed_url_key" ON "Embed"("url");

-- CreateIndex
CREATE INDEX "Embed_fetchedAt_idx" ON "Embed"("fetchedAt");

