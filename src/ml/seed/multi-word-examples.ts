import { readExclusionSet } from '../dataset/exclusion-set.js';
import { readUsageExamples, type UsageExample } from '../wordnet/usage-examples.js';

/**
 * WordNet's usage examples of adjectives with an attribute (`usage-examples.ts`), minus every
 * phrase and word of the `exclude` files (evaluation sets), as the seed leaves them out: the
 * phrases of several words the multi-word scale is fitted on.
 */
export async function multiWordExamples(exclude: readonly string[]): Promise<UsageExample[]> {
  const excluded = exclude.length > 0 ? await readExclusionSet(exclude) : new Set<string>();
  return readUsageExamples({ exclude: excluded });
}
