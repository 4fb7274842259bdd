import { TrainingError } from '../../errors.js';
import type { CsrTargets, SparseTarget, TrainHeadInput, TrainingData } from './train-types.js';

/**
 * Converts any accepted input shape into {@link TrainingData} and checks it: sizes agree, values
 * are finite, classes are in range. Each target row is normalised to sum to 1, so callers may pass
 * raw label weights. A flat `x` is used as is, not copied.
 */
export function toTrainingData(input: TrainHeadInput): TrainingData {
  const { numClasses } = input;
  if (!Number.isInteger(numClasses) || numClasses < 1) {
    fail(`numClasses must be a positive integer, got ${numClasses}.`);
  }
  const targets = toCsr(input.targets, numClasses);
  const count = targets.offsets.length - 1;
  if (count === 0) throw new TrainingError('training.no_data', 'There are no training examples to learn from.');
  const { x, dim } = flattenRows(input.x, count, input.dim);
  checkFinite(x, 'an embedding');
  const sampleWeights = input.sampleWeights === undefined ? undefined : Float32Array.from(input.sampleWeights);
  if (sampleWeights !== undefined) checkWeights(sampleWeights, count);
  const keep = input.keepInTraining === undefined ? undefined : Int32Array.from(input.keepInTraining);
  if (keep?.some((i) => i < 0 || i >= count)) fail(`keepInTraining holds an index outside 0..${count - 1}.`);
  return { x, count, dim, numClasses, targets, sampleWeights, keepInTraining: keep };
}

function flattenRows(x: TrainHeadInput['x'], count: number, dimHint: number | undefined): { x: Float32Array; dim: number } {
  if (x instanceof Float32Array) {
    const dim = dimHint ?? x.length / count;
    if (!Number.isInteger(dim) || dim < 1 || x.length !== count * dim) {
      fail(`The embeddings hold ${x.length} numbers, which is not ${count} examples × ${dimHint ?? 'a whole'} dimensions.`);
    }
    return { x, dim };
  }
  if (x.length !== count) fail(`There are ${x.length} embeddings but ${count} targets.`);
  const dim = dimHint ?? x[0]?.length ?? 0;
  if (dim < 1) fail('Embeddings must have at least one dimension.');
  const flat = new Float32Array(count * dim);
  x.forEach((row, i) => {
    if (row.length !== dim) fail(`Embedding ${i} has ${row.length} dimensions, expected ${dim}.`);
    flat.set(row, i * dim);
  });
  return { x: flat, dim };
}

function toCsr(targets: TrainHeadInput['targets'], numClasses: number): CsrTargets {
  // Normalising rescales in place: copy the caller's probabilities first.
  if (isCsr(targets)) return normaliseCsr({ ...targets, probs: targets.probs.slice() }, numClasses);
  if (targets instanceof Float32Array) {
    if (targets.length % numClasses !== 0) fail(`The dense targets hold ${targets.length} numbers, not a multiple of ${numClasses} classes.`);
    const rows = targets.length / numClasses;
    return fromRows(rows, (i) => targets.subarray(i * numClasses, (i + 1) * numClasses), numClasses);
  }
  if (targets.length === 0) return { offsets: new Int32Array(1), classes: new Int32Array(0), probs: new Float32Array(0) };
  if (targets[0] instanceof Float32Array) {
    const rows = targets as readonly Float32Array[];
    return fromRows(rows.length, (i) => rows[i]!, numClasses);
  }
  return fromSparse(targets as readonly SparseTarget[], numClasses);
}

function isCsr(targets: TrainHeadInput['targets']): targets is CsrTargets {
  return !(targets instanceof Float32Array) && !Array.isArray(targets) && 'offsets' in targets;
}

function fromRows(count: number, row: (i: number) => Float32Array, numClasses: number): CsrTargets {
  const offsets = new Int32Array(count + 1);
  const classes: number[] = [];
  const probs: number[] = [];
  for (let i = 0; i < count; i++) {
    const values = row(i);
    if (values.length !== numClasses) fail(`Target ${i} has ${values.length} entries, expected ${numClasses}.`);
    values.forEach((p, c) => {
      if (p !== 0) {
        classes.push(c);
        probs.push(p);
      }
    });
    offsets[i + 1] = classes.length;
  }
  return normaliseCsr({ offsets, classes: Int32Array.from(classes), probs: Float32Array.from(probs) }, numClasses);
}

function fromSparse(targets: readonly SparseTarget[], numClasses: number): CsrTargets {
  const offsets = new Int32Array(targets.length + 1);
  const total = targets.reduce((n, t) => n + t.classes.length, 0);
  const classes = new Int32Array(total);
  const probs = new Float32Array(total);
  let k = 0;
  targets.forEach((t, i) => {
    if (t.probs !== undefined && t.probs.length !== t.classes.length) {
      fail(`Target ${i} has ${t.classes.length} classes but ${t.probs.length} probabilities.`);
    }
    t.classes.forEach((c, j) => {
      classes[k] = c;
      probs[k++] = t.probs?.[j] ?? 1;
    });
    offsets[i + 1] = k;
  });
  return normaliseCsr({ offsets, classes, probs }, numClasses);
}

/** Validates in place and rescales each row to sum to 1. */
function normaliseCsr(t: CsrTargets, numClasses: number): CsrTargets {
  const count = t.offsets.length - 1;
  if (t.offsets[0] !== 0 || t.offsets[count] !== t.classes.length || t.probs.length !== t.classes.length) {
    fail('The compressed targets are inconsistent (offsets, classes and probs disagree).');
  }
  for (let i = 0; i < count; i++) {
    const start = t.offsets[i]!;
    const end = t.offsets[i + 1]!;
    if (end < start) fail(`Target offsets decrease at example ${i}.`);
    let sum = 0;
    for (let k = start; k < end; k++) {
      const c = t.classes[k]!;
      const p = t.probs[k]!;
      if (!Number.isInteger(c) || c < 0 || c >= numClasses) fail(`Target ${i} names class ${c}, outside 0..${numClasses - 1}.`);
      if (!Number.isFinite(p) || p < 0) fail(`Target ${i} has an invalid probability ${p}.`);
      sum += p;
    }
    if (!(sum > 0)) fail(`Target ${i} puts no probability on any class.`);
    for (let k = start; k < end; k++) t.probs[k] = t.probs[k]! / sum;
  }
  return t;
}

function checkWeights(weights: Float32Array, count: number): void {
  if (weights.length !== count) fail(`There are ${weights.length} sample weights for ${count} examples.`);
  checkFinite(weights, 'a sample weight');
  if (weights.some((w) => w < 0)) fail('Sample weights must not be negative.');
  if (!weights.some((w) => w > 0)) fail('At least one sample weight must be positive.');
}

function checkFinite(values: Float32Array, what: string): void {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) fail(`${what[0]!.toUpperCase()}${what.slice(1)} is not a finite number (position ${i}).`);
  }
}

function fail(message: string): never {
  throw new TrainingError('training.failed', `Invalid training data: ${message}`);
}
