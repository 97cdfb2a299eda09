-- CreateEnum
CREATE TYPE "SkipReason" AS ENUM ('CUSTOMER', 'WEATHER');

-- AlterTable
ALTER TABLE "RecurringCleanup" ADD COLUMN     "postalCode" TEXT;

-- AlterTable
ALTER TABLE "SkippedVisit" ADD COLUMN     "reason" "SkipReason" NOT NULL DEFAULT 'CUSTOMER',
ADD COLUMN     "weatherSkipId" TEXT;

-- CreateTable
CREATE TABLE "WeatherSkip" (
    "id" TEXT NOT NULL,
    "serviceDate" DATE NOT NULL,
    "area" JSONB NOT NULL,
    "reason" TEXT NOT NULL,
    "createdById" TEXT NOT NULL,
    "cancelledJobIds" TEXT[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WeatherSkip_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "WeatherSkip_serviceDate_idx" ON "WeatherSkip"("serviceDate");

-- AddForeignKey
ALTER TABLE "SkippedVisit" ADD CONSTRAINT "SkippedVisit_weatherSkipId_fkey" FOREIGN KEY ("weatherSkipId") REFERENCES "WeatherSkip"("id") ON DELETE SET NULL ON UPDATE CASCADE;
