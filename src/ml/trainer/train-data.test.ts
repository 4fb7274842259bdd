import { describe, expect, it } from 'vitest';
import { TrainingError } from '../../errors.js';
import { toTrainingData } from './train-data.js';

const rows = [Float32Array.from([1, 2]), Float32Array.from([3, 4]), Float32Array.from([5, 6])];

describe('toTrainingData', () => {
  it('flattens rows and turns sparse targets into normalised compressed rows', () => {
    const data = toTrainingData({ x: rows, numClasses: 4, targets: [{ classes: [0] }, { classes: [1, 3] }, { classes: [2, 3], probs: [3, 1] }] });
    expect(data).toMatchObject({ count: 3, dim: 2, numClasses: 4 });
    expect(Array.from(data.x)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(Array.from(data.targets.offsets)).toEqual([0, 1, 3, 5]);
    expect(Array.from(data.targets.classes)).toEqual([0, 1, 3, 2, 3]);
    expect(Array.from(data.targets.probs)).toEqual([1, 0.5, 0.5, 0.75, 0.25]);
  });

  it('accepts a flat x with dense targets, inferring the dimension', () => {
    const x = Float32Array.from([1, 2, 3, 4, 5, 6]);
    const data = toTrainingData({ x, numClasses: 2, targets: Float32Array.from([1, 0, 0.5, 0.5, 0, 2]) });
    expect(data.dim).toBe(2);
    expect(data.x).toBe(x);
    expect(Array.from(data.targets.probs)).toEqual([1, 0.5, 0.5, 1]);
  });

  it('accepts dense target rows and compressed targets without changing the caller\'s arrays', () => {
    const probs = Float32Array.from([2, 2, 1]);
    const csr = { offsets: Int32Array.from([0, 2, 3]), classes: Int32Array.from([0, 1, 1]), probs };
    const data = toTrainingData({ x: rows.slice(0, 2), numClasses: 2, targets: csr });
    expect(Array.from(data.targets.probs)).toEqual([0.5, 0.5, 1]);
    expect(Array.from(probs)).toEqual([2, 2, 1]);
    const dense = toTrainingData({ x: rows.slice(0, 1), numClasses: 3, targets: [Float32Array.from([0, 0, 1])] });
    expect(Array.from(dense.targets.classes)).toEqual([2]);
  });

  it.each([
    [{ x: rows, numClasses: 2, targets: [{ classes: [0] }, { classes: [1] }] }, /3 embeddings but 2 targets/],
    [{ x: rows, numClasses: 2, targets: [{ classes: [0] }, { classes: [2] }, { classes: [1] }] }, /names class 2, outside 0\.\.1/],
    [{ x: rows, numClasses: 2, targets: [{ classes: [0] }, { classes: [] }, { classes: [1] }] }, /Target 1 puts no probability/],
    [{ x: rows, numClasses: 2, targets: [{ classes: [0] }, { classes: [1], probs: [-1] }, { classes: [1] }] }, /invalid probability -1/],
    [{ x: [rows[0]!, Float32Array.from([1, Number.NaN]), rows[2]!], numClasses: 2, targets: [{ classes: [0] }, { classes: [1] }, { classes: [1] }] }, /not a finite number \(position 3\)/],
    [{ x: Float32Array.from([1, 2, 3]), numClasses: 2, targets: [{ classes: [0] }, { classes: [1] }] }, /3 numbers, which is not 2 examples/],
    [{ x: rows, numClasses: 2, targets: [{ classes: [0] }, { classes: [1] }, { classes: [1] }], sampleWeights: [1, 1] }, /2 sample weights for 3 examples/],
    [{ x: rows, numClasses: 2, targets: [{ classes: [0] }, { classes: [1] }, { classes: [1] }], keepInTraining: [3] }, /keepInTraining holds an index outside 0\.\.2/],
    [{ x: rows, numClasses: 0, targets: [] }, /numClasses must be a positive integer/],
  ])('rejects invalid data (%#)', (input, message) => {
    expect(() => toTrainingData(input)).toThrow(TrainingError);
    expect(() => toTrainingData(input)).toThrow(message);
  });

  it('says there is nothing to learn from with the no_data code', () => {
    expect(() => toTrainingData({ x: [], numClasses: 2, targets: [] })).toThrow(expect.objectContaining({ code: 'training.no_data' }));
  });
});
