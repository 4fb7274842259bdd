-- AlterTable: whether the voter was an admin when voting (admins' votes weigh more in training).
-- Votes cast before this migration, and votes reconciliation finds later, are counted as non-admin.
ALTER TABLE "feedback" ADD COLUMN "voter_is_admin" BOOLEAN NOT NULL DEFAULT false;
