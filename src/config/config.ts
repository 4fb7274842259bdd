import path from 'node:path';
import type { Env } from './schema.js';

/** The typed, frozen configuration every component receives. Built once by {@link loadConfig}. */
export interface Config {
  readonly logLevel: Env['LOG_LEVEL'];
  readonly dataDir: string;
  readonly databaseUrl: string | undefined;
  readonly pgliteDir: string;
  readonly encoder: {
    readonly kind: Env['ENCODER'];
    readonly bertModel: string;
    readonly modelDir: string | undefined;
    /** The wink GloVe JSON to convert (default: the installed npm package). */
    readonly gloveSource: string | undefined;
    readonly cacheDir: string;
    readonly pooling: Env['BERT_POOLING'];
    readonly dtype: Env['BERT_DTYPE'];
    readonly allowRemote: boolean;
    readonly batchWindowMs: number;
  };
  readonly training: {
    readonly backend: Env['TRAIN_BACKEND'];
    readonly cron: string;
    readonly timezone: string | undefined;
    readonly gateMargin: number;
    readonly gateEvalFiles: readonly string[];
    readonly seedExclude: readonly string[];
    readonly autoSeed: boolean;
  };
  readonly chat: {
    readonly rateLimitPerMinute: number;
    /** `VOTE_CONTROLS`: what prediction messages carry to vote with (reaction emoji, buttons, or both). */
    readonly voteControls: Env['VOTE_CONTROLS'];
    readonly reconcileDays: number;
    readonly port: number;
  };
  /** The admin dashboard at `/admin` (served on `chat.port`). */
  readonly dashboard: {
    /** Origin of sign-in links (`PUBLIC_URL`, default `http://localhost:PORT`), without a trailing slash. */
    readonly publicUrl: string;
    /** Cookies get `Secure` when the public URL is https. */
    readonly secureCookies: boolean;
  };
  /** Bounds on concurrent work towards the database and the encoder (votes, commands), and the pool. */
  readonly limits: {
    readonly dbPoolSize: number;
    /** How long a query waits for a pooled connection before failing (then retried on the vote path). */
    readonly dbConnectTimeoutMs: number;
    readonly voteConcurrency: number;
    /** Votes waiting for a slot; past it (or past `queueWaitMs`) Slack gets an error status and retries. */
    readonly voteQueue: number;
    readonly commandConcurrency: number;
    /** Commands waiting for a slot; past it (or past `queueWaitMs`) the user hears "busy". */
    readonly commandQueue: number;
    readonly queueWaitMs: number;
  };
  /** Learning prompts: the most informative phrase, posted to these channels on `cron` (in `training.timezone`). */
  readonly learning: {
    readonly cron: string;
    /** Channel ids; undefined: no prompts on that platform. */
    readonly discordChannel: string | undefined;
    readonly slackChannel: string | undefined;
  };
  readonly discord:
    | {
        readonly token: string;
        readonly appId: string | undefined;
        readonly apiUrl: string | undefined;
        readonly adminRole: string | undefined;
        readonly shards: string;
      }
    | undefined;
  readonly slack:
    | {
        readonly botToken: string;
        readonly signingSecret: string;
        readonly appToken: string | undefined;
        readonly apiUrl: string | undefined;
        readonly adminUserIds: readonly string[];
      }
    | undefined;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}

/** Shapes parsed variables into {@link Config}; paths are resolved against `cwd`. */
export function toConfig(env: Env, cwd: string): Config {
  const dataDir = path.resolve(cwd, env.ATTRIBOT_DATA_DIR);
  const resolve = (p: string) => path.resolve(cwd, p);
  return deepFreeze({
    logLevel: env.LOG_LEVEL,
    dataDir,
    databaseUrl: env.DATABASE_URL,
    pgliteDir: path.join(dataDir, 'pglite'),
    encoder: {
      kind: env.ENCODER,
      bertModel: env.BERT_MODEL,
      modelDir: env.MODEL_DIR === undefined ? undefined : resolve(env.MODEL_DIR),
      gloveSource: env.GLOVE_SOURCE === undefined ? undefined : resolve(env.GLOVE_SOURCE),
      cacheDir: env.MODEL_CACHE_DIR === undefined ? path.join(dataDir, 'models') : resolve(env.MODEL_CACHE_DIR),
      pooling: env.BERT_POOLING,
      dtype: env.BERT_DTYPE,
      allowRemote: env.ALLOW_REMOTE_MODELS,
      batchWindowMs: env.PREDICT_BATCH_WINDOW_MS,
    },
    training: {
      backend: env.TRAIN_BACKEND,
      cron: env.RETRAIN_CRON,
      // `:/etc/localtime` means the system's zone, which is what node-cron uses without one.
      timezone: env.TZ?.startsWith(':') ? undefined : env.TZ,
      gateMargin: env.GATE_MARGIN,
      gateEvalFiles: env.GATE_EVAL_FILES.map(resolve),
      seedExclude: env.SEED_EXCLUDE.map(resolve),
      autoSeed: env.AUTO_SEED,
    },
    chat: {
      rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
      voteControls: env.VOTE_CONTROLS,
      reconcileDays: env.RECONCILE_DAYS,
      port: env.PORT,
    },
    dashboard: {
      publicUrl: (env.PUBLIC_URL ?? `http://localhost:${env.PORT}`).replace(/\/+$/, ''),
      secureCookies: (env.PUBLIC_URL ?? '').startsWith('https:'),
    },
    limits: {
      dbPoolSize: env.DB_POOL_SIZE,
      dbConnectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
      voteConcurrency: env.VOTE_CONCURRENCY,
      voteQueue: env.VOTE_QUEUE,
      commandConcurrency: env.COMMAND_CONCURRENCY,
      commandQueue: env.COMMAND_QUEUE,
      queueWaitMs: env.QUEUE_WAIT_MS,
    },
    learning: {
      cron: env.LEARNING_PROMPT_CRON,
      discordChannel: env.LEARNING_CHANNEL_DISCORD,
      slackChannel: env.LEARNING_CHANNEL_SLACK,
    },
    discord:
      env.DISCORD_TOKEN === undefined
        ? undefined
        : {
            token: env.DISCORD_TOKEN,
            appId: env.DISCORD_APP_ID,
            apiUrl: env.DISCORD_API_URL,
            adminRole: env.DISCORD_ADMIN_ROLE,
            shards: env.DISCORD_SHARDS,
          },
    slack:
      env.SLACK_BOT_TOKEN === undefined
        ? undefined
        : {
            botToken: env.SLACK_BOT_TOKEN,
            signingSecret: env.SLACK_SIGNING_SECRET ?? '',
            appToken: env.SLACK_APP_TOKEN,
            apiUrl: env.SLACK_API_URL,
            adminUserIds: env.ADMIN_USER_IDS,
          },
  });
}
