import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Storage } from '../../src/core/ports.js';
import type { ModelMetrics, NewPrediction } from '../../src/core/types.js';

const metrics = (top1: number): ModelMetrics => ({ sets: {}, gateTop1: top1, examples: 10, labels: 2 });

const prediction = (over: Partial<NewPrediction> = {}): NewPrediction => ({
  platform: 'discord',
  workspaceId: 'g1',
  channelId: 'c1',
  messageId: null,
  userId: 'u1',
  phraseRaw: 'Very Chonky',
  phrase: 'very chonky',
  candidates: [
    { label: 'size', p: 0.7 },
    { label: 'weight', p: 0.2 },
  ],
  encoderId: 'enc',
  modelVersionId: null,
  ...over,
});

/** The behaviour every {@link Storage} implementation must show. */
export function describeStorageContract(name: string, open: () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>) {
  describe(`storage contract: ${name}`, () => {
    let storage: Storage;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      ({ storage, cleanup } = await open());
    });
    afterAll(async () => {
      await storage.close();
      await cleanup();
    });

    it('stores predictions and maps a platform message back to them', async () => {
      const p = await storage.predictions.create(prediction());
      await storage.predictions.attachMessage(p.id, 'm1');
      const found = await storage.predictions.findByMessage('discord', 'c1', 'm1');
      expect(found?.id).toBe(p.id);
      expect(found?.candidates[0]).toEqual({ label: 'size', p: 0.7 });
      expect(await storage.predictions.findByMessage('slack', 'c1', 'm1')).toBeNull();
      expect((await storage.predictions.listSince('discord', new Date(Date.now() - 60_000))).map((x) => x.id)).toContain(p.id);
      expect((await storage.predictions.latestForUser('discord', 'u1'))?.id).toBe(p.id);
      expect(found).toMatchObject({ heading: null, unknownWords: [] });
    });

    it("keeps what a prediction's message shows besides the prediction: heading, unknown words", async () => {
      const p = await storage.predictions.create(prediction({ heading: 'Quiz', unknownWords: ['chonky', 'smol'] }));
      expect(await storage.predictions.get(p.id)).toMatchObject({ heading: 'Quiz', unknownWords: ['chonky', 'smol'] });
    });

    it("lists a user's posted phrases since a time (learning prompts already asked), each once", async () => {
      const since = new Date(Date.now() - 60_000);
      for (const [phrase, messageId] of [['asked twice', 'lp1'], ['asked twice', 'lp2'], ['never posted', null]] as const) {
        await storage.predictions.create(prediction({ userId: 'bot:prompts', phrase, messageId }));
      }
      await storage.predictions.create(prediction({ userId: 'someone else', phrase: 'theirs', messageId: 'lp3' }));
      expect(await storage.predictions.postedPhrasesOfUserSince('bot:prompts', since)).toEqual(['asked twice']);
      expect(await storage.predictions.postedPhrasesOfUserSince('bot:prompts', new Date(Date.now() + 60_000))).toEqual([]);
    });

    it('lists phrases nobody voted on since a time, most recently asked first, each once', async () => {
      await new Promise((r) => setTimeout(r, 5));
      const since = new Date();
      for (const phrase of ['alpha', 'zulu', 'alpha', 'mike']) await storage.predictions.create(prediction({ phrase }));
      const voted = await storage.predictions.create(prediction({ phrase: 'voted' }));
      await storage.feedback.record({ predictionId: voted.id, userId: 'u9', kind: 'choose', label: 'size' });
      expect(await storage.predictions.unvotedPhrasesSince(since, 10)).toEqual(['mike', 'alpha', 'zulu']);
      expect(await storage.predictions.unvotedPhrasesSince(since, 2)).toEqual(['mike', 'alpha']);
      expect(await storage.predictions.unvotedPhrasesSince(new Date(Date.now() + 60_000), 10)).toEqual([]);
    });

    it('refuses a second prediction on the same platform message (unique key in the database)', async () => {
      const a = await storage.predictions.create(prediction({ messageId: 'dup' }));
      await expect(storage.predictions.create(prediction({ messageId: 'dup' }))).rejects.toThrow();
      expect(a.id).toBeGreaterThan(0);
    });

    it('records votes idempotently, retracts and revives them', async () => {
      const p = await storage.predictions.create(prediction());
      const vote = { predictionId: p.id, userId: 'u2', kind: 'choose' as const, label: 'size' };
      expect(await storage.feedback.record(vote)).toEqual({ created: true });
      expect(await storage.feedback.record(vote)).toEqual({ created: false });
      await Promise.all([storage.feedback.record({ ...vote, userId: 'u3' }), storage.feedback.record({ ...vote, userId: 'u3' })]);
      expect(await storage.feedback.listForPrediction(p.id)).toHaveLength(2);
      expect(await storage.feedback.retract(vote)).toBe(true);
      expect(await storage.feedback.retract(vote)).toBe(false);
      expect(await storage.feedback.listForPrediction(p.id)).toHaveLength(1);
      expect(await storage.feedback.record(vote)).toEqual({ created: true });
      const live = await storage.feedback.listLive();
      expect(live.filter((v) => v.predictionId === p.id).map((v) => v.phrase)).toEqual(['very chonky', 'very chonky']);
      // One phrase's live votes (instant learning reads them after each vote).
      const other = await storage.predictions.create(prediction({ phrase: 'other phrase' }));
      await storage.feedback.record({ predictionId: other.id, userId: 'u2', kind: 'choose', label: 'size' });
      const ofPhrase = await storage.feedback.listLive('very chonky');
      expect(ofPhrase.map((v) => v.phrase)).toEqual(['very chonky', 'very chonky']);
      expect((await storage.feedback.listLive('other phrase')).map((v) => v.predictionId)).toEqual([other.id]);
      expect(await storage.feedback.latestChange()).toBeInstanceOf(Date);
      expect(await storage.feedback.latestRejectBy('discord', 'u9')).toBeNull();
      await storage.feedback.record({ predictionId: p.id, userId: 'u9', kind: 'reject', label: '*' });
      expect((await storage.feedback.latestRejectBy('discord', 'u9'))?.id).toBe(p.id);
      expect(await storage.feedback.latestRejectBy('slack', 'u9')).toBeNull();
      const perDay = await storage.feedback.votesPerDay(1);
      expect(perDay.at(-1)?.votes).toBeGreaterThanOrEqual(3);
      await storage.feedback.record({ predictionId: p.id, userId: 'u8', kind: 'new_label', label: 'girth' });
      expect(await storage.feedback.confusedPairs(5)).toContainEqual({ predicted: 'size', chosen: 'girth', votes: 1 });
    });

    it("stores the voter's admin status with the vote; it never keys the vote", async () => {
      const p = await storage.predictions.create(prediction({ phrase: 'admin flag' }));
      const vote = { predictionId: p.id, userId: 'boss', kind: 'choose' as const, label: 'size' };
      await storage.feedback.record({ ...vote, voterIsAdmin: true });
      await storage.feedback.record({ ...vote, userId: 'pleb' });
      // The same vote again, whatever the flag says, is a duplicate.
      expect(await storage.feedback.record({ ...vote, voterIsAdmin: false })).toEqual({ created: false });
      const flags = async () => (await storage.feedback.listLive()).filter((v) => v.predictionId === p.id).map((v) => [v.userId, v.voterIsAdmin]);
      expect(await flags()).toEqual([['boss', true], ['pleb', false]]);
      // Retracting needs no flag; a revived vote takes the voter's status of its new casting.
      expect(await storage.feedback.retract(vote)).toBe(true);
      expect(await storage.feedback.record({ ...vote, voterIsAdmin: false })).toEqual({ created: true });
      expect(await flags()).toEqual([['boss', false], ['pleb', false]]);
    });

    it('rejects a vote on a prediction that does not exist (foreign key)', async () => {
      await expect(storage.feedback.record({ predictionId: 999_999, userId: 'u', kind: 'confirm', label: 'x' })).rejects.toThrow();
    });

    it('upserts examples by (phrase, label, source)', async () => {
      const n = await storage.examples.upsertMany([
        { phrase: 'large', label: 'size', source: 'wordnet', weight: 1 },
        { phrase: 'fishy', label: 'smell', source: 'wordnet', weight: 1 },
      ]);
      expect(n).toBe(2);
      expect(await storage.examples.upsertMany([{ phrase: 'large', label: 'size', source: 'wordnet', weight: 1 }])).toBe(0);
      expect(await storage.examples.upsertMany([{ phrase: 'large', label: 'size', source: 'wordnet', weight: 0.5 }])).toBe(1);
      expect(await storage.examples.count('wordnet')).toBe(2);
      const all = await storage.examples.listActive();
      expect(all.find((e) => e.phrase === 'large')?.weight).toBe(0.5);
      await expect(storage.examples.upsertMany([{ phrase: 'x', label: 'y', source: 'import', weight: -1 }])).rejects.toThrow();
      expect(await storage.examples.deleteSource('wordnet')).toBe(2);
      expect(await storage.examples.count()).toBe(0);
    });

    it('reads what people taught as one archive: examples, voted predictions, live and retracted votes, quarantine', async () => {
      await storage.examples.upsertMany([{ phrase: 'archived phrase', label: 'size', source: 'wordnet', weight: 0.5 }]);
      const p = await storage.predictions.create(prediction({ phrase: 'archived phrase', messageId: 'arch-1', workspaceId: 'g-arch' }));
      await storage.predictions.create(prediction({ phrase: 'archived but unvoted', workspaceId: 'g-arch' }));
      await storage.feedback.record({ predictionId: p.id, userId: 'boss', kind: 'choose', label: 'weight', voterIsAdmin: true });
      const gone = { predictionId: p.id, userId: 'fickle', kind: 'confirm' as const, label: 'size' };
      await storage.feedback.record(gone);
      await storage.feedback.retract(gone);
      await storage.quarantine.add('discord', 'arch-flooder', 'discord:boss', 'spam');
      const a = await storage.archive.read();
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
      expect(await storage.archive.restore(await storage.archive.read())).toEqual({ examples: 0, predictions: 0, votes: 0, quarantined: 0 });
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
      expect(await storage.archive.restore(archive)).toEqual({ examples: 1, predictions: 2, votes: 2, quarantined: 1 });
      expect(await storage.archive.restore(archive)).toEqual({ examples: 0, predictions: 0, votes: 0, quarantined: 0 });
      const back = await storage.archive.read();
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
      expect((await storage.feedback.listLive('restored phrase')).map((v) => [v.userId, v.createdAt.toISOString(), v.platform, v.voterIsAdmin])).toEqual([
        ['r1', t(3).toISOString(), 'discord', true],
      ]);
      expect(await storage.quarantine.list()).toContain('discord:rest-q');
      // A platform message already stored for another phrase: refused, and nothing of the archive is written.
      const clash = {
        ...archive,
        examples: [{ phrase: 'never written', label: 'size', source: 'import' as const, weight: 1 }],
        predictions: [{ ...archive.predictions[1]!, id: 1, createdAt: t(7) }, { ...base, id: 2, phrase: 'another phrase', messageId: 'rest-1', createdAt: t(8) }],
        votes: [{ ...archive.votes[0]!, predictionId: 1, userId: 'r3' }],
        quarantined: [],
      };
      await expect(storage.archive.restore(clash)).rejects.toThrow(/prediction 2 .*already stored here for another phrase/);
      expect((await storage.examples.listActive()).some((e) => e.phrase === 'never written')).toBe(false);
      expect((await storage.archive.read()).votes.some((v) => v.userId === 'r3')).toBe(false);
      expect((await storage.archive.read()).predictions.filter((x) => x.workspaceId === 'g-rest')).toHaveLength(2);
    });

    it('keeps one active model per encoder, activates atomically and rolls back', async () => {
      const w = new Uint8Array([1, 2, 3, 4, 5]);
      const a = await storage.models.createCandidate({ encoderId: 'e1', labels: ['size'], weights: w, metrics: metrics(0.5) });
      const b = await storage.models.createCandidate({ encoderId: 'e1', labels: ['size', 'smell'], weights: w, metrics: metrics(0.6) });
      await storage.models.activate(a.id);
      await storage.models.activate(b.id);
      const active = await storage.models.getActive('e1');
      expect(active?.id).toBe(b.id);
      expect(active?.labelList).toEqual(['size', 'smell']);
      expect([...(active?.weights ?? [])]).toEqual([1, 2, 3, 4, 5]);
      expect((await storage.models.get(a.id))?.status).toBe('retired');
      const back = await storage.models.rollback('e1');
      expect(back?.id).toBe(a.id);
      expect((await storage.models.get(b.id))?.status).toBe('rejected');
      expect(await storage.models.rollback('e1')).toBeNull();
      const c = await storage.models.createCandidate({ encoderId: 'e1', labels: [], weights: w, metrics: metrics(0.1) });
      await storage.models.reject(c.id, 'worse');
      expect((await storage.models.list('e1')).map((m) => m.status)).toEqual(['rejected', 'rejected', 'active']);
    });

    it('retires an active model only: its encoder is left without one, and its weights stay', async () => {
      const w = new Uint8Array([7, 8, 9]);
      const old = await storage.models.createCandidate({ encoderId: 'e9:v1', labels: ['size'], weights: w, metrics: metrics(0.5) });
      const candidate = await storage.models.createCandidate({ encoderId: 'e9:v1', labels: ['size'], weights: w, metrics: metrics(0.4) });
      await storage.models.activate(old.id);
      expect(await storage.models.retire(candidate.id, 'not active')).toBe(false);
      expect((await storage.models.get(candidate.id))?.status).toBe('candidate');
      expect(await storage.models.retire(old.id, 'superseded by e9:v2 model 3')).toBe(true);
      expect(await storage.models.getActive('e9:v1')).toBeNull();
      const retired = await storage.models.get(old.id);
      expect(retired).toMatchObject({ status: 'retired', reason: 'superseded by e9:v2 model 3' });
      expect([...(retired?.weights ?? [])]).toEqual([7, 8, 9]);
      expect(await storage.models.retire(old.id, 'again')).toBe(false);
    });

    it('records training runs', async () => {
      const r = await storage.runs.start({ trigger: 'cli', requestedBy: null, encoderId: 'e1' });
      expect(r.status).toBe('running');
      const done = await storage.runs.finish(r.id, { status: 'failed', error: 'boom', backend: 'wasm' });
      expect(done.error).toBe('boom');
      expect((await storage.runs.recent(1))[0]?.id).toBe(r.id);
    });

    it('caches embeddings per encoder and phrase', async () => {
      await storage.embeddings.putMany('e1', new Map([['large', new Float32Array([0.5, -1, 2])]]));
      await storage.embeddings.putMany('e1', new Map([['large', new Float32Array([9, 9, 9])]]));
      const got = await storage.embeddings.getMany('e1', ['large', 'missing']);
      expect([...(got.get('large') ?? [])]).toEqual([0.5, -1, 2]);
      expect(got.has('missing')).toBe(false);
      expect((await storage.embeddings.getMany('e2', ['large'])).size).toBe(0);
    });

    it('deletes dashboard links and sessions expired over a day ago when a new one is stored, and keeps the rest', async () => {
      const auth = storage.dashboardAuth;
      const now = new Date('2026-06-01T12:00:00Z');
      const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000);
      await auth.createSession({ idHash: 'old-session', userKey: 'discord:1', csrfToken: 'c1', expiresAt: at(-30) }, at(-40));
      await auth.createSession({ idHash: 'recent-session', userKey: 'discord:1', csrfToken: 'c2', expiresAt: at(-2) }, at(-10));
      await auth.createLink({ tokenHash: 'old-link', userKey: 'discord:1', isAdmin: true, expiresAt: at(-30) }, at(-31));
      await auth.createLink({ tokenHash: 'live-link', userKey: 'discord:1', isAdmin: true, expiresAt: at(1) }, now);
      await auth.createSession({ idHash: 'new-session', userKey: 'discord:1', csrfToken: 'c3', expiresAt: at(12) }, now);
      // Asked as of a time when each was still live: only the long-expired ones are gone.
      expect(await auth.getSession('old-session', at(-31))).toBeNull();
      expect(await auth.getSession('recent-session', at(-3))).toMatchObject({ idHash: 'recent-session' });
      expect(await auth.getSession('new-session', now)).toMatchObject({ idHash: 'new-session' });
      expect(await auth.consumeLink('old-link', at(-31))).toBeNull();
      expect(await auth.consumeLink('live-link', now)).toMatchObject({ tokenHash: 'live-link' });
    });

    it('appends audit entries', async () => {
      await storage.audit.append({ actor: 'u1', action: 'vote', subject: 'prediction:1', after: { label: 'size' } });
      const [e] = await storage.audit.list(1);
      expect(e).toMatchObject({ actor: 'u1', action: 'vote', after: { label: 'size' } });
    });

    it('queues retrain requests; each is claimed once, oldest first', async () => {
      const a = await storage.retrainQueue.enqueue({ requestedBy: 'discord:1', force: false });
      const b = await storage.retrainQueue.enqueue({ requestedBy: 'slack:2', force: true });
      const [c1, c2, c3] = await Promise.all([storage.retrainQueue.claimNext(60_000), storage.retrainQueue.claimNext(60_000), storage.retrainQueue.claimNext(60_000)]);
      const claimed = [c1, c2, c3].filter((c) => c !== null);
      expect(claimed.map((c) => c.id).sort((x, y) => x - y)).toEqual([a, b]);
      expect(claimed.find((c) => c.id === b)).toMatchObject({ requestedBy: 'slack:2', force: true });
      const first = claimed.find((c) => c.id === a);
      expect(first && (await storage.retrainQueue.finish(first, null))).toBe(true);
      expect(await storage.retrainQueue.claimNext(60_000)).toBeNull();
    });

    it('claims a request left running by a trainer that stopped renewing it, once; a fresh claim is kept; the stale claim changes nothing', async () => {
      const q = storage.retrainQueue;
      // Finish what earlier tests left queued or running, so this request is the only one.
      for (let c = await q.claimNext(0); c; c = await q.claimNext(0)) await q.finish(c, null);
      const id = await q.enqueue({ requestedBy: 'discord:3', force: false });
      const first = await q.claimNext(60_000);
      expect(first?.id).toBe(id);
      if (!first) return;
      expect(await q.renew(first)).toBe(true);
      // Claimed (and renewed) within the minute: nobody else takes it.
      expect(await q.claimNext(60_000)).toBeNull();
      await new Promise((r) => setTimeout(r, 20));
      // Not renewed for longer than a 10 ms lease: its trainer is taken for dead, and it is claimed
      // again; that claim is fresh, so a trainer with the usual lease does not take it too.
      const second = await q.claimNext(10);
      expect(second?.id).toBe(id);
      if (!second) return;
      expect(await q.claimNext(60_000)).toBeNull();
      // The first trainer was only slow: its claim is over. It can neither keep the request, nor
      // put it back in the queue (the second trainer is running it), nor record an outcome.
      expect(await q.renew(first)).toBe(false);
      expect(await q.release(first)).toBe(false);
      expect(await q.finish(first, null, { status: 'failed', text: 'stale' })).toBe(false);
      expect(await q.claimNext(60_000)).toBeNull();
      expect(await q.renew(second)).toBe(true);
      expect(await q.finish(second, null)).toBe(true);
      await new Promise((r) => setTimeout(r, 20));
      // A finished request is never claimed again, however old its claim, nor finished twice.
      expect(await q.claimNext(1)).toBeNull();
      expect(await q.finish(second, null)).toBe(false);
    });

    it('lets one holder take a named lock at a time', async () => {
      let inner: unknown;
      const outer = await storage.locks.tryWithLock('train', async () => {
        inner = await storage.locks.tryWithLock('train', () => Promise.resolve(1));
        return 2;
      });
      expect(outer).toEqual({ acquired: true, value: 2 });
      expect(inner).toEqual({ acquired: false });
      expect(await storage.locks.tryWithLock('train', () => Promise.resolve(3))).toEqual({ acquired: true, value: 3 });
    });

    it('broadcasts model activation', async () => {
      const seen: [string, number][] = [];
      const off = await storage.events.onActivated((e, m) => seen.push([e, m]));
      await storage.events.publishActivated('e1', 42);
      await expect.poll(() => seen, { timeout: 5000 }).toEqual([['e1', 42]]);
      await off();
    });
  });
}
