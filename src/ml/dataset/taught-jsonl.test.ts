import { describe, expect, it } from 'vitest';
import type { TaughtArchive } from '../../core/ports.js';
import { formatTaughtJsonl } from './taught-jsonl-writer.js';
import { looksLikeArchive, parseTaughtJsonl } from './taught-jsonl.js';

const at = (s: number) => new Date(Date.UTC(2025, 0, 2, 3, 4, s, 567));

const archive: TaughtArchive = {
  examples: [
    { phrase: 'huge', label: 'size', source: 'wordnet', weight: 0.75 },
    { phrase: 'huge', label: 'weight', source: 'import', weight: 1 },
  ],
  predictions: [
    {
      id: 17,
      platform: 'slack',
      workspaceId: 'T1',
      channelId: 'C1',
      messageId: '1700000000.000100',
      userId: 'U1',
      phraseRaw: 'Huge\n"quoted"',
      phrase: 'huge',
      candidates: [{ label: 'size', p: 0.7 }],
      encoderId: 'glove:mini',
      heading: null,
      unknownWords: [],
      createdAt: at(1),
    },
  ],
  votes: [
    { predictionId: 17, userId: 'U2', kind: 'choose', label: 'weight', voterIsAdmin: true, via: 'button', createdAt: at(2), retractedAt: null },
    { predictionId: 17, userId: 'U3', kind: 'reject', label: '*', voterIsAdmin: false, createdAt: at(3), retractedAt: at(4) },
  ],
  quarantined: [{ platform: 'slack', userId: 'U9', by: 'slack:U2', reason: null, createdAt: at(5) }],
};

describe('the export format (JSON Lines)', () => {
  it('reads back exactly what it wrote: examples, predictions, votes with their flags, way and times (a vote of unknown way stays so), quarantine', () => {
    const text = formatTaughtJsonl(archive, at(9));
    expect(text.split('\n')).toHaveLength(1 + 2 + 1 + 2 + 1 + 1);
    expect(looksLikeArchive(text)).toBe(true);
    expect(parseTaughtJsonl(text, 'x.jsonl')).toEqual(archive);
  });

  it('is told apart from labelled TSV by its first line', () => {
    expect(looksLikeArchive('# phrase\tlabels\nlarge\tsize\n')).toBe(false);
    expect(looksLikeArchive('\ufeff\n  {"type":"attribot-export"}')).toBe(true);
  });

  it('names the line of the first problem', () => {
    const lines = formatTaughtJsonl(archive, at(9)).trimEnd().split('\n');
    const with_ = (i: number, replacement: string) => lines.map((l, j) => (j === i ? replacement : l)).join('\n');
    expect(() => parseTaughtJsonl(with_(2, '{"type":"example","phrase":"x"'), 'b.jsonl')).toThrow(/b\.jsonl line 3 is not valid: it is not JSON/);
    expect(() => parseTaughtJsonl(with_(2, '{"type":"gadget"}'), 'b.jsonl')).toThrow(/line 3 is not valid/);
    expect(() => parseTaughtJsonl(with_(4, lines[4]?.replace('"choose"', '"upvote"') ?? ''), 'b.jsonl')).toThrow(/line 5 is not valid: kind/);
    expect(() => parseTaughtJsonl(with_(4, lines[4]?.replace('"predictionId":17', '"predictionId":18') ?? ''), 'b.jsonl')).toThrow(
      /line 5 is not valid: the vote is on the prediction 18, which no earlier line defines/,
    );
    expect(() => parseTaughtJsonl(with_(0, '{"type":"example","phrase":"x","label":"y","source":"import","weight":1}'), 'b.jsonl')).toThrow(/line 1 is not valid: the first line must be the header/);
    expect(() => parseTaughtJsonl(with_(0, lines[0]?.replace('"version":1', '"version":2') ?? ''), 'b.jsonl')).toThrow(/line 1 is not valid: format version 2/);
  });

  it('refuses a file cut short (the header counts every kind)', () => {
    const text = formatTaughtJsonl(archive, at(9)).trimEnd().split('\n').slice(0, -1).join('\n');
    expect(() => parseTaughtJsonl(text, 'cut.jsonl')).toThrow(/cut\.jsonl holds 0 quarantined but its header counts 1/);
    expect(() => parseTaughtJsonl('\n\n', 'empty.jsonl')).toThrow(/empty\.jsonl is empty/);
  });
});
