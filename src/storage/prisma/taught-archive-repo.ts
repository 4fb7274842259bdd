import type { ArchivedPrediction, RestoreCounts, TaughtArchive, TaughtArchiveRepo } from '../../core/ports.js';
import type { Platform } from '../../core/types.js';
import { InputError } from '../../errors.js';
import type { Prisma, PrismaClient } from '../../generated/prisma/client.js';
import { predictionRecord } from './prediction-repo.js';

const CHUNK = 1000;
/** A restore of a large bot (every WordNet example, tens of thousands of votes) is one transaction: give it time. */
const RESTORE_TIMEOUT_MS = 30 * 60_000;

type Tx = Prisma.TransactionClient;

/** The exporting database's prediction ids → this database's (found or created). */
async function restorePredictions(tx: Tx, predictions: readonly ArchivedPrediction[]): Promise<{ ids: Map<number, number>; created: number }> {
  const ids = new Map<number, number>();
  let created = 0;
  for (const p of predictions) {
    const existing =
      p.messageId !== null
        ? await tx.prediction.findFirst({ where: { platform: p.platform, channelId: p.channelId, messageId: p.messageId } })
        : await tx.prediction.findFirst({
            where: { platform: p.platform, workspaceId: p.workspaceId, channelId: p.channelId, messageId: null, userId: p.userId, phrase: p.phrase, phraseRaw: p.phraseRaw, createdAt: p.createdAt },
          });
    if (existing && existing.phrase !== p.phrase) {
      throw new InputError(
        'input.invalid',
        `The export's prediction ${p.id} (${p.platform} message ${p.channelId}/${p.messageId ?? ''}, “${p.phrase}”) is already stored here for another phrase (“${existing.phrase}”); nothing was imported.`,
      );
    }
    if (existing) {
      ids.set(p.id, existing.id);
      continue;
    }
    const row = await tx.prediction.create({
      data: {
        platform: p.platform,
        workspaceId: p.workspaceId,
        channelId: p.channelId,
        messageId: p.messageId,
        userId: p.userId,
        phraseRaw: p.phraseRaw,
        phrase: p.phrase,
        candidates: p.candidates.map((c) => ({ label: c.label, p: c.p })),
        encoderId: p.encoderId,
        modelVersionId: null,
        heading: p.heading,
        unknownWords: p.unknownWords,
        createdAt: p.createdAt,
      },
    });
    ids.set(p.id, row.id);
    created++;
  }
  return { ids, created };
}

async function restoreExamples(tx: Tx, examples: TaughtArchive['examples']): Promise<number> {
  let written = 0;
  const now = new Date();
  for (let i = 0; i < examples.length; i += CHUNK) {
    const chunk = examples.slice(i, i + CHUNK);
    const created = await tx.trainingExample.createMany({ data: chunk.map((e) => ({ ...e, updatedAt: now })), skipDuplicates: true });
    written += created.count;
    if (created.count === chunk.length) continue;
    for (const e of chunk) {
      const res = await tx.trainingExample.updateMany({
        where: { phrase: e.phrase, label: e.label, source: e.source, OR: [{ weight: { not: e.weight } }, { status: 'excluded' }] },
        data: { weight: e.weight, status: 'active', updatedAt: now },
      });
      written += res.count;
    }
  }
  return written;
}

/** {@link TaughtArchiveRepo} on Prisma (PostgreSQL and PGlite alike). */
export function prismaTaughtArchive(db: PrismaClient): TaughtArchiveRepo {
  return {
    async read() {
      const [examples, predictions, votes, quarantined] = await Promise.all([
        db.trainingExample.findMany({ where: { status: 'active' }, select: { phrase: true, label: true, source: true, weight: true }, orderBy: { id: 'asc' } }),
        db.prediction.findMany({ where: { feedback: { some: {} } }, orderBy: { id: 'asc' } }),
        db.feedback.findMany({ orderBy: { id: 'asc' } }),
        db.quarantinedUser.findMany({ orderBy: [{ createdAt: 'asc' }, { platform: 'asc' }, { userId: 'asc' }] }),
      ]);
      return {
        examples,
        predictions: predictions.map((row) => {
          const { modelVersionId: _dropped, ...p } = predictionRecord(row);
          return p;
        }),
        votes: votes.map((v) => ({
          predictionId: v.predictionId,
          userId: v.userId,
          kind: v.kind,
          label: v.label,
          voterIsAdmin: v.voterIsAdmin,
          ...(v.castVia === 'reaction' || v.castVia === 'button' ? { via: v.castVia } : {}),
          createdAt: v.createdAt,
          retractedAt: v.retractedAt,
        })),
        quarantined: quarantined.map((q) => ({ platform: q.platform as Platform, userId: q.userId, by: q.by, reason: q.reason, createdAt: q.createdAt })),
      };
    },
    async restore(archive) {
      return db.$transaction(
        async (tx): Promise<RestoreCounts> => {
          const examples = await restoreExamples(tx, archive.examples);
          const { ids, created: predictions } = await restorePredictions(tx, archive.predictions);
          let votes = 0;
          for (let i = 0; i < archive.votes.length; i += CHUNK) {
            const data = archive.votes.slice(i, i + CHUNK).map((v) => {
              const predictionId = ids.get(v.predictionId);
              if (predictionId === undefined) {
                throw new InputError('input.invalid', `A vote of ${v.userId} is on the prediction ${v.predictionId}, which the export does not hold; nothing was imported.`);
              }
              const { via, ...rest } = v;
              return { ...rest, predictionId, castVia: via ?? null };
            });
            // In id order: training breaks ties between votes of the same time by id.
            votes += (await tx.feedback.createMany({ data, skipDuplicates: true })).count;
          }
          const quarantined = archive.quarantined.length === 0 ? 0 : (await tx.quarantinedUser.createMany({ data: [...archive.quarantined], skipDuplicates: true })).count;
          return { examples, predictions, votes, quarantined };
        },
        { timeout: RESTORE_TIMEOUT_MS, maxWait: 60_000 },
      );
    },
  };
}
