import type { RateLimiter } from '../middleware/rate-limit.js';
import type { PredictorPort, Storage, TrainerPort } from '../ports.js';

/** What the chat use cases need; built once in the composition root. */
export interface ChatDeps {
  storage: Storage;
  predictor: PredictorPort;
  /** In bot-only processes this queues the request for the trainer role. */
  trainer: TrainerPort;
  rateLimit: RateLimiter;
  /** Days back that start-up reconciliation looks. */
  reconcileDays: number;
  now?: () => Date;
}
