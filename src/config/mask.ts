import type { Config } from './config.js';

/** `postgresql://user:secret@host/db` → `postgresql://user:***@host/db`. */
export function maskUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return url.replace(/:\/\/([^:/@]+):[^@]*@/, '://$1:***@');
  }
}

function maskSecret(value: string | undefined): string | undefined {
  if (value === undefined || value === '') return value;
  return `***${value.length > 12 ? value.slice(-4) : ''}`;
}

/** The configuration with tokens and passwords hidden, for `attribot config` and logs. */
export function maskConfig(config: Config): unknown {
  return {
    ...config,
    databaseUrl: config.databaseUrl === undefined ? undefined : maskUrl(config.databaseUrl),
    discord: config.discord && { ...config.discord, token: maskSecret(config.discord.token) },
    slack: config.slack && {
      ...config.slack,
      botToken: maskSecret(config.slack.botToken),
      signingSecret: maskSecret(config.slack.signingSecret),
      appToken: maskSecret(config.slack.appToken),
    },
  };
}
