/**
 * Seeded pseudo-random numbers for the generated test models: the same seed always yields the
 * same weights, so the ONNX file and the reference forward pass agree without sharing files.
 */

/** A deterministic generator of floats in [0, 1) (mulberry32: small, fast, good enough for weights). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fills `out` with independent normal(0, scale²) samples drawn from `uniform` (Box–Muller). */
export function fillNormal(out: Float32Array, uniform: () => number, scale: number): Float32Array {
  for (let i = 0; i < out.length; i += 2) {
    // 1 - u keeps the logarithm's argument in (0, 1].
    const r = Math.sqrt(-2 * Math.log(1 - uniform())) * scale;
    const theta = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(theta);
    if (i + 1 < out.length) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}
