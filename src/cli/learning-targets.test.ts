import { describe, expect, it } from 'vitest';
import type { ChannelPoster } from '../core/ports.js';
import type { Platform } from '../core/types.js';
import { learningTargets } from './learning-targets.js';
import type { RunningPlatform } from './start-platforms.js';

const platform = (name: Platform): RunningPlatform => {
  const poster: ChannelPoster = {
    platform: name,
    workspaceOf: () => Promise.resolve('w'),
    postPrediction: () => Promise.resolve(),
  };
  return { name, servesRoutes: false, poster, notifier: { platform: name, notify: () => Promise.resolve() }, stop: () => Promise.resolve() };
};

describe('learningTargets', () => {
  it('pairs each configured channel with its running platform', () => {
    const discord = platform('discord');
    const slack = platform('slack');
    const { targets, idle } = learningTargets({ cron: '17 * * * *', discordChannel: '42', slackChannel: 'C1' }, [slack, discord]);
    expect(targets).toEqual([{ poster: discord.poster, channelId: '42' }, { poster: slack.poster, channelId: 'C1' }]);
    expect(idle).toEqual([]);
  });

  it('is empty when nothing is configured, and names configured platforms that do not run here', () => {
    expect(learningTargets({ cron: '17 * * * *', discordChannel: undefined, slackChannel: undefined }, [platform('slack')])).toEqual({ targets: [], idle: [] });
    const { targets, idle } = learningTargets({ cron: '17 * * * *', discordChannel: '42', slackChannel: 'C1' }, [platform('slack')]);
    expect(targets.map((t) => t.channelId)).toEqual(['C1']);
    expect(idle).toEqual(['discord']);
  });
});
