import { describe, expect, it } from 'vitest';
import type { ChatContext } from '../../src/core/chat/chat-core.js';
import { pngSize } from '../support/png.js';
import { useTestApp } from '../support/test-app.js';

const admin: ChatContext = { platform: 'console', workspaceId: 'w', channelId: 'c', userId: 'root', isAdmin: true };

describe('/attribute-admin stats chart', () => {
  describe('before any model exists', () => {
    const app = useTestApp({ train: false });

    it('answers the text and says why there is no chart', async () => {
      const reply = await app().core.admin(admin, 'stats');
      expect(reply).toMatchObject({ kind: 'text', ephemeral: true });
      expect(reply.text).toMatch(/no models yet/);
      expect(reply.text).toMatch(/chart: none yet — there is no model version to plot\./);
      expect(reply.kind === 'text' && reply.files).toBeFalsy();
    });
  });

  describe('across model versions', () => {
    const app = useTestApp();

    it('attaches one PNG for one version, and again after a second version', async () => {
      const first = await app().core.admin(admin, 'stats');
      const files = first.kind === 'text' ? (first.files ?? []) : [];
      expect(files.map((f) => f.name)).toEqual(['attribot-accuracy.png']);
      expect(pngSize(files[0]?.data ?? new Uint8Array())).toEqual({ width: 800, height: 450 });
      expect(files[0]?.alt).toMatch(/model versions v\d+\.$/);

      await app().core.admin(admin, 'retrain force');
      const second = await app().core.admin(admin, 'stats');
      const alt = second.kind === 'text' ? second.files?.[0]?.alt : undefined;
      expect(alt).toMatch(/model versions v\d+, v\d+\.$/);
      expect(second.text).not.toMatch(/chart:/);
    });
  });
});
