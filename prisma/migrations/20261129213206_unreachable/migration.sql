-- CreateEnum
CREATE TYPE "UnreachableReason" AS ENUM ('LOCKED_GATE', 'UNSAFE_DOG', 'WRONG_ADDRESS', 'OTHER');

-- AlterEnum
ALTER TYPE "JobStatus" ADD VALUE 'UNREACHABLE';

-- AlterEnum
ALTER TYPE "PhotoKind" ADD VALUE 'UNREACHABLE';

-- AlterTable
ALTER TABLE "CleanupJob" ADD COLUMN     "answerDeadlineAt" TIMESTAMP(3),
ADD COLUMN     "unreachableAt" TIMESTAMP(3),
ADD COLUMN     "unreachableNote" TEXT,
ADD COLUMN     "unreachableReason" "UnreachableReason";

-- CreateIndex
CREATE INDEX "CleanupJob_status_answerDeadlineAt_idx" ON "CleanupJob"("status", "answerDeadlineAt");
