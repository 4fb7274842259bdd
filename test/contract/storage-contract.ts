import { describe, expect, it } from 'vitest';
import type { ModelMetrics } from '../../src/core/types.js';
import { openedFor, prediction, type OpenStorage } from './contract-fixtures.js';

const metrics = (top1: number): ModelMetrics => ({ sets: {}, gateTop1: top1, examples: 10, labels: 2 });

/** The behaviour every `Storage` implementation must show. */
export function describeStorageContract(name: string, open: OpenStorage) {
  describe(`storage contract: ${name}`, () => {
    const db = openedFor(open);

    it('stores predictions and maps a platform message back to them', async () => {
      const p = await db.storage.predictions.create(prediction());
      await db.storage.predictions.attachMessage(p.id, 'm1');
      const found = await db.storage.predictions.findByMessage('discord', 'c1', 'm1');
      expect(found?.id).toBe(p.id);
      expect(found?.candidates[0]).toEqual({ label: 'size', p: 0.7 });
      expect(await db.storage.predictions.findByMessage('slack', 'c1', 'm1')).toBeNull();
      expect((await db.storage.predictions.listSince('discord', new Date(Date.now() - 60_000))).map((x) => x.id)).toContain(p.id);
      expect((await db.storage.predictions.latestForUser('discord', 'u1'))?.id).toBe(p.id);
      expect(found).toMatchObject({ heading: null, unknownWords: [] });
    });

    it("keeps what a prediction's message shows besides the prediction: heading, unknown words", async () => {
      const p = await db.storage.predictions.create(prediction({ heading: 'Quiz', unknownWords: ['chonky', 'smol'] }));
      expect(await db.storage.predictions.get(p.id)).toMatchObject({ heading: 'Quiz', unknownWords: ['chonky', 'smol'] });
    });

    it("lists a user's posted phrases since a time (learning prompts already asked), each once", async () => {
      const since = new Date(Date.now() - 60_000);
      for (const [phrase, messageId] of [['asked twice', 'lp1'], ['asked twice', 'lp2'], ['never posted', null]] as const) {
        await db.storage.predictions.create(prediction({ userId: 'bot:prompts', phrase, messageId }));
      }
      await db.storage.predictions.create(prediction({ userId: 'someone else', phrase: 'theirs', messageId: 'lp3' }));
      expect(await db.storage.predictions.postedPhrasesOfUserSince('bot:prompts', since)).toEqual(['asked twice']);
      expect(await db.storage.predictions.postedPhrasesOfUserSince('bot:prompts', new Date(Date.now() + 60_000))).toEqual([]);
    });

    it('lists phrases nobody voted on since a time, most recently asked first, each once', async () => {
      await new Promise((r) => setTimeout(r, 5));
      const since = new Date();
      for (const phrase of ['alpha', 'zulu', 'alpha', 'mike']) await db.storage.predictions.create(prediction({ phrase }));
      const voted = await db.storage.predictions.create(prediction({ phrase: 'voted' }));
      await db.storage.feedback.record({ predictionId: voted.id, userId: 'u9', kind: 'choose', label: 'size' });
      expect(await db.storage.predictions.unvotedPhrasesSince(since, 10)).toEqual(['mike', 'alpha', 'zulu']);
      expect(await db.storage.predictions.unvotedPhrasesSince(since, 2)).toEqual(['mike', 'alpha']);
      expect(await db.storage.predictions.unvotedPhrasesSince(new Date(Date.now() + 60_000), 10)).toEqual([]);
    });

    it('refuses a second prediction on the same platform message (unique key in the database)', async () => {
      const a = await db.storage.predictions.create(prediction({ messageId: 'dup' }));
      await expect(db.storage.predictions.create(prediction({ messageId: 'dup' }))).rejects.toThrow();
      expect(a.id).toBeGreaterThan(0);
    });

    it('records votes idempotently, retracts and revives them', async () => {
      const p = await db.storage.predictions.create(prediction());
      const vote = { predictionId: p.id, userId: 'u2', kind: 'choose' as const, label: 'size' };
      expect(await db.storage.feedback.record(vote)).toEqual({ created: true });
      expect(await db.storage.feedback.record(vote)).toEqual({ created: false });
      await Promise.all([db.storage.feedback.record({ ...vote, userId: 'u3' }), db.storage.feedback.record({ ...vote, userId: 'u3' })]);
      expect(await db.storage.feedback.listForPrediction(p.id)).toHaveLength(2);
      expect(await db.storage.feedback.retract(vote)).toBe(true);
      expect(await db.storage.feedback.retract(vote)).toBe(false);
      expect(await db.storage.feedback.listForPrediction(p.id)).toHaveLength(1);
      expect(await db.storage.feedback.record(vote)).toEqual({ created: true });
      const live = await db.storage.feedback.listLive();
      expect(live.filter((v) => v.predictionId === p.id).map((v) => v.phrase)).toEqual(['very chonky', 'very chonky']);
      // One phrase's live votes (instant learning reads them after each vote).
      const other = await db.storage.predictions.create(prediction({ phrase: 'other phrase' }));
      await db.storage.feedback.record({ predictionId: other.id, userId: 'u2', kind: 'choose', label: 'size' });
      const ofPhrase = await db.storage.feedback.listLive('very chonky');
      expect(ofPhrase.map((v) => v.phrase)).toEqual(['very chonky', 'very chonky']);
      expect((await db.storage.feedback.listLive('other phrase')).map((v) => v.predictionId)).toEqual([other.id]);
      expect(await db.storage.feedback.latestChange()).toBeInstanceOf(Date);
      expect(await db.storage.feedback.latestRejectBy('discord', 'u9')).toBeNull();
      await db.storage.feedback.record({ predictionId: p.id, userId: 'u9', kind: 'reject', label: '*' });
      expect((await db.storage.feedback.latestRejectBy('discord', 'u9'))?.id).toBe(p.id);
      expect(await db.storage.feedback.latestRejectBy('slack', 'u9')).toBeNull();
      const perDay = await db.storage.feedback.votesPerDay(1);
      expect(perDay.at(-1)?.votes).toBeGreaterThanOrEqual(3);
      await db.storage.feedback.record({ predictionId: p.id, userId: 'u8', kind: 'new_label', label: 'girth' });
      expect(await db.storage.feedback.confusedPairs(5)).toContainEqual({ predicted: 'size', chosen: 'girth', votes: 1 });
    });

    it("stores the voter's admin status with the vote; it never keys the vote", async () => {
      const p = await db.storage.predictions.create(prediction({ phrase: 'admin flag' }));
      const vote = { predictionId: p.id, userId: 'boss', kind: 'choose' as const, label: 'size' };
      await db.storage.feedback.record({ ...vote, voterIsAdmin: true });
      await db.storage.feedback.record({ ...vote, userId: 'pleb' });
      // The same vote again, whatever the flag says, is a duplicate.
      expect(await db.storage.feedback.record({ ...vote, voterIsAdmin: false })).toEqual({ created: false });
      const flags = async () => (await db.storage.feedback.listLive()).filter((v) => v.predictionId === p.id).map((v) => [v.userId, v.voterIsAdmin]);
      expect(await flags()).toEqual([['boss', true], ['pleb', false]]);
      // Retracting needs no flag; a revived vote takes the voter's status of its new casting.
      expect(await db.storage.feedback.retract(vote)).toBe(true);
      expect(await db.storage.feedback.record({ ...vote, voterIsAdmin: false })).toEqual({ created: true });
      expect(await flags()).toEqual([['boss', false], ['pleb', false]]);
    });

    it('rejects a vote on a prediction that does not exist (foreign key)', async () => {
      await expect(db.storage.feedback.record({ predictionId: 999_999, userId: 'u', kind: 'confirm', label: 'x' })).rejects.toThrow();
    });

    it('upserts examples by (phrase, label, source)', async () => {
      const n = await db.storage.examples.upsertMany([
        { phrase: 'large', label: 'size', source: 'wordnet', weight: 1 },
        { phrase: 'fishy', label: 'smell', source: 'wordnet', weight: 1 },
      ]);
      expect(n).toBe(2);
      expect(await db.storage.examples.upsertMany([{ phrase: 'large', label: 'size', source: 'wordnet', weight: 1 }])).toBe(0);
      expect(await db.storage.examples.upsertMany([{ phrase: 'large', label: 'size', source: 'wordnet', weight: 0.5 }])).toBe(1);
      expect(await db.storage.examples.count('wordnet')).toBe(2);
      const all = await db.storage.examples.listActive();
      expect(all.find((e) => e.phrase === 'large')?.weight).toBe(0.5);
      await expect(db.storage.examples.upsertMany([{ phrase: 'x', label: 'y', source: 'import', weight: -1 }])).rejects.toThrow();
      expect(await db.storage.examples.deleteSource('wordnet')).toBe(2);
      expect(await db.storage.examples.count()).toBe(0);
    });

    it('keeps one active model per encoder, activates atomically and rolls back', async () => {
      const w = new Uint8Array([1, 2, 3, 4, 5]);
      const a = await db.storage.models.createCandidate({ encoderId: 'e1', labels: ['size'], weights: w, metrics: metrics(0.5) });
      const b = await db.storage.models.createCandidate({ encoderId: 'e1', labels: ['size', 'smell'], weights: w, metrics: metrics(0.6) });
      await db.storage.models.activate(a.id);
      await db.storage.models.activate(b.id);
      const active = await db.storage.models.getActive('e1');
      expect(active?.id).toBe(b.id);
      expect(active?.labelList).toEqual(['size', 'smell']);
      expect([...(active?.weights ?? [])]).toEqual([1, 2, 3, 4, 5]);
      expect((await db.storage.models.get(a.id))?.status).toBe('retired');
      const back = await db.storage.models.rollback('e1');
      expect(back?.id).toBe(a.id);
      expect((await db.storage.models.get(b.id))?.status).toBe('rejected');
      expect(await db.storage.models.rollback('e1')).toBeNull();
      const c = await db.storage.models.createCandidate({ encoderId: 'e1', labels: [], weights: w, metrics: metrics(0.1) });
      await db.storage.models.reject(c.id, 'worse');
      expect((await db.storage.models.list('e1')).map((m) => m.status)).toEqual(['rejected', 'rejected', 'active']);
    });

    it('retires an active model only: its encoder is left without one, and its weights stay', async () => {
      const w = new Uint8Array([7, 8, 9]);
      const old = await db.storage.models.createCandidate({ encoderId: 'e9:v1', labels: ['size'], weights: w, metrics: metrics(0.5) });
      const candidate = await db.storage.models.createCandidate({ encoderId: 'e9:v1', labels: ['size'], weights: w, metrics: metrics(0.4) });
      await db.storage.models.activate(old.id);
      expect(await db.storage.models.retire(candidate.id, 'not active')).toBe(false);
      expect((await db.storage.models.get(candidate.id))?.status).toBe('candidate');
      expect(await db.storage.models.retire(old.id, 'superseded by e9:v2 model 3')).toBe(true);
      expect(await db.storage.models.getActive('e9:v1')).toBeNull();
      const retired = await db.storage.models.get(old.id);
      expect(retired).toMatchObject({ status: 'retired', reason: 'superseded by e9:v2 model 3' });
      expect([...(retired?.weights ?? [])]).toEqual([7, 8, 9]);
      expect(await db.storage.models.retire(old.id, 'again')).toBe(false);
    });

    it('records training runs', async () => {
      const r = await db.storage.runs.start({ trigger: 'cli', requestedBy: null, encoderId: 'e1' });
      expect(r.status).toBe('running');
      const done = await db.storage.runs.finish(r.id, { status: 'failed', error: 'boom', backend: 'wasm' });
      expect(done.error).toBe('boom');
      expect((await db.storage.runs.recent(1))[0]?.id).toBe(r.id);
    });

    it('caches embeddings per encoder and phrase', async () => {
      await db.storage.embeddings.putMany('e1', new Map([['large', new Float32Array([0.5, -1, 2])]]));
      await db.storage.embeddings.putMany('e1', new Map([['large', new Float32Array([9, 9, 9])]]));
      const got = await db.storage.embeddings.getMany('e1', ['large', 'missing']);
      expect([...(got.get('large') ?? [])]).toEqual([0.5, -1, 2]);
      expect(got.has('missing')).toBe(false);
      expect((await db.storage.embeddings.getMany('e2', ['large'])).size).toBe(0);
    });

    it('deletes dashboard links and sessions expired over a day ago when a new one is stored, and keeps the rest', async () => {
      const auth = db.storage.dashboardAuth;
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
      await db.storage.audit.append({ actor: 'u1', action: 'vote', subject: 'prediction:1', after: { label: 'size' } });
      const [e] = await db.storage.audit.list(1);
      expect(e).toMatchObject({ actor: 'u1', action: 'vote', after: { label: 'size' } });
    });

    it('queues retrain requests; each is claimed once, oldest first', async () => {
      const a = await db.storage.retrainQueue.enqueue({ requestedBy: 'discord:1', force: false });
      const b = await db.storage.retrainQueue.enqueue({ requestedBy: 'slack:2', force: true });
      const [c1, c2, c3] = await Promise.all([db.storage.retrainQueue.claimNext(60_000), db.storage.retrainQueue.claimNext(60_000), db.storage.retrainQueue.claimNext(60_000)]);
      const claimed = [c1, c2, c3].filter((c) => c !== null);
      expect(claimed.map((c) => c.id).sort((x, y) => x - y)).toEqual([a, b]);
      expect(claimed.find((c) => c.id === b)).toMatchObject({ requestedBy: 'slack:2', force: true });
      const first = claimed.find((c) => c.id === a);
      expect(first && (await db.storage.retrainQueue.finish(first, null))).toBe(true);
      expect(await db.storage.retrainQueue.claimNext(60_000)).toBeNull();
    });

    it('claims a request left running by a trainer that stopped renewing it, once; a fresh claim is kept; the stale claim changes nothing', async () => {
      const q = db.storage.retrainQueue;
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
      const outer = await db.storage.locks.tryWithLock('train', async () => {
        inner = await db.storage.locks.tryWithLock('train', () => Promise.resolve(1));
        return 2;
      });
      expect(outer).toEqual({ acquired: true, value: 2 });
      expect(inner).toEqual({ acquired: false });
      expect(await db.storage.locks.tryWithLock('train', () => Promise.resolve(3))).toEqual({ acquired: true, value: 3 });
    });

    it('broadcasts model activation', async () => {
      const seen: [string, number][] = [];
      const off = await db.storage.events.onActivated((e, m) => seen.push([e, m]));
      await db.storage.events.publishActivated('e1', 42);
      await expect.poll(() => seen, { timeout: 5000 }).toEqual([['e1', 42]]);
      await off();
    });
  });
}
