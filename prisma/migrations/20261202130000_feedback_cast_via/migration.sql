-- How a vote was cast: 'reaction' or 'button' (NULL: not known, votes stored before this column
-- and corrections typed as commands). Start-up reconciliation retracts only votes cast by a
-- reaction that is gone from the message, never a click.
ALTER TABLE "feedback" ADD COLUMN "cast_via" TEXT;
ALTER TABLE "feedback" ADD CONSTRAINT "feedback_cast_via" CHECK ("cast_via" IN ('reaction', 'button'));
