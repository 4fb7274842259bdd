-- CreateEnum
CREATE TYPE "FeedbackKind" AS ENUM ('confirm', 'choose', 'reject', 'new_label');

-- CreateEnum
CREATE TYPE "ExampleSource" AS ENUM ('wordnet', 'user', 'admin', 'import');

-- CreateEnum
CREATE TYPE "ExampleStatus" AS ENUM ('active', 'excluded');

-- CreateEnum
CREATE TYPE "ModelStatus" AS ENUM ('candidate', 'active', 'rejected', 'retired');

-- CreateEnum
CREATE TYPE "RunTrigger" AS ENUM ('cron', 'admin', 'cli', 'startup');

-- CreateEnum
CREATE TYPE "RunStatus" AS ENUM ('running', 'promoted', 'rejected', 'skipped', 'failed');

-- CreateTable
CREATE TABLE "model_versions" (
    "id" SERIAL NOT NULL,
    "encoder_id" TEXT NOT NULL,
    "labels" JSONB NOT NULL,
    "weights" BYTEA NOT NULL,
    "metrics" JSONB NOT NULL,
    "status" "ModelStatus" NOT NULL DEFAULT 'candidate',
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "activated_at" TIMESTAMPTZ(3),

    CONSTRAINT "model_versions_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "predictions" (
    "id" SERIAL NOT NULL,
    "platform" TEXT NOT NULL,
    "workspace_id" TEXT NOT NULL,
    "channel_id" TEXT NOT NULL,
    "message_id" TEXT,
    "user_id" TEXT NOT NULL,
    "phrase_raw" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "candidates" JSONB NOT NULL,
    "encoder_id" TEXT NOT NULL,
    "model_version_id" INTEGER,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "predictions_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "predictions_phrase_length" CHECK (char_length("phrase") BETWEEN 1 AND 100)
);

-- CreateTable
CREATE TABLE "feedback" (
    "id" SERIAL NOT NULL,
    "prediction_id" INTEGER NOT NULL,
    "user_id" TEXT NOT NULL,
    "kind" "FeedbackKind" NOT NULL,
    "label" TEXT NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "retracted_at" TIMESTAMPTZ(3),

    CONSTRAINT "feedback_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "feedback_label_not_empty" CHECK (char_length("label") BETWEEN 1 AND 100)
);

-- CreateTable
CREATE TABLE "training_examples" (
    "id" SERIAL NOT NULL,
    "phrase" TEXT NOT NULL,
    "label" TEXT NOT NULL,
    "source" "ExampleSource" NOT NULL,
    "weight" DOUBLE PRECISION NOT NULL DEFAULT 1,
    "status" "ExampleStatus" NOT NULL DEFAULT 'active',
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updated_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "training_examples_pkey" PRIMARY KEY ("id"),
    CONSTRAINT "training_examples_weight_positive" CHECK ("weight" > 0),
    CONSTRAINT "training_examples_not_empty" CHECK (char_length("phrase") BETWEEN 1 AND 100 AND char_length("label") BETWEEN 1 AND 100)
);

-- CreateTable
CREATE TABLE "training_runs" (
    "id" SERIAL NOT NULL,
    "trigger" "RunTrigger" NOT NULL,
    "requested_by" TEXT,
    "encoder_id" TEXT NOT NULL,
    "backend" TEXT,
    "status" "RunStatus" NOT NULL DEFAULT 'running',
    "examples" INTEGER NOT NULL DEFAULT 0,
    "labels" INTEGER NOT NULL DEFAULT 0,
    "metrics" JSONB,
    "error" TEXT,
    "model_version_id" INTEGER,
    "started_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finished_at" TIMESTAMPTZ(3),

    CONSTRAINT "training_runs_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "embedding_cache" (
    "encoder_id" TEXT NOT NULL,
    "phrase" TEXT NOT NULL,
    "vector" BYTEA NOT NULL,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "embedding_cache_pkey" PRIMARY KEY ("encoder_id","phrase")
);

-- CreateTable
CREATE TABLE "audit_log" (
    "id" SERIAL NOT NULL,
    "actor" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "before" JSONB,
    "after" JSONB,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "audit_log_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "model_versions_encoder_id_status_idx" ON "model_versions"("encoder_id", "status");

-- At most one active model per encoder (Prisma's schema language cannot express a partial index).
CREATE UNIQUE INDEX "model_versions_one_active_per_encoder" ON "model_versions"("encoder_id") WHERE "status" = 'active';

-- CreateIndex
CREATE INDEX "predictions_created_at_idx" ON "predictions"("created_at");

-- CreateIndex
CREATE UNIQUE INDEX "predictions_platform_channel_id_message_id_key" ON "predictions"("platform", "channel_id", "message_id");

-- CreateIndex
CREATE INDEX "feedback_user_id_created_at_idx" ON "feedback"("user_id", "created_at");

-- CreateIndex
CREATE UNIQUE INDEX "feedback_prediction_id_user_id_kind_label_key" ON "feedback"("prediction_id", "user_id", "kind", "label");

-- CreateIndex
CREATE INDEX "training_examples_updated_at_idx" ON "training_examples"("updated_at");

-- CreateIndex
CREATE UNIQUE INDEX "training_examples_phrase_label_source_key" ON "training_examples"("phrase", "label", "source");

-- CreateIndex
CREATE INDEX "training_runs_started_at_idx" ON "training_runs"("started_at");

-- CreateIndex
CREATE INDEX "audit_log_created_at_idx" ON "audit_log"("created_at");

-- AddForeignKey
ALTER TABLE "predictions" ADD CONSTRAINT "predictions_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_prediction_id_fkey" FOREIGN KEY ("prediction_id") REFERENCES "predictions"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "training_runs" ADD CONSTRAINT "training_runs_model_version_id_fkey" FOREIGN KEY ("model_version_id") REFERENCES "model_versions"("id") ON DELETE SET NULL ON UPDATE CASCADE;
