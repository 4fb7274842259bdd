/**
 * The export format of what people taught (`attribot export FILE.jsonl`): JSON Lines, one object
 * per line, each with a `type`. The first line is the header, then examples, predictions, votes
 * and quarantined users (docs/data.md describes every field). Reading is all or nothing: one bad
 * line rejects the file, naming the line.
 */
import { z } from 'zod';
import type { TaughtArchive } from '../../core/ports.js';
import { normalizeLabel, normalizeText } from '../../core/text.js';
import { InputError } from '../../errors.js';
import { MAX_PHRASE_LENGTH } from './labelled-example.js';

/** The header's `type`: what tells an export from a labelled TSV file. */
export const ARCHIVE_TYPE = 'attribot-export';
/** The format version this attribot writes and reads. */
export const ARCHIVE_VERSION = 1;

const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const text = z.string().min(1).max(2000);
const phrase = z
  .string()
  .transform(normalizeText)
  .refine((p) => p !== '' && [...p].length <= MAX_PHRASE_LENGTH, `a phrase is 1 to ${MAX_PHRASE_LENGTH} characters`);
const label = z.string().transform(normalizeLabel).refine((l) => l !== '', 'a label is empty');
const platform = z.enum(['discord', 'slack', 'console']);
const id = z.number().int().positive();
const counts = z.object({ examples: z.number().int().nonnegative(), predictions: z.number().int().nonnegative(), votes: z.number().int().nonnegative(), quarantined: z.number().int().nonnegative() });

const header = z.object({ type: z.literal(ARCHIVE_TYPE), version: z.number().int(), exportedAt: date, counts });
const example = z.object({ type: z.literal('example'), phrase, label, source: z.enum(['wordnet', 'user', 'admin', 'import']), weight: z.number().nonnegative() });
const prediction = z.object({
  type: z.literal('prediction'),
  id,
  platform,
  workspaceId: text,
  channelId: text,
  messageId: text.nullable(),
  userId: text,
  phraseRaw: z.string().min(1).max(2000),
  phrase,
  candidates: z.array(z.object({ label: z.string(), p: z.number() })),
  encoderId: text,
  heading: z.string().nullable(),
  unknownWords: z.array(z.string()),
  createdAt: date,
});
const vote = z.object({
  type: z.literal('vote'),
  predictionId: id,
  userId: text,
  kind: z.enum(['confirm', 'choose', 'reject', 'new_label']),
  label: z.string().min(1).max(200),
  voterIsAdmin: z.boolean(),
  // Absent in exports made before it was recorded.
  via: z.enum(['reaction', 'button']).optional(),
  createdAt: date,
  retractedAt: date.nullable(),
});
const quarantine = z.object({ type: z.literal('quarantine'), platform, userId: text, by: text, reason: z.string().nullable(), createdAt: date });
const line = z.discriminatedUnion('type', [example, prediction, vote, quarantine]);

/** Whether a file's text is an export (its first non-blank line is a JSON object), rather than labelled TSV. */
export function looksLikeArchive(fileText: string): boolean {
  return /^\s*\{/.test(fileText.replace(/^\ufeff/, ''));
}

function issue(err: z.ZodError): string {
  const first = err.issues[0];
  if (!first) return 'it does not match the format';
  const where = first.path.length > 0 ? `${first.path.join('.')}: ` : '';
  return `${where}${first.message}`;
}

/**
 * Parses an export's text.
 *
 * @param file name used in error messages.
 * @throws InputError (`input.invalid`) naming the file and line of the first bad line: not JSON, not
 *   a known `type`, a bad field, a vote on a prediction no earlier line defines, a prediction id
 *   given twice; or a file holding fewer or more lines than its header counts (cut short).
 */
export function parseTaughtJsonl(fileText: string, file: string): TaughtArchive {
  const fail = (n: number, why: string): never => {
    throw new InputError('input.invalid', `${file} line ${n} is not valid: ${why}.`);
  };
  const archive: TaughtArchive = { examples: [], predictions: [], votes: [], quarantined: [] };
  const predictionIds = new Set<number>();
  let head: z.infer<typeof header> | undefined;
  fileText.replace(/^\ufeff/, '').split('\n').forEach((raw, index) => {
    const n = index + 1;
    if (raw.trim() === '') return;
    let json: unknown;
    try {
      json = JSON.parse(raw);
    } catch {
      fail(n, 'it is not JSON');
    }
    if (!head) {
      const h = header.safeParse(json);
      if (!h.success) return fail(n, `the first line must be the header {"type":"${ARCHIVE_TYPE}","version":${ARCHIVE_VERSION},…} (${issue(h.error)})`);
      if (h.data.version !== ARCHIVE_VERSION) return fail(n, `format version ${h.data.version} is not the one this attribot reads (${ARCHIVE_VERSION})`);
      head = h.data;
      return;
    }
    const parsed = line.safeParse(json);
    if (!parsed.success) return fail(n, issue(parsed.error));
    const d = parsed.data;
    switch (d.type) {
      case 'example': {
        const { type: _type, ...e } = d;
        archive.examples.push(e);
        break;
      }
      case 'prediction': {
        const { type: _type, ...p } = d;
        if (predictionIds.has(p.id)) fail(n, `the prediction ${p.id} is given twice`);
        predictionIds.add(p.id);
        archive.predictions.push(p);
        break;
      }
      case 'vote': {
        const { type: _type, ...v } = d;
        if (!predictionIds.has(v.predictionId)) fail(n, `the vote is on the prediction ${v.predictionId}, which no earlier line defines`);
        archive.votes.push(v);
        break;
      }
      case 'quarantine': {
        const { type: _type, ...q } = d;
        archive.quarantined.push(q);
        break;
      }
    }
  });
  if (!head) throw new InputError('input.invalid', `${file} is empty: an export starts with its header line.`);
  for (const key of ['examples', 'predictions', 'votes', 'quarantined'] as const) {
    if (archive[key].length !== head.counts[key]) {
      throw new InputError('input.invalid', `${file} holds ${archive[key].length} ${key} but its header counts ${head.counts[key]}: the file is incomplete or was edited; nothing was imported.`);
    }
  }
  return archive;
}
