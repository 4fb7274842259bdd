import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ask, askUntil, otherTrainedCandidate, react, startTwoProcessSlack, type TwoProcessSlack } from './two-process-slack.js';

/**
 * Issue #14's target: after a vote, the same phrase is answered with the voted label on the next
 * requests on both processes of a bot + trainer setup on PostgreSQL, without a retrain, and a
 * retraction undoes it as fast. Real `attribot start` processes (`--role all`, which trains and
 * answers, and `--role bot`), real Bolt over signed HTTP, the fake Slack Web API; the vote reaches
 * the other process through LISTEN/NOTIFY. Bounded polling, no clock (`bench/instant.ts` measures it).
 */
describe('instant learning across two processes (Slack over signed HTTP, PostgreSQL, `attribot start --role all` + `--role bot`)', () => {
  let t: TwoProcessSlack;
  beforeAll(async () => {
    t = await startTwoProcessSlack();
  }, 400_000);
  afterAll(async () => {
    await t?.close();
  }, 60_000);

  it('a vote on one process changes the answer on both; its retraction changes it back; nothing retrains', async () => {
    const runs = (await t.storage.runs.recent(100)).length;
    expect(runs).toBe(1);
    const first = await ask(t, t.a, 'UASK', 'huge');
    expect(first.headline).toBe('size');
    const onB = await ask(t, t.b, 'UASK', 'huge');
    expect(onB.headline).toBe('size');
    // A different candidate than the answer (one the model has a class for).
    const { label: voted, reaction } = otherTrainedCandidate(first);
    expect(voted).not.toBe('size');
    expect(await react(t, t.a, first, 'UVOTER', reaction)).toBe(200);

    const taughtB = await askUntil(t, t.b, 'huge', (a) => a.headline === voted);
    expect(taughtB.answer.candidates[0]).toBe(voted);
    expect((await askUntil(t, t.a, 'huge', (a) => a.headline === voted)).answer.headline).toBe(voted);
    // Other phrases are not taught by it.
    expect((await ask(t, t.b, 'UASK', 'tiny')).headline).toBe('size');

    // The voter takes the reaction back on A's message: B (and A) stop answering with it.
    expect(await react(t, t.a, first, 'UVOTER', reaction, false)).toBe(200);
    expect((await askUntil(t, t.b, 'huge', (a) => a.headline !== voted)).answer.headline).toBe('size');
    expect((await askUntil(t, t.a, 'huge', (a) => a.headline !== voted)).answer.headline).toBe('size');
    expect(await t.storage.feedback.listLive('huge')).toEqual([]);

    // Learned at once, not by training: no run besides the trainer's first.
    expect((await t.storage.runs.recent(100)).length).toBe(runs);
  }, 300_000);
});
