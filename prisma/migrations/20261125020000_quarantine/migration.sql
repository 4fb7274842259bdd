-- CreateTable: users whose votes are kept for the audit but excluded from training.
CREATE TABLE "quarantined_users" (
    "platform" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "by" TEXT NOT NULL,
    "reason" TEXT,
    "created_at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "quarantined_users_pkey" PRIMARY KEY ("platform","user_id")
);
