import os from 'node:os';
import { describe, expect, it } from 'vitest';
import { loadConfig } from './load.js';

describe('VOTE_CONTROLS', () => {
  const load = (env: Record<string, string>) => loadConfig(env, os.tmpdir(), { dotenv: false });

  it('defaults to reactions; buttons and both are accepted', () => {
    expect(load({}).chat.voteControls).toBe('reactions');
    expect(load({ VOTE_CONTROLS: 'buttons' }).chat.voteControls).toBe('buttons');
    expect(load({ VOTE_CONTROLS: 'both' }).chat.voteControls).toBe('both');
  });

  it('anything else is refused with the accepted values', () => {
    expect(() => load({ VOTE_CONTROLS: 'emoji' })).toThrow(/VOTE_CONTROLS.*must be reactions, buttons or both/);
  });
});
