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

/** How to correct an answer where it is shown: reactions on chat platforms, typed votes at the console. */
export function correctionHint(platform: Platform | undefined): string {
  return platform === 'console'
    ? 'wrong? type :1–:5 for the right one, :ok if the first is right, :x <word> if none is'
    : 'wrong? react 1️⃣–5️⃣ for the right one, ✅ if the first is right, ❌ if none is (then /attribute-correct <word>)';
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
export function renderPrediction(p: Pick<PredictionRecord, 'phraseRaw' | 'candidates' | 'modelVersionId'> & { platform?: Platform }): string {
  const first = p.candidates[0];
  const headline = !first ? 'no idea yet' : first.p < NOT_SURE_BELOW ? `${first.label}? not sure — is it one of these?` : first.label;
  const lines = [`“${p.phraseRaw}” → ${headline}`];
  p.candidates.slice(0, 5).forEach((c, i) => lines.push(`${NUMBERS[i] ?? `${i + 1}.`} ${c.label} — ${percent(c.p)}`));
  const model = p.modelVersionId === null ? 'no trained model yet (zero-shot)' : `model v${p.modelVersionId}`;
  lines.push(`${model} · ${correctionHint(p.platform)}`);
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
 * (after votes) the "thanks — recorded" footer, always the last line.
 */
export function renderPredictionMessage(
  p: Pick<PredictionRecord, 'phraseRaw' | 'candidates' | 'modelVersionId' | 'heading' | 'unknownWords'> & { platform?: Platform },
  votes: readonly VoteRecord[] = [],
): string {
  const lines = [renderPrediction(p)];
  if (p.unknownWords.length > 0 && p.candidates.length > 0) lines.push(unknownWordsNote(p.unknownWords));
  // A vote for a shown candidate is learned at once (instant learning); a new word waits for the retrain.
  const learned = votes.some((v) => v.kind === 'choose' || v.kind === 'confirm');
  if (votes.length > 0) lines.push(`thanks — recorded: ${tallyText(votes)}${learned ? ' · learned — ask me again' : ''}`);
  const body = lines.join('\n');
  return p.heading ? askingText(p.heading, body) : body;
}
