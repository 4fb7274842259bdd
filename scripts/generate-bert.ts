/**
 * Writes a randomly initialised BERT in the transformers.js layout, for benchmarks and manual tests:
 *
 *   npx tsx scripts/generate-bert.ts --preset tiny|base --out DIR [--seed N] [--q8] [--force]
 *
 * Point MODEL_DIR at DIR to run attribot on it. Without --force an identical model already in DIR
 * is kept (the base-shaped model is ~440 MB). --q8 also writes onnx/model_quantized.onnx (BERT_DTYPE=q8).
 */
import { parseArgs } from 'node:util';
import { bertBaseShaped, ensureBert, generateBert, tinyBert } from '../test/support/bert-generator/generate-bert.js';

const { values } = parseArgs({
  options: {
    preset: { type: 'string', default: 'tiny' },
    out: { type: 'string' },
    seed: { type: 'string', default: '1' },
    q8: { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
  },
});

const seed = Number(values.seed);
if (values.out === undefined || !['tiny', 'base'].includes(values.preset) || !Number.isInteger(seed)) {
  console.error('usage: npx tsx scripts/generate-bert.ts --preset tiny|base --out DIR [--seed N] [--q8] [--force]');
  process.exit(64);
}
const shape = values.preset === 'base' ? bertBaseShaped() : tinyBert;
const started = performance.now();
await (values.force ? generateBert : ensureBert)(values.out, shape, seed, { q8: values.q8 });
console.log(`${values.preset} BERT (seed ${seed}) ready in ${values.out} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
