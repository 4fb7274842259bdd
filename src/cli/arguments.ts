import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError } from 'commander';

/**
 * Commander argument parsers: a bad argument is a usage error (exit 64), reported before the
 * database or any model is opened.
 */

/** A model version id: a positive integer. */
export function parseModelId(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('a model version is a positive number, as in `attribot models list` (v3 → 3).');
  return Number(value);
}

/** An existing, readable file (resolved against `cwd`). */
export function existingFile(cwd: string): (value: string) => string {
  return (value) => {
    const file = path.resolve(cwd, value);
    let stat: fs.Stats;
    try {
      stat = fs.statSync(file);
    } catch {
      throw new InvalidArgumentError(`there is no file ${file}.`);
    }
    if (!stat.isFile()) throw new InvalidArgumentError(`${file} is not a file.`);
    return file;
  };
}

/** The same, for variadic arguments: each value is checked and collected. */
export function existingFiles(cwd: string): (value: string, previous: string[] | undefined) => string[] {
  const one = existingFile(cwd);
  return (value, previous) => [...(previous ?? []), one(value)];
}

/** An existing file or folder, for variadic options (`--exclude`). */
export function existingPaths(cwd: string): (value: string, previous: string[] | undefined) => string[] {
  return (value, previous) => {
    const p = path.resolve(cwd, value);
    if (!fs.existsSync(p)) throw new InvalidArgumentError(`there is no file or folder ${p}.`);
    return [...(previous ?? []), p];
  };
}

/** A file to write: its folder must exist. */
export function writableFile(cwd: string): (value: string) => string {
  return (value) => {
    const file = path.resolve(cwd, value);
    const dir = path.dirname(file);
    if (!fs.existsSync(dir)) throw new InvalidArgumentError(`the folder ${dir} does not exist.`);
    if (fs.existsSync(file) && fs.statSync(file).isDirectory()) throw new InvalidArgumentError(`${file} is a folder.`);
    return file;
  };
}
