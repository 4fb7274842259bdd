/**
 * Seeded pseudo-random numbers for the generated test models: the same seed always yields the
 * same weights, so the ONNX file and the reference forward pass agree without sharing files.
 * The uniform generator is the trainer's own (`createRandom`); this file only adds normals.
 */

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
