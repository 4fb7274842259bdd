import type { ChatCore } from '../core/chat/chat-core.js';
import type { DashboardSessionRow, PredictorPort, Storage } from '../core/ports.js';
import type { Logger } from '../logger.js';

/** What the dashboard needs: the same storage and chat use cases the chat commands use. */
export interface DashboardDeps {
  storage: Storage;
  /** The chat use cases: every dashboard action that a chat command also does goes through them. */
  core: ChatCore;
  predictor: Pick<PredictorPort, 'encoderId' | 'activeVersion'>;
  /** The retrain schedule (`RETRAIN_CRON`, `TZ`), for "next scheduled run". */
  retrainCron: string;
  timezone: string | undefined;
  /** `Secure` cookies (PUBLIC_URL is https). */
  secureCookies: boolean;
  logger: Logger;
  now?: () => Date;
}

/** A POST body as hono parses it (urlencoded or multipart). */
export type FormBody = Record<string, string | File | (string | File)[]>;

/** Hono's per-request variables of the dashboard. */
export interface DashboardEnv {
  Variables: {
    session: DashboardSessionRow;
    form: FormBody;
  };
}

/** A form field as a trimmed string ('' when missing or a file). */
export function field(form: FormBody, name: string): string {
  const v = form[name];
  return typeof v === 'string' ? v.trim() : '';
}
