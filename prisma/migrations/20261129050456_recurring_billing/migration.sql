-- AlterEnum
ALTER TYPE "JobStatus" ADD VALUE 'AWAITING_PAYMENT';

-- AlterTable
ALTER TABLE "BillingSubscription" ADD COLUMN     "billingAnchorAt" TIMESTAMP(3),
ADD COLUMN     "paymentMethodRef" TEXT,
ADD COLUMN     "priceCents" INTEGER,
ADD COLUMN     "version" TEXT;

-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "chargeRef" TEXT,
ADD COLUMN     "prepaidVisitId" TEXT;

-- CreateTable
CREATE TABLE "PrepaidVisit" (
    "id" TEXT NOT NULL,
    "recurringId" TEXT NOT NULL,
    "invoiceRef" TEXT NOT NULL,
    "paymentIntentRef" TEXT NOT NULL,
    "chargeRef" TEXT,
    "amountCents" INTEGER NOT NULL,
    "status" TEXT NOT NULL DEFAULT 'AVAILABLE',
    "jobId" TEXT,
    "paidAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "refundedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PrepaidVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PrepaidVisit_invoiceRef_key" ON "PrepaidVisit"("invoiceRef");

-- CreateIndex
CREATE UNIQUE INDEX "PrepaidVisit_jobId_key" ON "PrepaidVisit"("jobId");

-- CreateIndex
CREATE INDEX "PrepaidVisit_recurringId_status_paidAt_idx" ON "PrepaidVisit"("recurringId", "status", "paidAt");

-- CreateIndex
CREATE UNIQUE INDEX "Payment_prepaidVisitId_key" ON "Payment"("prepaidVisitId");
