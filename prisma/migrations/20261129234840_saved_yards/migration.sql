-- CreateTable
CREATE TABLE "SavedYard" (
    "id" TEXT NOT NULL,
    "customerId" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "postalCode" TEXT,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "accessNotes" TEXT,
    "dogCount" INTEGER NOT NULL DEFAULT 0,
    "unsafeDog" BOOLEAN NOT NULL DEFAULT false,
    "priceCents" INTEGER NOT NULL,
    "type" "CleanupType" NOT NULL,
    "pileEstimate" "PileEstimate",
    "litterLevel" "LitterLevel",
    "yardSegments" "YardSegment"[],
    "publicNotes" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SavedYard_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SavedYard_customerId_createdAt_idx" ON "SavedYard"("customerId", "createdAt");

-- AddForeignKey
ALTER TABLE "SavedYard" ADD CONSTRAINT "SavedYard_customerId_fkey" FOREIGN KEY ("customerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
