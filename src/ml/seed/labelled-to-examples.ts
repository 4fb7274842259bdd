import type { Example, ExampleSource } from '../../core/types.js';
import type { LabelledExample } from '../dataset/labelled-example.js';

/** One row per (phrase, label); a phrase with n labels spreads weight 1/n (a soft target). */
export function toExamples(items: readonly LabelledExample[], source: ExampleSource): Example[] {
  return items.flatMap((it) => it.labels.map((label) => ({ phrase: it.phrase, label, source, weight: 1 / it.labels.length })));
}
