import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * The file `name` (without extension) next to `moduleUrl`, with the module's own extension: the
 * `.ts` source under tsx and vitest, the compiled `.js` under `dist/`.
 */
export function siblingModule(moduleUrl: string, name: string): URL {
  return new URL(`./${name}${extname(fileURLToPath(moduleUrl))}`, moduleUrl);
}

/**
 * Starts a worker thread on an ES module, TypeScript included. A `.ts` entry is loaded through
 * tsx's `tsImport` from a small bootstrap, because `execArgv: ['--import', 'tsx']` does not
 * install tsx's loader inside worker threads on Node 20 (measured: ERR_UNKNOWN_FILE_EXTENSION).
 */
export function startWorker(entry: URL, options: WorkerOptions = {}): Worker {
  if (!entry.pathname.endsWith('.ts')) return new Worker(entry, options);
  // Resolved here, where tsx is a dependency: the bootstrap has no module of its own to resolve from.
  const tsxApi = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const target = JSON.stringify(entry.href);
  const bootstrap = `import(${tsxApi}).then((api) => api.tsImport(${target}, ${target}));`;
  return new Worker(bootstrap, { ...options, eval: true });
}
