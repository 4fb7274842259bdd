import { describe, expect, it } from 'vitest';
import { retrainNotice } from './retrain-outcome.js';

describe('retrainNotice', () => {
  it('a promoted model is told in the channel where the retrain was asked for', () => {
    expect(retrainNotice(7, { status: 'promoted', text: 'Model v3 is now active (better).' })).toEqual({
      visibility: 'channel',
      text: 'Retrain request #7 finished: Model v3 is now active (better).',
    });
  });

  it.each(['rejected', 'skipped', 'failed'])('a %s retrain is told only to the admin who asked', (status) => {
    const notice = retrainNotice(8, { status, text: 'details' });
    expect(notice.visibility).toBe('private');
    expect(notice.text).toBe('Retrain request #8 finished: details');
  });
});
