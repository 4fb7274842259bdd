import { describe, expect, it } from 'vitest';
import { escapeSlackText, unescapeSlackText } from './slack-text.js';

describe('escapeSlackText', () => {
  it('escapes &, < and > so Slack shows them literally', () => {
    expect(escapeSlackText('then /attribute-correct <word> & done')).toBe('then /attribute-correct &lt;word&gt; &amp; done');
    expect(escapeSlackText('&lt;')).toBe('&amp;lt;');
  });

  it('leaves everything else alone', () => {
    expect(escapeSlackText('“chonky” → size\n1️⃣ size — 62%')).toBe('“chonky” → size\n1️⃣ size — 62%');
  });

  it('unescapeSlackText undoes it (message text read back from Slack)', () => {
    for (const t of ['a <b> & c', '&lt;', 'plain', '&amp;&gt;']) expect(unescapeSlackText(escapeSlackText(t))).toBe(t);
  });
});
