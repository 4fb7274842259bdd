import { describe, expect, it } from 'vitest';
import { useTestApp } from '../support/test-app.js';

describe("derived nouns' vote in the real prediction path (PostgreSQL, GloVe fixture, WordNet)", () => {
  const app = useTestApp();

  it('an untrained adjective with a known derived noun gets a vote over the classes', async () => {
    const predictor = app().app.predictor;
    const model = await predictor.currentModel();
    // angry is not trained; WordNet derives anger from it, a word the fixture encoder knows.
    const [angry] = await predictor.candidatesFor(model, ['angry']);
    expect(angry?.open.has('anger')).toBe(true);
    expect(angry?.derived).toBeInstanceOf(Float32Array);
    expect(angry?.derived?.length).toBe(model.labels.length);
    expect([...(angry?.derived ?? [])].reduce((a, b) => a + b, 0)).toBeCloseTo(1, 4);
  });

  it('a seeded phrase is weighed on its evidence like any other: it gets its candidates too', async () => {
    const predictor = app().app.predictor;
    const model = await predictor.currentModel();
    const [dangerous] = await predictor.candidatesFor(model, ['dangerous']);
    expect(dangerous?.labels).toContain('danger');
  });
});
