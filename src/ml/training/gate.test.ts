import { describe, expect, it } from 'vitest';
import { decideGate } from './gate.js';

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
