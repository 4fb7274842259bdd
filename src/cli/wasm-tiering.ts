import { setFlagsFromString } from 'node:v8';

/** Commands that open only the database, run a few queries and exit. */
const DATABASE_ONLY = new Set(['models', 'db']);

/**
 * V8's largest tiering budget: a wasm function is re-compiled by the optimizing compiler only
 * after running about 2^31 bytes of its code, which a short command never does.
 */
const NEVER_HOT_ENOUGH = 2 ** 31 - 1;

/** True when `argv` (without node and script) is a database-only command (`models …`, `db …`). */
export function isDatabaseOnly(argv: readonly string[]): boolean {
  return argv[0] !== undefined && DATABASE_ONLY.has(argv[0]);
}

/**
 * Keeps WebAssembly on V8's baseline compiler (Liftoff) in a process that runs a database-only
 * command; must run before the first wasm module is instantiated.
 *
 * Why: V8 re-compiles hot wasm functions with its optimizing compiler (TurboFan) on background
 * threads. PGlite (9 MB of wasm) and Prisma's query compiler run hot during start-up, so a command
 * that opens them for a few queries starts that work and exits before it pays off: on two cores
 * it competes with the start-up itself, and Node waits for it before exiting (~0.4 s after the
 * output). Measured on `attribot models list`: 0.6–0.8 s of its 2.4 s. A budget rather than
 * `--liftoff-only`: functions Liftoff cannot compile (it needs SSE4.1 on x64) still go to TurboFan
 * instead of aborting the process. Every other command (the bot, training, predictions, imports)
 * keeps V8's default tiering.
 */
export function baselineWasmFor(argv: readonly string[]): void {
  if (isDatabaseOnly(argv)) setFlagsFromString(`--wasm-tiering-budget=${NEVER_HOT_ENOUGH}`);
}
