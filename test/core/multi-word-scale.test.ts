import { describe, expect, it } from 'vitest';
import { storedModel } from '../../src/ml/model/build-scoring-model.js';
import { shownDistribution } from '../../src/ml/model/rank.js';
import { useTestApp } from '../support/test-app.js';

describe('the multi-word scale (PostgreSQL, GloVe fixture, WordNet usage examples)', () => {
  const app = useTestApp();

  it('is fitted at training, stored with the model, and changes the percentages of a phrase of several words, not its ranking', async () => {
    const { predictor, storage, encoder } = app().app;
    const model = await predictor.currentModel();
    expect(model.multiWordScale).toBeGreaterThan(0);
    const active = await storage.models.getActive(encoder.id);
    if (!active) throw new Error('no active model');
    const reloaded = await storedModel(encoder, predictor.store, active);
    expect(reloaded.multiWordScale).toBe(model.multiWordScale);

    const phrases = ['hot stove', 'hot'];
    const [stove, hot] = await predictor.store.vectors(phrases);
    const [stoveExtra, hotExtra] = await predictor.candidatesFor(model, phrases);
    const order = (d: { labels: string[]; p: Float32Array }) => [...d.labels].sort((a, b) => (d.p[d.labels.indexOf(b)] ?? 0) - (d.p[d.labels.indexOf(a)] ?? 0));
    const scaled = shownDistribution(model, stove!, 'hot stove', stoveExtra);
    const unscaled = shownDistribution({ ...model, multiWordScale: 1 }, stove!, 'hot stove', stoveExtra);
    expect(order(scaled).slice(0, 3)).toEqual(order(unscaled).slice(0, 3));
    if (model.multiWordScale !== 1) expect(Math.max(...scaled.p)).not.toBeCloseTo(Math.max(...unscaled.p), 6);
    // A single word is scored as before.
    const single = shownDistribution(model, hot!, 'hot', hotExtra);
    const singleUnscaled = shownDistribution({ ...model, multiWordScale: 1 }, hot!, 'hot', hotExtra);
    expect(Array.from(single.p)).toEqual(Array.from(singleUnscaled.p));
  });
});
