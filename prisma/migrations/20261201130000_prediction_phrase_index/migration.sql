-- Instant learning reads the live votes of one phrase after every vote.
CREATE INDEX "predictions_phrase_idx" ON "predictions"("phrase");
