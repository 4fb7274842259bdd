import { describe, expect, it } from 'vitest';
import { isVoteEmoji, REJECT_LABEL, voteFromEmoji } from './vote-from-emoji.js';

const cands = [{ label: 'size', p: 0.5 }, { label: 'weight', p: 0.3 }];

describe('voteFromEmoji', () => {
  it('maps keycaps, ✅ and ❌ (with or without the variation selector)', () => {
    expect(voteFromEmoji('2️⃣', 1, 'u', cands)).toEqual({ predictionId: 1, userId: 'u', kind: 'choose', label: 'weight' });
    expect(voteFromEmoji('2⃣', 1, 'u', cands)?.label).toBe('weight');
    expect(voteFromEmoji('✅', 1, 'u', cands)).toMatchObject({ kind: 'confirm', label: 'size' });
    expect(voteFromEmoji('❌', 1, 'u', cands)).toMatchObject({ kind: 'reject', label: REJECT_LABEL });
  });
  it('ignores other emoji and candidates that do not exist', () => {
    expect(voteFromEmoji('🎉', 1, 'u', cands)).toBeNull();
    expect(voteFromEmoji('5️⃣', 1, 'u', cands)).toBeNull();
    expect(isVoteEmoji('🎉')).toBe(false);
    expect(isVoteEmoji('3️⃣')).toBe(true);
    expect(isVoteEmoji('❌')).toBe(true);
  });
});
