import type { RateLimiter } from '../middleware/rate-limit.js';
import type { PredictorPort, Storage, TrainerPort } from '../ports.js';

/** What the chat use cases need; built once in the composition root. */
export interface ChatDeps {
  storage: Storage;
  predictor: PredictorPort;
  /** Absent in bot-only processes: retrains are then queued for the trainer role. */
  trainer: TrainerPort | null;
  rateLimit: RateLimiter;
  /** Days back that start-up reconciliation looks. */
  reconcileDays: number;
  now?: () => Date;
}
