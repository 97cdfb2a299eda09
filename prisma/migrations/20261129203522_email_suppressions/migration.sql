-- AlterEnum
ALTER TYPE "EmailStatus" ADD VALUE 'SUPPRESSED';

-- CreateTable
CREATE TABLE "EmailSuppression" (
    "address" TEXT NOT NULL,
    "reason" TEXT NOT NULL,
    "detail" TEXT,
    "eventId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "EmailSuppression_pkey" PRIMARY KEY ("address")
);
