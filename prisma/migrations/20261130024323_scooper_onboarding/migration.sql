-- AlterTable
ALTER TABLE "User" ADD COLUMN     "scooperProfileWaivedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "ScooperProfile" (
    "userId" TEXT NOT NULL,
    "displayName" TEXT,
    "photoKey" TEXT,
    "serviceLat" DOUBLE PRECISION,
    "serviceLng" DOUBLE PRECISION,
    "serviceRadiusKm" INTEGER,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ScooperProfile_pkey" PRIMARY KEY ("userId")
);

-- CreateTable
CREATE TABLE "Attestation" (
    "id" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,
    "required" BOOLEAN NOT NULL DEFAULT true,
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Attestation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AttestationAcceptance" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "attestationId" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "acceptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AttestationAcceptance_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AttestationAcceptance_userId_attestationId_version_key" ON "AttestationAcceptance"("userId", "attestationId", "version");

-- AddForeignKey
ALTER TABLE "ScooperProfile" ADD CONSTRAINT "ScooperProfile_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationAcceptance" ADD CONSTRAINT "AttestationAcceptance_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttestationAcceptance" ADD CONSTRAINT "AttestationAcceptance_attestationId_fkey" FOREIGN KEY ("attestationId") REFERENCES "Attestation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Scoopers who existed before onboarding keep claiming without the profile step (statements admins add later
-- still apply to them). No statements are created here: admins write them on /admin/attestations.
UPDATE "User" SET "scooperProfileWaivedAt" = CURRENT_TIMESTAMP WHERE 'SCOOPER' = ANY("roles");
