import { readFile } from 'node:fs/promises';
import { InputError } from '../../errors.js';

const BOM = '\ufeff';

/** Decodes strict UTF-8, naming the first line that is not valid UTF-8. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const decoder = new TextDecoder('utf-8', { fatal: true });
    let start = 0;
    for (let line = 1; start <= bytes.length; line++) {
      const newline = bytes.indexOf(0x0a, start);
      const end = newline === -1 ? bytes.length : newline;
      try {
        decoder.decode(bytes.subarray(start, end));
      } catch {
        throw new InputError('input.invalid', `${file} line ${line} is not valid UTF-8.`);
      }
      start = end + 1;
    }
    throw new InputError('input.invalid', `${file} is not valid UTF-8.`);
  }
}

/**
 * Reads a UTF-8 text file, without a leading BOM.
 *
 * @throws InputError `input.not_found` when the file does not exist, `input.invalid` when it
 *   cannot be read or is not valid UTF-8 (the message names the line).
 */
export async function readUtf8File(file: string): Promise<string> {
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch (err) {
    const missing = (err as NodeJS.ErrnoException).code === 'ENOENT';
    throw new InputError(
      missing ? 'input.not_found' : 'input.invalid',
      missing ? `${file} does not exist.` : `${file} cannot be read.`,
      { cause: err },
    );
  }
  const text = decodeUtf8(bytes, file);
  return text.startsWith(BOM) ? text.slice(1) : text;
}
