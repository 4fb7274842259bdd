import fs from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml (there through ESLint) ships no types; this is the one function used.
const { load: loadYaml } = createRequire(import.meta.url)('js-yaml') as { load: (text: string) => unknown };
const ROOT = path.resolve(import.meta.dirname, '..', '..');

interface Manifest {
  features: { slash_commands: { command: string; url?: string }[]; shortcuts?: { type: string; callback_id: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: { socket_mode_enabled: boolean; event_subscriptions: { request_url?: string; bot_events: string[] }; interactivity?: { request_url?: string } };
}

/** The bot scope each Web API method the Slack adapter calls needs. */
const SCOPE_OF: Record<string, string> = {
  'auth.test': '',
  'chat.postMessage': 'chat:write',
  'chat.postEphemeral': 'chat:write',
  'chat.update': 'chat:write',
  'chat.delete': 'chat:write',
  'reactions.add': 'reactions:write',
  'reactions.get': 'reactions:read',
  'conversations.open': 'im:write',
  'files.uploadV2': 'files:write',
  'views.open': '',
};

async function adapterSource(): Promise<string> {
  const dir = path.join(ROOT, 'src', 'adapters', 'slack');
  const files = (await fs.readdir(dir)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
  return (await Promise.all(files.map((f) => fs.readFile(path.join(dir, f), 'utf8')))).join('\n');
}

describe.each(['manifest.yaml', 'manifest.socket-mode.yaml'])('slack/%s', (file) => {
  const manifest = async () => loadYaml(await fs.readFile(path.join(ROOT, 'slack', file), 'utf8')) as Manifest;

  it('declares every slash command, event and scope the Slack adapter uses', async () => {
    const m = await manifest();
    const source = await adapterSource();
    const commands = [...source.matchAll(/'(\/attribute[a-z-]*)'/g)].map((x) => x[1]);
    expect(m.features.slash_commands.map((c) => c.command).sort()).toEqual([...new Set(commands)].sort());
    const events = [...source.matchAll(/app\.event\('([a-z_]+)'/g)].map((x) => x[1]);
    expect(m.settings.event_subscriptions.bot_events.sort()).toEqual([...new Set(events)].sort());
    const methods = new Set([...source.matchAll(/client\.([a-z]+\.[a-zA-Z0-9]+)\(/g)].map((x) => x[1] ?? ''));
    for (const method of methods) {
      expect(Object.keys(SCOPE_OF), `scope of ${method}`).toContain(method);
      const scope = SCOPE_OF[method];
      if (scope) expect(m.oauth_config.scopes.bot).toContain(scope);
    }
    expect(m.oauth_config.scopes.bot).toContain('commands');
    const shortcuts = [...source.matchAll(/export const [A-Z_]+_SHORTCUT = '([a-z_]+)'/g)].map((x) => x[1]);
    expect(shortcuts.length).toBeGreaterThan(0);
    expect((m.features.shortcuts ?? []).map((s) => [s.type, s.callback_id])).toEqual(shortcuts.map((id) => ['message', id]));
  });

  it(file.includes('socket') ? 'needs no public address (Socket Mode)' : 'points every request URL at /slack/events', async () => {
    const m = await manifest();
    const urls = [...m.features.slash_commands.map((c) => c.url), m.settings.event_subscriptions.request_url, m.settings.interactivity?.request_url];
    if (file.includes('socket')) {
      expect(m.settings.socket_mode_enabled).toBe(true);
      expect(urls.filter((u) => u !== undefined)).toEqual([]);
    } else {
      expect(m.settings.socket_mode_enabled).toBe(false);
      for (const u of urls) expect(u).toMatch(/^https:\/\/.+\/slack\/events$/);
    }
  });
});
