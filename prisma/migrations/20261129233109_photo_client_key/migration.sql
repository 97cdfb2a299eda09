-- AlterTable
ALTER TABLE "Photo" ADD COLUMN     "clientKey" TEXT;

-- CreateIndex
CREATE UNIQUE INDEX "Photo_uploaderId_clientKey_key" ON "Photo"("uploaderId", "clientKey");
