// A child process for the crash test: starts a long training on the given database, so the test
// can kill it mid-run. Prints "training" once the run is recorded.
import { loadConfig } from '../../src/config/load.js';
import { createLogger } from '../../src/logger.js';
import { openApp } from '../../src/main.js';
import { loadGloveEncoder } from '../../src/ml/encoder/glove/glove-encoder.js';
import { MINI_GLOVE_PATH } from '../fixtures/glove/mini-glove.js';

// argv: the database URL and a data dir the parent owns (it removes it after killing this process).
const url = process.argv[2] ?? '';
const dir = process.argv[3] ?? '';
if (!dir) throw new Error('usage: train-forever.ts DATABASE_URL DATA_DIR');
const config = loadConfig({ DATABASE_URL: url, ATTRIBOT_DATA_DIR: dir, ENCODER: 'glove', TRAIN_BACKEND: 'cpu', LOG_LEVEL: 'silent' }, dir, { dotenv: false });
const encoder = await loadGloveEncoder({ dataDir: dir, sourcePath: MINI_GLOVE_PATH });
const app = await openApp(config, createLogger('silent'), { encoder });
// The pure-JS cpu backend keeps the run going long enough for the test to kill it.
await app.trainer.retrain({
  trigger: 'cli',
  requestedBy: 'crash-test',
  always: true,
  progress: () => process.stdout.write('training\n'),
});
