-- Stripe: a tip given before the scooper could take payouts is owed to them until transferred (tipTransferRef null).
-- Tips given before this column existed were either paid by a destination charge or settled by hand (the old rule),
-- so they are marked settled: nothing already tipped is transferred twice.
ALTER TABLE "Payment" ADD COLUMN "tipTransferRef" TEXT;

UPDATE "Payment" SET "tipTransferRef" = 'settled-before-tracking' WHERE "tipCents" > 0;
