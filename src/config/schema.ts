import cron from 'node-cron';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0', 'yes', 'no'], { message: 'must be true or false' })
  .transform((v) => v === 'true' || v === '1' || v === 'yes');
const int = (min: number, max: number) =>
  z.coerce
    .number({ message: 'must be a number' })
    .int({ message: 'must be an integer' })
    .min(min, { message: `must be at least ${min}` })
    .max(max, { message: `must be at most ${max}` });
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === '' ? undefined : v))
  .optional();
const idList = z
  .string()
  .default('')
  .transform((v) => v.split(',').map((s) => s.trim()).filter((s) => s.length > 0));

/**
 * A cron expression node-cron accepts (5 fields, or 6 with seconds), checked at load whether or
 * not its feature is on, so `61 3 * * *` fails at start-up rather than on the day it is needed.
 */
const cronExpression = z
  .string()
  .trim()
  .min(1)
  .refine((v) => cron.validate(v), { error: 'is not a valid cron expression (minute hour day-of-month month day-of-week, e.g. "0 3 * * *")' });

/** An IANA zone; `:/etc/localtime` (the POSIX "system zone" form some images set) is accepted too. */
function isTimeZone(tz: string): boolean {
  if (tz.startsWith(':')) return true;
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/**
 * Every environment variable attribot reads, with its default. `.env.example` documents the same
 * list; `attribot config` prints the parsed result.
 */
export const envSchema = z.object({
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  ATTRIBOT_DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: optionalString.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgresql:// URL' })
      .optional(),
  ),

  ENCODER: z.enum(['auto', 'bert', 'glove']).default('auto'),
  BERT_MODEL: z.string().min(1).default('Xenova/bert-base-uncased'),
  MODEL_DIR: optionalString,
  GLOVE_SOURCE: optionalString,
  MODEL_CACHE_DIR: optionalString,
  BERT_POOLING: z.enum(['cls', 'mean']).default('cls'),
  BERT_DTYPE: z.enum(['fp32', 'q8']).default('fp32'),
  ALLOW_REMOTE_MODELS: bool.default(true),
  PREDICT_BATCH_WINDOW_MS: int(0, 1000).default(3),

  TRAIN_BACKEND: z.enum(['auto', 'tensorflow-gpu', 'tensorflow', 'onnx', 'wasm', 'cpu']).default('auto'),
  RETRAIN_CRON: cronExpression.default('0 3 * * *'),
  TZ: optionalString.refine((tz) => tz === undefined || isTimeZone(tz), { error: 'must be an IANA time zone such as Europe/Berlin' }),
  GATE_MARGIN: z.coerce
    .number({ error: 'must be a number' })
    .min(0, { error: 'must be between 0 and 1: how much lower (top-1, as a fraction) a new model may score and still be promoted' })
    .max(1, { error: 'must be between 0 and 1: how much lower (top-1, as a fraction) a new model may score and still be promoted' })
    .default(0.01),
  GATE_EVAL_FILES: idList,
  SEED_EXCLUDE: idList,
  AUTO_SEED: bool.default(true),

  RATE_LIMIT_PER_MINUTE: int(1, 10_000).default(20),
  VOTE_CONTROLS: z.enum(['reactions', 'buttons', 'both'], { message: 'must be reactions, buttons or both' }).default('reactions'),
  RECONCILE_DAYS: int(0, 365).default(7),
  DB_POOL_SIZE: int(1, 1000).default(10),
  DB_CONNECT_TIMEOUT_MS: int(100, 600_000).default(5000),
  VOTE_CONCURRENCY: int(1, 1000).default(8),
  VOTE_QUEUE: int(0, 1_000_000).default(2000),
  COMMAND_CONCURRENCY: int(1, 1000).default(8),
  COMMAND_QUEUE: int(0, 1_000_000).default(200),
  QUEUE_WAIT_MS: int(1, 600_000).default(2000),
  PORT: int(1, 65_535).default(3000),
  PUBLIC_URL: optionalString.pipe(z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' }).optional()),
  LEARNING_CHANNEL_DISCORD: optionalString,
  LEARNING_CHANNEL_SLACK: optionalString,
  LEARNING_PROMPT_CRON: cronExpression.default('17 * * * *'),

  DISCORD_TOKEN: optionalString,
  DISCORD_APP_ID: optionalString,
  DISCORD_API_URL: optionalString.pipe(z.url({ message: 'must be a URL' }).optional()),
  DISCORD_ADMIN_ROLE: optionalString,
  DISCORD_SHARDS: z
    .string()
    .default('none')
    .refine((v) => v === 'none' || v === 'auto' || /^\d+$/.test(v), { message: 'must be none, auto or a number' }),

  SLACK_BOT_TOKEN: optionalString,
  SLACK_SIGNING_SECRET: optionalString,
  SLACK_APP_TOKEN: optionalString,
  SLACK_API_URL: optionalString.pipe(z.url({ message: 'must be a URL' }).optional()),
  ADMIN_USER_IDS: idList,
});

export type Env = z.infer<typeof envSchema>;

