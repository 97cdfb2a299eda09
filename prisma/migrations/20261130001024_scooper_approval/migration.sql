-- AlterTable
ALTER TABLE "User" ADD COLUMN     "scooperApprovedAt" TIMESTAMP(3),
ADD COLUMN     "scooperApprovedById" TEXT;

-- Scoopers who existed before the approval rule keep claiming: they count as approved from now.
UPDATE "User" SET "scooperApprovedAt" = CURRENT_TIMESTAMP WHERE 'SCOOPER' = ANY("roles");
