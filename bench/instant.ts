/**
 * `npx tsx bench/instant.ts`: how long after a vote the other process answers with it, end to end,
 * as in test/e2e/instant-learning-two-process.test.ts: two `attribot start` processes on one
 * PostgreSQL database (`--role all` and `--role bot`) serving the same Slack app over signed HTTP,
 * the fake Slack Web API. After one warm-up request on each process, per round: `/attribute <phrase>`
 * on A, a numbered reaction on A's message (the first other candidate the model has a class for),
 * then `/attribute <phrase>` on B again and again until B's answer is the voted label; then the
 * reaction is removed on A and B is asked until it stops answering it.
 *
 * A latency is from the vote's HTTP 200 from A (the vote is durable) to the arrival in Slack of
 * B's first answer with the voted label (or, after the retraction, without it): an upper bound
 * that includes one whole `/attribute` round trip on B (`ask_ms`), the resolution of the probe.
 * Needs PostgreSQL at TEST_DATABASE_URL. Progress goes to stderr; the last stdout line is JSON.
 *
 * Size: INSTANT_ROUNDS (12; one fixture phrase each).
 */
import { FIXTURE_EXAMPLES } from '../test/support/test-app.js';
import { quantile } from '../test/support/vote-tally.js';
import { ask, askUntil, otherTrainedCandidate, react, startTwoProcessSlack, type PostedAnswer } from '../test/e2e/two-process-slack.js';

// A bench script is its own entry point: its size comes from its environment.
const rounds = Number(process.env['INSTANT_ROUNDS'] ?? 12);
const stats = (xs: readonly number[]) => ({ p50_ms: Math.round(quantile(xs, 0.5)), max_ms: Math.round(Math.max(...xs)) });

const t = await startTwoProcessSlack();
try {
  const learned: number[] = [];
  const unlearned: number[] = [];
  const asks: number[] = [];
  const requests: number[] = [];
  const phrases = FIXTURE_EXAMPLES.map((e) => e.phrase).slice(0, rounds);
  const timed = async (fn: () => Promise<PostedAnswer>) => {
    const start = Date.now();
    const a = await fn();
    asks.push(a.at - start);
    return a;
  };
  // A process's first request warms it up (first encoder and scorer calls): not what is measured.
  for (const p of [t.a, t.b]) await ask(t, p, 'UWARM', 'warm');
  for (const [i, phrase] of phrases.entries()) {
    const first = await timed(() => ask(t, t.a, 'UASK', phrase));
    const { label: voted, reaction } = otherTrainedCandidate(first);
    const voter = `UBENCH${i}`;
    if ((await react(t, t.a, first, voter, reaction)) !== 200) throw new Error('the vote was refused');
    const votedAt = Date.now();
    const on = await askUntil(t, t.b, phrase, (a) => a.headline === voted);
    learned.push(on.answer.at - votedAt);
    requests.push(on.asked);
    if ((await react(t, t.a, first, voter, reaction, false)) !== 200) throw new Error('the retraction was refused');
    const retractedAt = Date.now();
    const off = await askUntil(t, t.b, phrase, (a) => a.headline !== voted);
    unlearned.push(off.answer.at - retractedAt);
    console.error(`${phrase}: voted ${voted}; B answered it after ${learned.at(-1)} ms (${on.asked} requests), stopped ${unlearned.at(-1)} ms after the retraction`);
  }
  const runs = (await t.storage.runs.recent(100)).length;
  console.log(
    JSON.stringify({
      rounds: phrases.length,
      ...stats(learned),
      vote_to_other_process: { ...stats(learned), requests_max: Math.max(...requests) },
      retraction_to_other_process: stats(unlearned),
      ask_ms: stats(asks),
      training_runs: runs,
      cores: (await import('node:os')).availableParallelism(),
    }),
  );
} finally {
  await t.close();
}
