import { everydayLabel, type WordFrequency } from './word-frequency.js';

/**
 * Classes of the head: labels that always come together in the training targets (the lemmas of
 * one WordNet attribute synset, e.g. fear / fearfulness / fright) are one class. Training them as
 * separate classes splits one answer's probability three ways and fills the top 5 with synonyms.
 */

/** One training phrase's soft target, labels in the order they were given (source order). */
export interface LabelledTarget {
  readonly target: ReadonlyMap<string, number>;
}

/** The classes of a training set. */
export interface LabelClasses {
  /** Display name of each class (see {@link groupLabels} for how it is chosen). */
  readonly names: string[];
  /** Every label of each class, display name first. */
  readonly aliases: string[][];
  /** label → class index, for every alias. */
  readonly index: Map<string, number>;
}

/**
 * Groups labels whose sets of (phrase, weight) are identical. A class is shown by its most
 * everyday label when word frequencies are given (see `everydayLabel`: smell rather than odor or
 * olfactory property), else by the first single-word label in source order (WordNet lists a
 * synset's most usual lemma first), else by its first label. Classes are sorted by display name
 * so the output does not depend on phrase order.
 *
 * @example
 * groupLabels([{ target: new Map([['fear', 0.5], ['fright', 0.5]]) }]).names // ['fear']
 */
export function groupLabels(phrases: readonly LabelledTarget[], frequency?: WordFrequency): LabelClasses {
  const signature = new Map<string, string[]>();
  const order: string[] = [];
  phrases.forEach((p, i) => {
    for (const [label, weight] of p.target) {
      let sig = signature.get(label);
      if (!sig) {
        sig = [];
        signature.set(label, sig);
        order.push(label);
      }
      sig.push(`${i}:${weight}`);
    }
  });
  const bySignature = new Map<string, string[]>();
  for (const label of order) {
    const key = (signature.get(label) ?? []).join(' ');
    bySignature.set(key, [...(bySignature.get(key) ?? []), label]);
  }
  const groups = [...bySignature.values()].map((members) => {
    const name = frequency ? everydayLabel(members, frequency) : (members.find((l) => !l.includes(' ')) ?? members[0] ?? '');
    return [name, ...members.filter((l) => l !== name)];
  });
  const merged = mergeNamedByWord(groups);
  merged.sort((a, b) => ((a[0] ?? '') < (b[0] ?? '') ? -1 : (a[0] ?? '') > (b[0] ?? '') ? 1 : 0));
  return classesFromAliases(merged);
}

/**
 * A class that only has multi-word labels (WordNet terms: body weight, skin colour) joins the
 * class named by their head word, the last (weight, colour): people name that attribute by the
 * word. The joined class keeps its display label.
 */
export function mergeNamedByWord(groups: readonly (readonly string[])[]): string[][] {
  const out = groups.map((g) => [...g]);
  const bySingle = new Map<string, number>();
  out.forEach((g, i) => g.forEach((l) => !l.includes(' ') && bySingle.set(l, i)));
  const gone = new Set<number>();
  out.forEach((g, i) => {
    if (g.some((l) => !l.includes(' '))) return;
    // Only the head of an English compound (its last word) names what it is: a body weight is a
    // weight, while a taste property is not the taste a person has.
    const word = g.map((l) => l.split(' ').at(-1) ?? '').find((w) => bySingle.has(w) && bySingle.get(w) !== i);
    if (word === undefined) return;
    const into = bySingle.get(word);
    if (into === undefined || gone.has(into)) return;
    out[into]?.push(...g);
    gone.add(i);
  });
  return out.filter((_, i) => !gone.has(i));
}

/** Rebuilds the classes from stored alias lists (display name first). */
export function classesFromAliases(aliases: readonly (readonly string[])[]): LabelClasses {
  const index = new Map<string, number>();
  aliases.forEach((members, c) => members.forEach((l) => index.set(l, c)));
  return { names: aliases.map((m) => m[0] ?? ''), aliases: aliases.map((m) => [...m]), index };
}

/**
 * A phrase's target over classes: the weights of its labels summed per class. Labels outside the
 * classes are ignored.
 */
export function classTarget(target: ReadonlyMap<string, number>, classes: LabelClasses): Map<number, number> {
  const out = new Map<number, number>();
  for (const [label, weight] of target) {
    const c = classes.index.get(label);
    if (c !== undefined) out.set(c, (out.get(c) ?? 0) + weight);
  }
  return out;
}
