-- CreateEnum
CREATE TYPE "RetrainRequestStatus" AS ENUM ('queued', 'running', 'done');

-- CreateTable: forced retrains asked for in a bot-only process, run by the trainer process.
CREATE TABLE "retrain_requests" (
    "id" SERIAL NOT NULL,
    "requested_by" TEXT NOT NULL,
    "force" BOOLEAN NOT NULL DEFAULT false,
    "status" "RetrainRequestStatus" NOT NULL DEFAULT 'queued',
    "run_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "retrain_requests_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "retrain_requests_status_id_idx" ON "retrain_requests"("status", "id");

-- AddForeignKey
ALTER TABLE "retrain_requests" ADD CONSTRAINT "retrain_requests_run_id_fkey" FOREIGN KEY ("run_id") REFERENCES "training_runs"("id") ON DELETE SET NULL ON UPDATE CASCADE;
