-- AlterTable: what a prediction message shows besides the prediction, so that re-rendering it
-- after a vote keeps it: the heading of a question the bot asked on its own (quiz, learning
-- prompt) and the words of the phrase the encoder did not know. Older rows have neither.
ALTER TABLE "predictions" ADD COLUMN "heading" TEXT;
ALTER TABLE "predictions" ADD COLUMN "unknown_words" TEXT[] NOT NULL DEFAULT ARRAY[]::TEXT[];
