-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('CUSTOMER', 'SCOOPER', 'ADMIN');

-- CreateEnum
CREATE TYPE "UserStatus" AS ENUM ('ACTIVE', 'SUSPENDED', 'BANNED');

-- CreateEnum
CREATE TYPE "JobStatus" AS ENUM ('OPEN', 'CLAIMED', 'IN_PROGRESS', 'COMPLETED', 'CONFIRMED', 'CANCELLED', 'EXPIRED', 'DISPUTED', 'RESOLVED');

-- CreateEnum
CREATE TYPE "CleanupType" AS ENUM ('POOP', 'LITTER', 'BOTH');

-- CreateEnum
CREATE TYPE "PileEstimate" AS ENUM ('PILES_1_3', 'PILES_4_8', 'PILES_9_PLUS');

-- CreateEnum
CREATE TYPE "LitterLevel" AS ENUM ('LIGHT', 'MODERATE', 'HEAVY');

-- CreateEnum
CREATE TYPE "YardSegment" AS ENUM ('N', 'S', 'E', 'W');

-- CreateEnum
CREATE TYPE "PhotoKind" AS ENUM ('BEFORE', 'AFTER', 'DISPUTE');

-- CreateEnum
CREATE TYPE "PhotoStatus" AS ENUM ('PROCESSING', 'READY', 'FAILED');

-- CreateTable
CREATE TABLE "User" (
    "id" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "name" TEXT,
    "roles" "Role"[],
    "status" "UserStatus" NOT NULL DEFAULT 'ACTIVE',
    "statusReason" TEXT,
    "suspendedUntil" TIMESTAMP(3),
    "passwordHash" TEXT,
    "sessionVersion" INTEGER NOT NULL DEFAULT 0,
    "emailVerified" TIMESTAMP(3),
    "image" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "User_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "CleanupJob" (
    "id" TEXT NOT NULL,
    "posterId" TEXT NOT NULL,
    "scooperId" TEXT,
    "status" "JobStatus" NOT NULL DEFAULT 'OPEN',
    "address" TEXT NOT NULL,
    "lat" DOUBLE PRECISION NOT NULL,
    "lng" DOUBLE PRECISION NOT NULL,
    "priceCents" INTEGER NOT NULL,
    "type" "CleanupType" NOT NULL,
    "pileEstimate" "PileEstimate",
    "litterLevel" "LitterLevel",
    "yardSegments" "YardSegment"[],
    "publicNotes" TEXT,
    "accessNotes" TEXT,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "claimedAt" TIMESTAMP(3),
    "startDeadlineAt" TIMESTAMP(3),
    "startedAt" TIMESTAMP(3),
    "startDistanceM" INTEGER,
    "startFlagged" BOOLEAN NOT NULL DEFAULT false,
    "completedAt" TIMESTAMP(3),
    "autoConfirmAt" TIMESTAMP(3),
    "pickupCount" INTEGER,
    "confirmedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "cancelReason" TEXT,
    "expiredAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "CleanupJob_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "JobEvent" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "actorId" TEXT,
    "type" TEXT NOT NULL,
    "fromStatus" "JobStatus",
    "toStatus" "JobStatus",
    "details" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "JobEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Photo" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "uploaderId" TEXT NOT NULL,
    "kind" "PhotoKind" NOT NULL,
    "status" "PhotoStatus" NOT NULL DEFAULT 'PROCESSING',
    "originalKey" TEXT NOT NULL,
    "displayKey" TEXT,
    "thumbKey" TEXT,
    "mimeType" TEXT NOT NULL,
    "width" INTEGER,
    "height" INTEGER,
    "bytes" INTEGER NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Photo_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "User_email_key" ON "User"("email");

-- CreateIndex
CREATE INDEX "CleanupJob_status_lat_lng_idx" ON "CleanupJob"("status", "lat", "lng");

-- CreateIndex
CREATE INDEX "CleanupJob_status_createdAt_idx" ON "CleanupJob"("status", "createdAt");

-- CreateIndex
CREATE INDEX "CleanupJob_status_expiresAt_idx" ON "CleanupJob"("status", "expiresAt");

-- CreateIndex
CREATE INDEX "CleanupJob_posterId_status_idx" ON "CleanupJob"("posterId", "status");

-- CreateIndex
CREATE INDEX "CleanupJob_scooperId_status_idx" ON "CleanupJob"("scooperId", "status");

-- CreateIndex
CREATE INDEX "JobEvent_jobId_createdAt_idx" ON "JobEvent"("jobId", "createdAt");

-- CreateIndex
CREATE INDEX "Photo_jobId_kind_idx" ON "Photo"("jobId", "kind");

-- AddForeignKey
ALTER TABLE "CleanupJob" ADD CONSTRAINT "CleanupJob_posterId_fkey" FOREIGN KEY ("posterId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "CleanupJob" ADD CONSTRAINT "CleanupJob_scooperId_fkey" FOREIGN KEY ("scooperId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "CleanupJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "JobEvent" ADD CONSTRAINT "JobEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "CleanupJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Photo" ADD CONSTRAINT "Photo_uploaderId_fkey" FOREIGN KEY ("uploaderId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
