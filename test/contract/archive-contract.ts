import { describe, expect, it } from 'vitest';
import { openedFor, prediction, type OpenStorage } from './contract-fixtures.js';

/** What people taught, read and restored as one archive (export / import): every `Storage` must agree. */
export function describeArchiveContract(name: string, open: OpenStorage) {
  describe(`archive contract: ${name}`, () => {
    const db = openedFor(open);

    it('reads what people taught as one archive: examples, voted predictions, live and retracted votes, quarantine', async () => {
      await db.storage.examples.upsertMany([{ phrase: 'archived phrase', label: 'size', source: 'wordnet', weight: 0.5 }]);
      const p = await db.storage.predictions.create(prediction({ phrase: 'archived phrase', messageId: 'arch-1', workspaceId: 'g-arch' }));
      await db.storage.predictions.create(prediction({ phrase: 'archived but unvoted', workspaceId: 'g-arch' }));
      await db.storage.feedback.record({ predictionId: p.id, userId: 'boss', kind: 'choose', label: 'weight', voterIsAdmin: true });
      const gone = { predictionId: p.id, userId: 'fickle', kind: 'confirm' as const, label: 'size' };
      await db.storage.feedback.record(gone);
      await db.storage.feedback.retract(gone);
      await db.storage.quarantine.add('discord', 'arch-flooder', 'discord:boss', 'spam');
      const a = await db.storage.archive.read();
      expect(a.examples).toContainEqual({ phrase: 'archived phrase', label: 'size', source: 'wordnet', weight: 0.5 });
      const mine = a.predictions.filter((x) => x.workspaceId === 'g-arch');
      expect(mine.map((x) => [x.id, x.phrase, x.messageId])).toEqual([[p.id, 'archived phrase', 'arch-1']]);
      expect(mine[0]).not.toHaveProperty('modelVersionId');
      const votes = a.votes.filter((v) => v.predictionId === p.id);
      expect(votes.map((v) => [v.userId, v.kind, v.label, v.voterIsAdmin, v.retractedAt === null])).toEqual([
        ['boss', 'choose', 'weight', true, true],
        ['fickle', 'confirm', 'size', false, false],
      ]);
      expect(a.quarantined).toContainEqual(expect.objectContaining({ platform: 'discord', userId: 'arch-flooder', by: 'discord:boss', reason: 'spam' }));
      // Every vote's prediction is in the archive.
      const ids = new Set(a.predictions.map((x) => x.id));
      expect(a.votes.every((v) => ids.has(v.predictionId))).toBe(true);
    });

    it('restores an archive keeping times and flags, writes nothing twice, and is all or nothing', async () => {
      // Everything already stored: nothing is written again.
      expect(await db.storage.archive.restore(await db.storage.archive.read())).toEqual({ examples: 0, predictions: 0, votes: 0, quarantined: 0 });
      const t = (s: number) => new Date(Date.UTC(2024, 5, 1, 12, 0, s, 250));
      const base = { ...prediction({ phrase: 'restored phrase', phraseRaw: 'Restored  Phrase', workspaceId: 'g-rest' }), heading: null, unknownWords: ['restored'] };
      const archive = {
        examples: [{ phrase: 'restored phrase', label: 'size', source: 'import' as const, weight: 1 }],
        predictions: [
          { ...base, id: 900_001, messageId: 'rest-1', createdAt: t(1) },
          { ...base, id: 900_002, messageId: null, createdAt: t(2) },
        ],
        votes: [
          { predictionId: 900_001, userId: 'r1', kind: 'choose' as const, label: 'weight', voterIsAdmin: true, createdAt: t(3), retractedAt: null },
          { predictionId: 900_002, userId: 'r2', kind: 'new_label' as const, label: 'girth', voterIsAdmin: false, createdAt: t(4), retractedAt: t(5) },
        ],
        quarantined: [{ platform: 'discord' as const, userId: 'rest-q', by: 'discord:r1', reason: null, createdAt: t(6) }],
      };
      expect(await db.storage.archive.restore(archive)).toEqual({ examples: 1, predictions: 2, votes: 2, quarantined: 1 });
      expect(await db.storage.archive.restore(archive)).toEqual({ examples: 0, predictions: 0, votes: 0, quarantined: 0 });
      const back = await db.storage.archive.read();
      const restored = back.predictions.filter((x) => x.workspaceId === 'g-rest');
      expect(restored.map((x) => [x.messageId, x.phraseRaw, x.createdAt.toISOString(), x.unknownWords])).toEqual([
        ['rest-1', 'Restored  Phrase', t(1).toISOString(), ['restored']],
        [null, 'Restored  Phrase', t(2).toISOString(), ['restored']],
      ]);
      const byId = new Map(restored.map((x, i) => [x.id, i]));
      const votes = back.votes.filter((v) => byId.has(v.predictionId)).map((v) => ({ ...v, predictionId: byId.get(v.predictionId) }));
      expect(votes).toEqual([
        { ...archive.votes[0], predictionId: 0 },
        { ...archive.votes[1], predictionId: 1 },
      ]);
      // Training reads a restored live vote as it read the original: its time, phrase, platform, admin flag.
      expect((await db.storage.feedback.listLive('restored phrase')).map((v) => [v.userId, v.createdAt.toISOString(), v.platform, v.voterIsAdmin])).toEqual([
        ['r1', t(3).toISOString(), 'discord', true],
      ]);
      expect(await db.storage.quarantine.list()).toContain('discord:rest-q');
      // A platform message already stored for another phrase: refused, and nothing of the archive is written.
      const clash = {
        ...archive,
        examples: [{ phrase: 'never written', label: 'size', source: 'import' as const, weight: 1 }],
        predictions: [{ ...archive.predictions[1]!, id: 1, createdAt: t(7) }, { ...base, id: 2, phrase: 'another phrase', messageId: 'rest-1', createdAt: t(8) }],
        votes: [{ ...archive.votes[0]!, predictionId: 1, userId: 'r3' }],
        quarantined: [],
      };
      await expect(db.storage.archive.restore(clash)).rejects.toThrow(/prediction 2 .*already stored here for another phrase/);
      expect((await db.storage.examples.listActive()).some((e) => e.phrase === 'never written')).toBe(false);
      expect((await db.storage.archive.read()).votes.some((v) => v.userId === 'r3')).toBe(false);
      expect((await db.storage.archive.read()).predictions.filter((x) => x.workspaceId === 'g-rest')).toHaveLength(2);
    });
  });
}
