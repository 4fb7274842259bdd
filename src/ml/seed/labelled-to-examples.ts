import type { Example, ExampleSource } from '../../core/types.js';
import type { LabelledExample } from '../dataset/labelled-example.js';

/**
 * One row per (phrase, label): a soft target, with each label's given weight, or 1/n of the
 * phrase's n labels when there are no weights.
 */
export function toExamples(items: readonly (LabelledExample & { weights?: readonly number[] })[], source: ExampleSource): Example[] {
  return items.flatMap((it) => it.labels.map((label, i) => ({ phrase: it.phrase, label, source, weight: it.weights?.[i] ?? 1 / it.labels.length })));
}
