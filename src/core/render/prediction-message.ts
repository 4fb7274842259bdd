import type { VoteControls } from '../chat/chat-core.js';
import type { Platform, PredictionRecord, VoteRecord } from '../types.js';

const NUMBERS = ['1️⃣', '2️⃣', '3️⃣', '4️⃣', '5️⃣'];

/** `0.6234` → `62%`; tiny values stay visible as `<1%`. */
export function percent(p: number): string {
  const v = Math.round(p * 100);
  return v === 0 && p > 0 ? '<1%' : `${v}%`;
}

/** "size (2 votes), weight (1 vote)" — live votes by label, most first. */
export function tallyText(votes: readonly VoteRecord[]): string {
  const byLabel = new Map<string, Set<string>>();
  for (const v of votes) {
    const label = v.kind === 'reject' ? 'none of these' : v.label;
    byLabel.set(label, (byLabel.get(label) ?? new Set()).add(v.userId));
  }
  return [...byLabel]
    .sort((a, b) => b[1].size - a[1].size || a[0].localeCompare(b[0]))
    .map(([label, users]) => `${label} (${users.size} vote${users.size === 1 ? '' : 's'})`)
    .join(', ');
}

/**
 * How to correct an answer where it is shown: typed votes at the console; on chat platforms the
 * message's controls (`VOTE_CONTROLS`): reactions, buttons, or both.
 */
export function correctionHint(platform: Platform | undefined, controls: VoteControls = 'reactions'): string {
  if (platform === 'console') return 'wrong? type :1–:5 for the right one, :ok if the first is right, :x <word> if none is';
  switch (controls) {
    case 'buttons':
      return 'wrong? click the right one below, ✅ if the first is right, “something else…” if none is';
    case 'both':
      return 'wrong? click or react 1️⃣–5️⃣ for the right one, ✅ if the first is right, “something else…” or ❌ if none is';
    default:
      return 'wrong? react 1️⃣–5️⃣ for the right one, ✅ if the first is right, ❌ if none is (then /attribute-correct <word>)';
  }
}

/**
 * Below this probability the first answer is more likely wrong than right (probabilities are
 * calibrated: see README, "Answer quality"), so the headline says the bot is not sure.
 */
export const NOT_SURE_BELOW = 0.5;

/**
 * The prediction itself: top candidates numbered 1–5 with probabilities, the model version and a
 * one-line correction hint in the style of the prediction's platform.
 */
export function renderPrediction(p: Pick<PredictionRecord, 'phraseRaw' | 'candidates' | 'modelVersionId'> & { platform?: Platform }, controls?: VoteControls): string {
  const first = p.candidates[0];
  const headline = !first ? 'no idea yet' : first.p < NOT_SURE_BELOW ? `${first.label}? not sure — is it one of these?` : first.label;
  const lines = [`“${p.phraseRaw}” → ${headline}`];
  p.candidates.slice(0, 5).forEach((c, i) => lines.push(`${NUMBERS[i] ?? `${i + 1}.`} ${c.label} — ${percent(c.p)}`));
  const model = p.modelVersionId === null ? 'no trained model yet (zero-shot)' : `model v${p.modelVersionId}`;
  lines.push(`${model} · ${correctionHint(p.platform, controls)}`);
  return lines.join('\n');
}

/** Heads a prediction the bot asks about on its own initiative (quiz, learning prompt). */
export function askingText(heading: string, predictionText: string): string {
  return `${heading} — I'm unsure about this one; which is right?\n${predictionText}`;
}

/** The note under a prediction whose phrase has words the encoder does not know. */
export function unknownWordsNote(words: readonly string[]): string {
  return `(I don't know the word${words.length > 1 ? 's' : ''} ${words.map((w) => `“${w}”`).join(', ')} well — your corrections teach me.)`;
}

/**
 * The whole message of a stored prediction, as first posted and after every vote: its heading
 * when the bot asked on its own, the prediction, the note on words the encoder did not know, and
 * (after votes) the "thanks — recorded" footer, always the last line. `controls` (`VOTE_CONTROLS`)
 * picks the correction hint. `isClass` says whether a label is one of the active model's classes:
 * only a vote for one of them is learned at once; any other label waits for the retrain.
 */
export function renderPredictionMessage(
  p: Pick<PredictionRecord, 'phraseRaw' | 'candidates' | 'modelVersionId' | 'heading' | 'unknownWords'> & { platform?: Platform },
  votes: readonly VoteRecord[] = [],
  controls?: VoteControls,
  isClass: (label: string) => boolean = () => true,
): string {
  const lines = [renderPrediction(p, controls)];
  if (p.unknownWords.length > 0 && p.candidates.length > 0) lines.push(unknownWordsNote(p.unknownWords));
  const kept = votes.filter((v) => v.kind === 'choose' || v.kind === 'confirm');
  const learned = kept.some((v) => isClass(v.label));
  const later = !learned && kept.length > 0 ? ' · learned at the next retrain' : '';
  if (votes.length > 0) lines.push(`thanks — recorded: ${tallyText(votes)}${learned ? ' · learned — ask me again' : later}`);
  const body = lines.join('\n');
  return p.heading ? askingText(p.heading, body) : body;
}
