-- CreateEnum
CREATE TYPE "RecurringPauseReason" AS ENUM ('ACCOUNT_BLOCKED');

-- AlterTable
ALTER TABLE "CleanupJob" ADD COLUMN     "needsAdminAt" TIMESTAMP(3),
ADD COLUMN     "needsAdminReason" TEXT;

-- AlterTable
ALTER TABLE "RecurringCleanup" ADD COLUMN     "pauseReason" "RecurringPauseReason";
