import type { Config } from '../config/config.js';
import type { LearningTarget } from '../core/learning/learning-prompts.js';
import type { Platform } from '../core/types.js';
import type { RunningPlatform } from './start-platforms.js';

/**
 * The learning-prompt channels of the running platforms (`LEARNING_CHANNEL_DISCORD`,
 * `LEARNING_CHANNEL_SLACK`), and the configured ones whose platform is not running here (worth a
 * warning: those prompts will not appear).
 */
export function learningTargets(learning: Config['learning'], platforms: readonly RunningPlatform[]): { targets: LearningTarget[]; idle: Platform[] } {
  const configured: [Platform, string | undefined][] = [
    ['discord', learning.discordChannel],
    ['slack', learning.slackChannel],
  ];
  const targets: LearningTarget[] = [];
  const idle: Platform[] = [];
  for (const [platform, channelId] of configured) {
    if (channelId === undefined) continue;
    const running = platforms.find((p) => p.poster.platform === platform);
    if (running) targets.push({ poster: running.poster, channelId });
    else idle.push(platform);
  }
  return { targets, idle };
}
