import { describe, expect, it } from 'vitest';
import { decideAgainstRival, decideGate } from './gate.js';

describe('decideGate', () => {
  it('promotes the first model and anything within the margin', () => {
    expect(decideGate(0.2, null, 0.01, false).promote).toBe(true);
    expect(decideGate(0.495, 0.5, 0.01, false).promote).toBe(true);
  });
  it('rejects a worse model with the reason, unless forced', () => {
    const d = decideGate(0.4, 0.5, 0.01, false);
    expect(d).toMatchObject({ promote: false });
    expect(d.reason).toMatch(/worse than the active model's 0.500/);
    expect(decideGate(0.4, 0.5, 0.01, true).promote).toBe(true);
  });
});

describe('decideAgainstRival', () => {
  const rival = { encoderId: 'glove:wink-sg-100d:v3', modelId: 7, gateTop1: 0.47 };
  const bert = (gateTop1: number) => ({ encoderId: 'bert:Xenova/bert-base-uncased:cls:fp32', modelId: 9, gateTop1 });
  it('promotes the new encoder\'s model when it is not worse than the other encoder\'s, saying over which', () => {
    const d = decideAgainstRival(bert(0.52), rival, 0.01, false);
    expect(d.promote).toBe(true);
    expect(d.reason).toMatch(/^promoted over glove model 7 \(0.520 vs 0.470/);
    expect(decideAgainstRival(bert(0.465), rival, 0.01, false).promote).toBe(true);
  });
  it('keeps the other encoder when the new one is worse by more than the margin, unless forced', () => {
    const d = decideAgainstRival(bert(0.41), rival, 0.01, false);
    expect(d.promote).toBe(false);
    expect(d.reason).toMatch(/^bert model 9 scored 0.410 vs 0.470 top-1 .*glove model 7.*kept glove$/);
    expect(decideAgainstRival(bert(0.41), rival, 0.01, true)).toMatchObject({ promote: true, reason: expect.stringMatching(/^forced over glove model 7/) as unknown });
  });
});
