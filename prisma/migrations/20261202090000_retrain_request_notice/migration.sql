-- Who asked for a queued retrain and where, and what came of it: the bot process that serves the
-- requester's platform takes the finished request and tells them (at most a few attempts).
ALTER TABLE "retrain_requests" ADD COLUMN "platform" TEXT,
ADD COLUMN "channel_id" TEXT,
ADD COLUMN "user_id" TEXT,
ADD COLUMN "outcome_status" TEXT,
ADD COLUMN "outcome_text" TEXT,
ADD COLUMN "notified_at" TIMESTAMPTZ(3),
ADD COLUMN "notice_attempts" INTEGER NOT NULL DEFAULT 0;
