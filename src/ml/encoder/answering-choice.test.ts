import { describe, expect, it } from 'vitest';
import type { ModelStatus } from '../../core/types.js';
import { answeringChoice, lostChallenge, rivalModel } from './answering-choice.js';

const GLOVE = 'glove:wink-sg-100d:v3';
const BERT = 'bert:dir:tiny-1234:cls:fp32';

function model(id: number, encoderId: string, status: ModelStatus, reason: string | null, extra: { activatedAt?: number; versus?: number } = {}) {
  const metrics = { sets: {}, gateTop1: 0.5, examples: 10, labels: 3, ...(extra.versus ? { versus: { encoderId: GLOVE, modelId: extra.versus, gateTop1: 0.47 } } : {}) };
  return { id, encoderId, status, reason, metrics, activatedAt: extra.activatedAt === undefined ? null : new Date(extra.activatedAt) };
}

describe('answeringChoice', () => {
  const glove7 = model(7, GLOVE, 'active', 'first model (top-1 0.470)', { activatedAt: 1 });
  const lost = 'bert model 9 scored 0.410 vs 0.470 top-1 on the same held-out data as glove model 7 (worse by more than 0.01); kept glove';

  it('keeps answering with the other encoder\'s model when the new encoder\'s first model lost, saying why', () => {
    const models = [model(9, BERT, 'rejected', lost, { versus: 7 }), glove7];
    expect(lostChallenge(BERT, models)?.id).toBe(9);
    expect(answeringChoice({ selectedId: BERT, fallback: null, models, rivalUsable: true })).toEqual({ encoderId: GLOVE, modelId: 7, why: lost });
  });

  it('answers with the other encoder\'s model until the new encoder has one, when it can run here', () => {
    const s = answeringChoice({ selectedId: BERT, fallback: null, models: [glove7], rivalUsable: true });
    expect(s).toMatchObject({ encoderId: GLOVE, modelId: 7 });
    expect(s.why).toMatch(/no bert model is trained yet/);
    const cannot = answeringChoice({ selectedId: BERT, fallback: null, models: [glove7], rivalUsable: false });
    expect(cannot).toMatchObject({ encoderId: BERT, modelId: null });
    expect(cannot.why).toMatch(/glove model 7 cannot run here/);
  });

  it('answers with the selected encoder once its model won, and says so', () => {
    const models = [model(9, BERT, 'active', 'promoted over glove model 7 (0.520 vs 0.470 top-1 on the same held-out data, margin 0.01)', { activatedAt: 2, versus: 7 }), glove7];
    expect(answeringChoice({ selectedId: BERT, fallback: null, models, rivalUsable: true })).toMatchObject({ encoderId: BERT, modelId: 9, why: expect.stringMatching(/^promoted over glove model 7/) as unknown });
  });

  it('says when ENCODER=auto could not load BERT', () => {
    const fallback = 'ENCODER=auto could not load bert (no network)';
    expect(answeringChoice({ selectedId: GLOVE, fallback, models: [glove7], rivalUsable: false })).toEqual({ encoderId: GLOVE, modelId: 7, why: fallback });
    expect(answeringChoice({ selectedId: GLOVE, fallback, models: [], rivalUsable: false })).toEqual({ encoderId: GLOVE, modelId: null, why: fallback });
  });

  it('takes the most recently activated of the other encoders\' active models as the rival', () => {
    const models = [model(3, 'bert:other:cls:fp32', 'active', null, { activatedAt: 5 }), glove7, model(2, GLOVE, 'retired', null, { activatedAt: 0 })];
    expect(rivalModel(BERT, models)?.id).toBe(3);
    expect(rivalModel(GLOVE, models)?.id).toBe(3);
  });
});
