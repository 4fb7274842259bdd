import { afterAll, beforeAll } from 'vitest';
import type { Storage } from '../../src/core/ports.js';
import type { NewPrediction } from '../../src/core/types.js';

/** Opens a fresh, empty {@link Storage} of one implementation, and what removes it afterwards. */
export type OpenStorage = () => Promise<{ storage: Storage; cleanup: () => Promise<void> }>;

/**
 * Opens one storage for the enclosing `describe` (before its first test) and closes and removes it
 * after its last; `storage` is that storage while the tests run.
 */
export function openedFor(open: OpenStorage): { readonly storage: Storage } {
  let opened: Awaited<ReturnType<OpenStorage>> | null = null;
  beforeAll(async () => {
    opened = await open();
  });
  afterAll(async () => {
    await opened?.storage.close();
    await opened?.cleanup();
  });
  return {
    get storage() {
      if (!opened) throw new Error('the storage is used before beforeAll opened it (use it inside a test)');
      return opened.storage;
    },
  };
}

/** A prediction as a Discord answer stores it; `over` changes what a test needs. */
export const prediction = (over: Partial<NewPrediction> = {}): NewPrediction => ({
  platform: 'discord',
  workspaceId: 'g1',
  channelId: 'c1',
  messageId: null,
  userId: 'u1',
  phraseRaw: 'Very Chonky',
  phrase: 'very chonky',
  candidates: [
    { label: 'size', p: 0.7 },
    { label: 'weight', p: 0.2 },
  ],
  encoderId: 'enc',
  modelVersionId: null,
  ...over,
});
