import type { Storage } from '../../core/ports.js';
import { readExclusionSet } from '../dataset/exclusion-set.js';
import { buildAttributeSeed } from '../wordnet/attribute-seed.js';
import { toExamples } from './labelled-to-examples.js';

/**
 * Replaces the WordNet examples with a fresh seed: adjectives with attribute pointers (and their
 * satellites) → the attribute nouns, minus every phrase of the `exclude` files (evaluation sets).
 */
export async function seedWordnet(storage: Storage, exclude: readonly string[]): Promise<{ phrases: number; labels: number; excluded: number }> {
  const excluded = exclude.length > 0 ? await readExclusionSet(exclude) : new Set<string>();
  const seed = await buildAttributeSeed({ exclude: excluded });
  const examples = toExamples(seed, 'wordnet');
  await storage.examples.deleteSource('wordnet');
  await storage.examples.upsertMany(examples);
  return { phrases: seed.length, labels: new Set(examples.map((e) => e.label)).size, excluded: excluded.size };
}
