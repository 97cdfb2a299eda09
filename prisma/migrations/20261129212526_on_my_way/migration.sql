-- AlterTable
ALTER TABLE "CleanupJob" ADD COLUMN     "minCancelFeeCents" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "onMyWayAt" TIMESTAMP(3),
ADD COLUMN     "onMyWayEtaAt" TIMESTAMP(3);
