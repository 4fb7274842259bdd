import { describe, expect, it } from 'vitest';
import { answeringText, modelStatusText } from './model-status.js';

describe('modelStatusText', () => {
  it('calls the model a rollback left "rolled back", not "rejected"', () => {
    expect(modelStatusText({ status: 'rejected', reason: 'rolled back' })).toBe('rolled back');
    expect(modelStatusText({ status: 'rejected', reason: 'top-1 0.40 vs active 0.45' })).toBe('rejected');
    expect(modelStatusText({ status: 'active', reason: null })).toBe('active');
  });
});

describe('answeringText', () => {
  it('names the answering encoder by its short name, its model and why', () => {
    expect(answeringText({ encoderId: 'glove:wink-sg-100d:v3', modelId: 7, why: 'bert model 9 scored less; kept glove' })).toBe(
      'answering with glove (model 7): bert model 9 scored less; kept glove',
    );
    expect(answeringText({ encoderId: 'bert:Xenova/bert-base-uncased:cls:fp32', modelId: null, why: 'no bert model is trained yet' })).toMatch(/^answering with bert \(no trained model: zero-shot ranking\)/);
  });
});
