/** Writer of the export format (see taught-jsonl.ts); its output reads back with `parseTaughtJsonl`. */
import { randomUUID } from 'node:crypto';
import { rename, rm, writeFile } from 'node:fs/promises';
import type { TaughtArchive } from '../../core/ports.js';
import { InputError } from '../../errors.js';
import { ARCHIVE_TYPE, ARCHIVE_VERSION } from './taught-jsonl.js';

/**
 * Formats an archive as JSON Lines: the header (with the count of each kind, so a file cut short
 * is refused on import), then examples, predictions, votes and quarantined users, each in the
 * archive's order. Dates are ISO 8601 in UTC with milliseconds, as stored.
 */
export function formatTaughtJsonl(archive: TaughtArchive, exportedAt: Date): string {
  const counts = { examples: archive.examples.length, predictions: archive.predictions.length, votes: archive.votes.length, quarantined: archive.quarantined.length };
  const lines: unknown[] = [
    { type: ARCHIVE_TYPE, version: ARCHIVE_VERSION, exportedAt, counts },
    ...archive.examples.map((e) => ({ type: 'example', phrase: e.phrase, label: e.label, source: e.source, weight: e.weight })),
    ...archive.predictions.map((p) => ({
      type: 'prediction',
      id: p.id,
      platform: p.platform,
      workspaceId: p.workspaceId,
      channelId: p.channelId,
      messageId: p.messageId,
      userId: p.userId,
      phraseRaw: p.phraseRaw,
      phrase: p.phrase,
      candidates: p.candidates.map((c) => ({ label: c.label, p: c.p })),
      encoderId: p.encoderId,
      heading: p.heading,
      unknownWords: p.unknownWords,
      createdAt: p.createdAt,
    })),
    ...archive.votes.map((v) => ({
      type: 'vote',
      predictionId: v.predictionId,
      userId: v.userId,
      kind: v.kind,
      label: v.label,
      voterIsAdmin: v.voterIsAdmin,
      ...(v.via ? { via: v.via } : {}),
      createdAt: v.createdAt,
      retractedAt: v.retractedAt,
    })),
    ...archive.quarantined.map((q) => ({ type: 'quarantine', platform: q.platform, userId: q.userId, by: q.by, reason: q.reason, createdAt: q.createdAt })),
  ];
  // JSON.stringify escapes newlines inside strings, so one object is always one line.
  return lines.map((l) => `${JSON.stringify(l)}\n`).join('');
}

/**
 * Writes an archive to `file` (see {@link formatTaughtJsonl}), through a temporary file renamed
 * into place, so a crash never leaves a half-written export.
 *
 * @throws InputError when the file cannot be written.
 */
export async function writeTaughtJsonl(file: string, archive: TaughtArchive, exportedAt = new Date()): Promise<void> {
  const temporary = `${file}.${randomUUID()}.tmp`;
  try {
    await writeFile(temporary, formatTaughtJsonl(archive, exportedAt), 'utf8');
    await rename(temporary, file);
  } catch (err) {
    await rm(temporary, { force: true });
    throw new InputError('input.invalid', `Cannot write ${file}.`, { cause: err });
  }
}
