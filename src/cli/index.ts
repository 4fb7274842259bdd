#!/usr/bin/env node
import { runCli } from './program.js';

// The CLI entry: the one place that reads process.argv/env and exits.
const code = await runCli(process.argv.slice(2), { env: process.env, cwd: process.cwd() });
process.exitCode = code;
