import { describe, expect, it } from 'vitest';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { morphologySource } from './morphology-source.js';
import { loadWordFrequency } from './word-frequency.js';

describe('morphologySource', () => {
  it('derives nouns from every content word, intensifiers left out', async () => {
    const source = await morphologySource([]);
    expect(source.candidates('very dangerous')).toEqual(expect.arrayContaining(['danger']));
    expect(source.candidates('very dangerous')).not.toContain('verity');
    // "cold in here" is about the cold, not about being here.
    expect(source.candidates('cold in here')).toContain('coldness');
    expect(source.candidates('cold in here')).not.toContain('hereness');
  });

  it('derives nouns from a verb too: "smells like fish" is about smell, not about fish', async () => {
    const source = await morphologySource([]);
    expect(source.candidates('smells like fish')).toContain('smell');
    expect(source.candidates('tastes like chicken')).toContain('taste');
    expect(source.candidates('smells like fish')).not.toContain('fishiness');
  });

  it("describes murky's derived nouns murk and murkiness as synonyms: one most frequent sense", async () => {
    const source = await morphologySource([]);
    expect(source.candidates('murky')).toEqual(expect.arrayContaining(['murk', 'murkiness']));
    const murk = source.describe?.('murk');
    expect(murk?.sense).toBeDefined();
    expect(source.describe?.('murkiness')?.sense).toBe(murk?.sense);
    expect(source.describe?.('opacity')?.sense).not.toBe(murk?.sense);
  });

  it("borrows the head adjective's nouns for a word WordNet gives neither a noun nor an attribute", async () => {
    const source = await morphologySource([]);
    // famished is a satellite of hungry, and only hungry points to hunger.
    expect(source.candidates('famished')).toContain('hunger');
    expect(source.candidates('so famished')).toContain('hunger');
    // parched is labelled wetness through its head dry: it borrows nothing.
    expect(source.candidates('parched')).not.toContain('dryness');
  });

  it('reads a chat message without the punctuation and emoji around its words', async () => {
    const source = await morphologySource([]);
    expect(source.candidates('tired!!')).toEqual(source.candidates('tired'));
    expect(source.candidates('so tired :( 😩')).toEqual(source.candidates('tired'));
    expect(source.contentWords?.('so tired :(')).toEqual(['tired']);
    expect(source.ignoredWords?.('enchanting music!!')).toEqual(['music']);
    expect(source.glossWords?.('(hefty)')).toEqual(source.glossWords?.('hefty'));
  });

  it("gives the definitions' words of the phrase's words, not of a described noun's", async () => {
    const source = await morphologySource([]);
    expect(source.glossWords?.('very hefty')).toEqual(expect.arrayContaining(['weight', 'size']));
    expect(source.glossWords?.('very hefty')).not.toContain('very');
    expect(source.glossWords?.('hefty boxer')).toEqual(source.glossWords?.('hefty'));
  });

  it('looks slang WordNet does not know up as the standard word it stands for; an excluded word stays unknown', async () => {
    const source = await morphologySource([]);
    // whiffy → smelly (the GloVe encoder's slang lexicon), pooped → tired
    expect(source.candidates('kinda whiffy')).toEqual(source.candidates('kinda smelly'));
    expect(source.candidates('kinda whiffy').length).toBeGreaterThan(0);
    expect(source.candidates('totally pooped')).toContain('tiredness');
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-slang-'));
    await fs.writeFile(path.join(dir, 'eval.tsv'), 'whiffy\tsmell\n');
    const unseen = await morphologySource([path.join(dir, 'eval.tsv')]);
    // Only what the suffix rules make of the word itself (whiffy → whiff), nothing through smelly.
    const smelly = source.candidates('kinda smelly');
    expect(unseen.candidates('kinda whiffy').filter((c) => smelly.includes(c))).toEqual([]);
    expect(unseen.glossWords?.('kinda whiffy')).toEqual([]);
  });

  it('reads a stretched word as the spelling people say, as its vector does; stretched, an excluded word stays excluded', async () => {
    const frequency = await loadWordFrequency();
    const source = await morphologySource([], frequency);
    expect(source.candidates('sleeeepy')).toEqual(source.candidates('sleepy'));
    expect(source.contentWords?.('sooo tiiired!!')).toEqual(['tired']);
    // cool, not col (a mountain pass WordNet also knows): the word people say.
    expect(source.candidates('cooool')).toEqual(source.candidates('cool'));
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'attribot-stretched-'));
    await fs.writeFile(path.join(dir, 'eval.tsv'), 'tired\ttiredness\n');
    const unseen = await morphologySource([path.join(dir, 'eval.tsv')], frequency);
    expect(unseen.candidates('tiiired')).toEqual(unseen.candidates('tired'));
    expect(unseen.glossWords?.('tiiired')).toEqual([]);
  });

  it('reads a comparative or superlative WordNet does not list as its adjective', async () => {
    const source = await morphologySource([]);
    expect(source.candidates('colder')).toEqual(source.candidates('cold'));
    expect(source.candidates('the cutest')).toEqual(source.candidates('cute'));
    expect(source.contentWords?.('way smelliest')).toEqual(['smelly']);
    // WordNet lists "bigger" itself: it is read as written.
    expect(source.contentWords?.('bigger')).toEqual(['bigger']);
  });

  it('derives from the stop words of a phrase made of nothing else, as its vector keeps them', async () => {
    const source = await morphologySource([]);
    expect(source.candidates('total')).toContain('totality');
    expect(source.candidates('here')).toContain('hereness');
    expect(source.candidates('a total mess')).not.toContain('totality');
  });

  it('in a phrase of several words, derives nothing from a word WordNet knows only as a noun', async () => {
    const source = await morphologySource([]);
    // On its own, music is what the user asks about.
    expect(source.candidates('music')).toContain('musicality');
    expect(source.candidates('blasting music')).not.toContain('musicality');
    expect(source.candidates('blasting music')).toContain('blast');
    // standard is an adjective too: it still counts beside size.
    expect(source.candidates('standard size')).toContain('measure');
  });

  it("names a phrase's described words: nouns WordNet has no adjective for, beside other words", async () => {
    const source = await morphologySource([]);
    expect(source.ignoredWords?.('blasting music')).toEqual(['music']);
    expect(source.ignoredWords?.('so very loud music')).toEqual(['music']);
    expect(source.ignoredWords?.('music')).toEqual([]);
    expect(source.ignoredWords?.('cold hard')).toEqual([]);
  });

  it('looks an adjective of several words up as one word, not as its words', async () => {
    const source = await morphologySource([]);
    expect(source.contentWords?.('so pissed off')).toEqual(['pissed off']);
    expect(source.glossWords?.('so pissed off')).toContain('anger');
    expect(source.glossWords?.('so pissed off')).toEqual(source.glossWords?.('pissed off'));
    expect(source.ignoredWords?.('so pissed off')).toEqual(['pissed', 'off']);
    expect(source.contentWords?.('totally laid back')).toEqual(['laid-back']);
  });

  it('reads a degree adverb of several words as saying how much, unless it is an article and an adjective before a noun', async () => {
    const source = await morphologySource([]);
    expect(source.ignoredWords?.('a little wimpy')).toEqual(['little']);
    expect(source.ignoredWords?.('kind of shy')).toEqual(['kind']);
    expect(source.candidates('a little wimpy')).toEqual(source.candidates('wimpy'));
    expect(source.candidates('sort of lonely')).toEqual(source.candidates('lonely'));
    expect(source.contentWords?.('a little wimpy')).toEqual(['wimpy']);
    expect(source.contentWords?.('so very a little')).toEqual(['so', 'very', 'a', 'little']);
    expect(source.ignoredWords?.('a little dog')).toEqual(['dog']);
    expect(source.contentWords?.('a little dog')).toEqual(['little', 'dog']);
    expect(source.candidates('a little dog')).toEqual(source.candidates('little'));
  });
});
