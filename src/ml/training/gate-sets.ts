import path from 'node:path';
import { readLabelledTsv } from '../dataset/tsv.js';
import type { EvalItem } from './evaluate.js';

/** Reads the configured gate evaluation files (e.g. wordnet-dev.tsv), keyed by file name. */
export async function readGateSets(files: readonly string[]): Promise<Record<string, EvalItem[]>> {
  const out: Record<string, EvalItem[]> = {};
  for (const file of files) {
    out[path.basename(file)] = (await readLabelledTsv(file)).map((e) => ({ phrase: e.phrase, accepted: e.labels }));
  }
  return out;
}
