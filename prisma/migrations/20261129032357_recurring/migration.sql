-- CreateEnum
CREATE TYPE "RecurringFrequency" AS ENUM ('WEEKLY', 'BIWEEKLY', 'MONTHLY');

-- CreateEnum
CREATE TYPE "RecurringStatus" AS ENUM ('ACTIVE', 'PAUSED', 'CANCELLED');

-- AlterTable
ALTER TABLE "CleanupJob" ADD COLUMN     "exclusiveScooperId" TEXT,
ADD COLUMN     "exclusiveUntil" TIMESTAMP(3),
ADD COLUMN     "recurringId" TEXT,
ADD COLUMN     "serviceDate" DATE;

-- CreateTable
CREATE TABLE "RecurringCleanup" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "status" "RecurringStatus" NOT NULL DEFAULT 'ACTIVE',
    "frequency" "RecurringFrequency" NOT NULL,
    "firstServiceDate" DATE NOT NULL,
    "pausedUntil" DATE,
    "cancelledAt" TIMESTAMP(3),
    "priceCents" INTEGER NOT NULL,
    "address" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "type" "CleanupType" NOT NULL,
    "pileEstimate" "PileEstimate",
    "litterLevel" "LitterLevel",
    "yardSegments" "YardSegment"[],
    "publicNotes" TEXT,
    "accessNotes" TEXT,
    "preferredScooperId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "RecurringCleanup_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "RecurringCleanup_status_idx" ON "RecurringCleanup"("status");

-- CreateIndex
CREATE INDEX "RecurringCleanup_customerId_status_idx" ON "RecurringCleanup"("customerId", "status");

-- CreateIndex
CREATE UNIQUE INDEX "CleanupJob_recurringId_serviceDate_key" ON "CleanupJob"("recurringId", "serviceDate");

-- AddForeignKey
ALTER TABLE "CleanupJob" ADD CONSTRAINT "CleanupJob_recurringId_fkey" FOREIGN KEY ("recurringId") REFERENCES "RecurringCleanup"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecurringCleanup" ADD CONSTRAINT "RecurringCleanup_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecurringCleanup" ADD CONSTRAINT "RecurringCleanup_preferredScooperId_fkey" FOREIGN KEY ("preferredScooperId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
