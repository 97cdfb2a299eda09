-- AlterTable
ALTER TABLE "Payment" ADD COLUMN     "heldAt" TIMESTAMP(3),
ADD COLUMN     "renewingUntil" TIMESTAMP(3),
ADD COLUMN     "stepStartedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "postingHeldAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "Chargeback" (
    "id" TEXT NOT NULL,
    "paymentId" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "providerRef" TEXT NOT NULL,
    "amountCents" INTEGER NOT NULL,
    "reason" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "openedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "closedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Chargeback_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Chargeback_providerRef_key" ON "Chargeback"("providerRef");

-- CreateIndex
CREATE INDEX "Chargeback_openedAt_idx" ON "Chargeback"("openedAt");

-- CreateIndex
CREATE INDEX "Payment_status_heldAt_idx" ON "Payment"("status", "heldAt");

-- AddForeignKey
ALTER TABLE "Chargeback" ADD CONSTRAINT "Chargeback_paymentId_fkey" FOREIGN KEY ("paymentId") REFERENCES "Payment"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- Holds that exist when this ships count from when their payment was made.
UPDATE "Payment" SET "heldAt" = "createdAt" WHERE "status" = 'AUTHORIZED';
