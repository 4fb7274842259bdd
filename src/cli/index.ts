#!/usr/bin/env node
import { runCli } from './program.js';
import { baselineWasmFor } from './wasm-tiering.js';

// The CLI entry: the one place that reads process.argv/env and exits.
const argv = process.argv.slice(2);
baselineWasmFor(argv);
const code = await runCli(argv, { env: process.env, cwd: process.cwd() });
process.exitCode = code;
