import { describe, expect, it } from 'vitest';
import { modelStatusText } from './model-status.js';

describe('modelStatusText', () => {
  it('calls the model a rollback left "rolled back", not "rejected"', () => {
    expect(modelStatusText({ status: 'rejected', reason: 'rolled back' })).toBe('rolled back');
    expect(modelStatusText({ status: 'rejected', reason: 'top-1 0.40 vs active 0.45' })).toBe('rejected');
    expect(modelStatusText({ status: 'active', reason: null })).toBe('active');
  });
});
