-- CreateIndex
CREATE INDEX "CleanupJob_status_startDeadlineAt_idx" ON "CleanupJob"("status", "startDeadlineAt");

-- CreateIndex
CREATE INDEX "CleanupJob_status_autoConfirmAt_idx" ON "CleanupJob"("status", "autoConfirmAt");
