import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { buildTrainingSet } from '../../src/ml/training/training-set.js';
import { trustedVotes } from '../../src/ml/training/trusted-votes.js';
import { useTestApp } from '../support/test-app.js';

const ctx = (userId: string, isAdmin = false): ChatContext => ({ platform: 'slack', workspaceId: 'T', channelId: 'C', userId, isAdmin });

/** Phrases three users agree on, with the label the seed also gives their adjective. */
const CONSENSUS: Record<string, string> = { 'really chubby': 'weight', 'very bulky': 'size', 'pretty stinky': 'smell', 'super loud': 'sound', 'so huge': 'size' };
/** Phrases only the flooder labels. */
const FLOODER_ONLY = ['kinda tasty', 'sorta cold', 'fairly rich', 'hella fast', 'lowkey scary', 'rly sweet'];

describe('weighted votes through the real training path (PostgreSQL, GloVe fixture, wasm trainer)', () => {
  const app = useTestApp();

  const teach = async (user: ChatContext, phrase: string, label: string) => {
    expect((await app().core.attribute(user, phrase)).kind).toBe('prediction');
    expect((await app().core.correct(user, label)).kind).toBe('text');
  };
  const topLabel = async (phrase: string) => {
    const r = await app().core.attribute(ctx('asker'), phrase);
    return r.kind === 'prediction' ? /→ (.+)/.exec(r.text)?.[1] : undefined;
  };
  const weightOf = async (user: string) => {
    const r = await app().core.admin(ctx('UADMIN', true), `corrections <@${user}>`);
    return Number(/weight in training: (\d\.\d\d)/.exec(r.kind === 'text' ? r.text : '')?.[1] ?? Number.NaN);
  };
  /** The soft targets the next retrain would train on, from the stored votes. */
  const targets = async () => {
    const votes = trustedVotes(await app().storage.feedback.listLive(), await app().storage.quarantine.list());
    const set = buildTrainingSet(await app().storage.examples.listActive(), votes);
    return new Map([...set.train, ...Object.values(set.heldOut).flat()].map((p) => [p.phrase, p.target]));
  };
  const retrain = async () => expect((await app().core.admin(ctx('UADMIN', true), 'retrain force')).text).toMatch(/is now active|promoted/);

  it('a flooder cannot overturn what several users agreed on, and ends with a low weight', async () => {
    for (const [phrase, label] of Object.entries(CONSENSUS)) {
      for (const user of ['UHONEST1', 'UHONEST2', 'UHONEST3']) await teach(ctx(user), phrase, label);
      // Flooding: the same wrong label again and again, on new predictions of the phrase each time.
      for (let i = 0; i < 3; i++) await teach(ctx('UFLOOD'), phrase, 'beauty');
    }
    for (const phrase of FLOODER_ONLY) await teach(ctx('UFLOOD'), phrase, 'beauty');
    const trained = await targets();
    for (const [phrase, label] of Object.entries(CONSENSUS)) {
      // Equal weights would give 0.75; the flooder's low weight leaves the flood a sliver.
      expect(trained.get(phrase)?.get(label)).toBeGreaterThan(0.85);
    }
    await retrain();

    for (const [phrase, label] of Object.entries(CONSENSUS)) expect(await topLabel(phrase)).toBe(label);
    const flooder = await weightOf('UFLOOD');
    const honest = await weightOf('UHONEST1');
    expect(flooder).toBeLessThan(0.35);
    expect(honest).toBeGreaterThan(0.67);
    // Quarantine still takes the flooder out entirely.
    await app().core.admin(ctx('UADMIN', true), 'quarantine <@UFLOOD>');
    expect((await app().core.admin(ctx('UADMIN', true), 'corrections <@UFLOOD>')).text).toMatch(/weight in training: none \(quarantined\)/);
  });

  it("an admin's vote outweighs a single user's conflicting vote, either way round", async () => {
    // Crossed, so neither label can win both phrases by itself.
    await teach(ctx('UBOSS', true), 'so fluffy', 'size');
    await teach(ctx('UUSER'), 'so fluffy', 'beauty');
    await teach(ctx('UBOSS', true), 'so teeny', 'beauty');
    await teach(ctx('UUSER'), 'so teeny', 'size');
    const live = await app().storage.feedback.listLive();
    expect(live.filter((v) => v.phrase === 'so fluffy').map((v) => [v.userId, v.voterIsAdmin])).toEqual([['UBOSS', true], ['UUSER', false]]);
    const trained = await targets();
    expect(trained.get('so fluffy')?.get('size') ?? 0).toBeGreaterThan(trained.get('so fluffy')?.get('beauty') ?? 1);
    expect(trained.get('so teeny')?.get('beauty') ?? 0).toBeGreaterThan(trained.get('so teeny')?.get('size') ?? 1);
    expect((await app().core.admin(ctx('UADMIN', true), 'corrections <@UBOSS>')).text).toMatch(/“so teeny” → beauty \(as admin\)/);
  });
});
