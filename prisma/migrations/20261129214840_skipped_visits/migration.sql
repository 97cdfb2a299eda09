-- CreateTable
CREATE TABLE "SkippedVisit" (
    "id" TEXT NOT NULL,
    "recurringId" TEXT NOT NULL,
    "serviceDate" DATE NOT NULL,
    "createdById" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SkippedVisit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SkippedVisit_recurringId_serviceDate_key" ON "SkippedVisit"("recurringId", "serviceDate");

-- AddForeignKey
ALTER TABLE "SkippedVisit" ADD CONSTRAINT "SkippedVisit_recurringId_fkey" FOREIGN KEY ("recurringId") REFERENCES "RecurringCleanup"("id") ON DELETE CASCADE ON UPDATE CASCADE;
