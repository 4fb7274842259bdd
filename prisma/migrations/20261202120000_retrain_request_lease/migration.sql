-- When a trainer claimed a request, renewed while it runs it: a request left `running` by a trainer
-- that died stops being renewed and is claimed again (no request waits forever).
ALTER TABLE "retrain_requests" ADD COLUMN "claimed_at" TIMESTAMPTZ(3);
