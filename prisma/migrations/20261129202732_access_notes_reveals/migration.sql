-- CreateTable
CREATE TABLE "AccessNotesReveal" (
    "id" TEXT NOT NULL,
    "jobId" TEXT NOT NULL,
    "viewerId" TEXT NOT NULL,
    "visitId" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "AccessNotesReveal_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AccessNotesReveal_jobId_viewerId_visitId_key" ON "AccessNotesReveal"("jobId", "viewerId", "visitId");

-- AddForeignKey
ALTER TABLE "AccessNotesReveal" ADD CONSTRAINT "AccessNotesReveal_jobId_fkey" FOREIGN KEY ("jobId") REFERENCES "CleanupJob"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AccessNotesReveal" ADD CONSTRAINT "AccessNotesReveal_viewerId_fkey" FOREIGN KEY ("viewerId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;
