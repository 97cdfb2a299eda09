-- Each job keeps the fee rates in force when it was posted. Jobs that exist now get the rates configured today:
-- the migration runner (scripts/db/schema-engine.ts) opens its session with PLATFORM_FEE_PERCENT and
-- CANCELLATION_FEE_PERCENT as the settings scoop.platform_fee_percent / scoop.cancellation_fee_percent (without them,
-- the defaults, 15 and 20).
ALTER TABLE "CleanupJob" ADD COLUMN "cancellationFeePercent" INTEGER,
ADD COLUMN "platformFeePercent" INTEGER;

UPDATE "CleanupJob" SET
  "platformFeePercent" = COALESCE(NULLIF(current_setting('scoop.platform_fee_percent', true), '')::integer, 15),
  "cancellationFeePercent" = COALESCE(NULLIF(current_setting('scoop.cancellation_fee_percent', true), '')::integer, 20);

ALTER TABLE "CleanupJob" ALTER COLUMN "cancellationFeePercent" SET NOT NULL,
ALTER COLUMN "platformFeePercent" SET NOT NULL;
