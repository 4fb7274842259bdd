-- How many times a request was claimed: a claim is the request and this count, so a trainer that
-- was taken for dead (its claim went stale and another trainer claimed the request again) can no
-- longer renew, finish or release what is now the other trainer's claim.
ALTER TABLE "retrain_requests" ADD COLUMN "claims" INTEGER NOT NULL DEFAULT 0;
