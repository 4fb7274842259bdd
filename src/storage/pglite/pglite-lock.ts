import fs from 'node:fs';
import { DatabaseError } from '../../errors.js';

/** True when a process with this pid exists (signal 0 checks without signalling). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: it exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readPid(file: string): number | undefined {
  try {
    const pid = Number.parseInt(fs.readFileSync(file, 'utf8').trim(), 10);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Makes this process the one owner of an embedded database directory: a lock file next to it
 * (`<dir>.lock`) holds the owner's pid. A second process gets a clear error instead of opening the
 * same files (PGlite would let both write, and one's changes would be lost); a lock left by a dead
 * process is taken over. The same process may open the directory again (sequential handles).
 * Returns the release function.
 *
 * @throws DatabaseError (`db.unreachable`) when a live process owns the directory.
 */
export function lockPgliteDir(dir: string): () => void {
  const file = `${dir.replace(/\/+$/, '')}.lock`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      fs.writeFileSync(file, `${process.pid}\n`, { flag: 'wx' });
      return () => {
        if (readPid(file) === process.pid) fs.rmSync(file, { force: true });
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = readPid(file);
    if (owner === process.pid) return () => undefined;
    if (owner !== undefined && alive(owner)) {
      throw new DatabaseError(
        'db.unreachable',
        `The embedded database in ${dir} is in use by another attribot process (pid ${owner}). Stop it first (or run this command through it), or set DATABASE_URL to share a PostgreSQL database between processes.`,
      );
    }
    // Stale (its owner died without cleaning up) or unreadable: take it over.
    fs.rmSync(file, { force: true });
  }
  throw new DatabaseError('db.unreachable', `Could not lock the embedded database in ${dir} (${file} keeps coming back).`);
}
