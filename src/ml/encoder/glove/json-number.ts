const POW10 = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * Parses the number in `buf[start, end)` without allocating a string: the vectors hold ~34 million
 * numbers and string slicing dominated the conversion time. Uses the exact fast path (mantissa
 * below 2^53, power of ten up to 22, both exact doubles, so one correctly rounded operation) and
 * falls back to `Number()` otherwise.
 */
export function parseJsonNumber(buf: Buffer, start: number, end: number): number {
  let i = start;
  const negative = buf[i] === 0x2d;
  if (negative) i++;
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  let any = false;
  for (; i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39; i++, any = true) {
    mantissa = mantissa * 10 + (buf[i]! - 0x30);
    if (mantissa !== 0) digits++;
  }
  if (i < end && buf[i] === 0x2e) {
    for (i++; i < end && buf[i]! >= 0x30 && buf[i]! <= 0x39; i++, any = true) {
      mantissa = mantissa * 10 + (buf[i]! - 0x30);
      if (mantissa !== 0) digits++;
      scale--;
    }
  }
  if (i !== end || !any || digits > 15 || scale < -22) return Number(buf.toString('latin1', start, end));
  const v = scale === 0 ? mantissa : mantissa / POW10[-scale]!;
  return negative ? -v : v;
}
