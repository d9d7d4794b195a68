-- CreateEnum
CREATE TYPE "SubmissionEventAction" AS ENUM ('IMPORTED', 'ROWS_EDITED', 'SUBMITTED', 'RETURNED', 'APPROVED');

-- AlterTable
ALTER TABLE "SubmissionComment" DROP COLUMN "rowIndex",
ADD COLUMN     "rowNumber" INTEGER;

-- AlterTable: keep how many rows each existing revision had before its JSON copy goes (rows now live in
-- "SubmissionRow", where the seed writes the reference list rows).
ALTER TABLE "SubmissionRevision" ADD COLUMN     "rowCount" INTEGER NOT NULL DEFAULT 0;
UPDATE "SubmissionRevision" SET "rowCount" = jsonb_array_length("rows") WHERE jsonb_typeof("rows") = 'array';
ALTER TABLE "SubmissionRevision" DROP COLUMN "rows";

-- CreateTable
CREATE TABLE "SubmissionRow" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "rowNumber" INTEGER NOT NULL,
    "rowKey" TEXT NOT NULL,
    "fullName" TEXT NOT NULL,
    "normalisedName" TEXT NOT NULL,
    "sex" "Sex" NOT NULL,
    "regionId" TEXT,
    "position" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "role" "EnrolmentRole" NOT NULL DEFAULT 'PARTICIPANT',
    "personId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionRow_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SubmissionEvent" (
    "id" TEXT NOT NULL,
    "submissionId" TEXT NOT NULL,
    "revision" INTEGER NOT NULL,
    "action" "SubmissionEventAction" NOT NULL,
    "actorId" TEXT,
    "comment" TEXT,
    "meta" JSONB NOT NULL DEFAULT '{}',
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SubmissionEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "SubmissionRow_personId_idx" ON "SubmissionRow"("personId");

-- CreateIndex
CREATE UNIQUE INDEX "SubmissionRow_submissionId_revision_rowNumber_key" ON "SubmissionRow"("submissionId", "revision", "rowNumber");

-- CreateIndex
CREATE INDEX "SubmissionEvent_submissionId_createdAt_idx" ON "SubmissionEvent"("submissionId", "createdAt");

-- CreateIndex
CREATE INDEX "Person_normalisedName_idx" ON "Person"("normalisedName");

-- AddForeignKey
ALTER TABLE "SubmissionRow" ADD CONSTRAINT "SubmissionRow_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRow" ADD CONSTRAINT "SubmissionRow_regionId_fkey" FOREIGN KEY ("regionId") REFERENCES "Region"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionRow" ADD CONSTRAINT "SubmissionRow_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEvent" ADD CONSTRAINT "SubmissionEvent_submissionId_fkey" FOREIGN KEY ("submissionId") REFERENCES "Submission"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SubmissionEvent" ADD CONSTRAINT "SubmissionEvent_actorId_fkey" FOREIGN KEY ("actorId") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
