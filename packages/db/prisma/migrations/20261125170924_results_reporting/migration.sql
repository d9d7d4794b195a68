-- AlterTable
ALTER TABLE "IndicatorValue" ADD COLUMN     "computedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Programme" ADD COLUMN     "atRiskPercent" INTEGER NOT NULL DEFAULT 60,
ADD COLUMN     "onTrackPercent" INTEGER NOT NULL DEFAULT 90;

-- CreateTable
CREATE TABLE "IatiExport" (
    "id" TEXT NOT NULL,
    "programmeId" TEXT NOT NULL,
    "createdById" TEXT,
    "sha256" TEXT NOT NULL,
    "xml" TEXT NOT NULL,
    "changes" JSONB NOT NULL DEFAULT '[]',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "IatiExport_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "IatiExport_programmeId_createdAt_idx" ON "IatiExport"("programmeId", "createdAt");

-- AddForeignKey
ALTER TABLE "IatiExport" ADD CONSTRAINT "IatiExport_programmeId_fkey" FOREIGN KEY ("programmeId") REFERENCES "Programme"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "IatiExport" ADD CONSTRAINT "IatiExport_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
