import { describe, expect, it } from 'vitest';
import { VOTE_EMOJI } from '../../core/chat/chat-core.js';
import { emojiToSlackName, slackNameToEmoji } from './slack-emoji.js';

describe('Slack emoji names', () => {
  it('names every vote emoji and maps the name back', () => {
    const names = VOTE_EMOJI.map((e) => emojiToSlackName(e));
    expect(names).toEqual(['one', 'two', 'three', 'four', 'five', 'white_check_mark', 'x']);
    for (const e of VOTE_EMOJI) expect(slackNameToEmoji(emojiToSlackName(e) ?? '')).toBe(e);
  });

  it('strips skin-tone suffixes', () => {
    expect(slackNameToEmoji('x::skin-tone-2')).toBe('❌');
    expect(slackNameToEmoji('white_check_mark::skin-tone-6')).toBe('✅');
  });

  it('knows nothing else', () => {
    expect(slackNameToEmoji('thumbsup')).toBeUndefined();
    expect(slackNameToEmoji('')).toBeUndefined();
    expect(emojiToSlackName('👍')).toBeUndefined();
  });
});
