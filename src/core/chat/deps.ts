import type { ChartRenderer } from '../chart.js';
import type { DashboardLinkPort } from '../commands/dashboard.js';
import type { RateLimiter } from '../middleware/rate-limit.js';
import type { PredictorPort, Storage, TrainerPort, VoterTrustPort } from '../ports.js';
import type { VoteControls } from './chat-core.js';

/** What the chat use cases need; built once in the composition root. */
export interface ChatDeps {
  storage: Storage;
  predictor: PredictorPort;
  /** In bot-only processes this queues the request for the trainer role. */
  trainer: TrainerPort;
  rateLimit: RateLimiter;
  /** Draws the `/attribute-admin stats` chart. */
  charts: ChartRenderer;
  /** Days back that start-up reconciliation looks. */
  reconcileDays: number;
  /** Voters' weights in training, shown by `/attribute-admin corrections <user>` when present. */
  voterTrust?: VoterTrustPort;
  now?: () => Date;
  /** `VOTE_CONTROLS`: reactions (default), buttons, or both under every prediction message. */
  voteControls?: VoteControls;
  /** Sign-in links for `/attribute-admin dashboard`; absent: the dashboard is not offered. */
  dashboardLinks?: DashboardLinkPort;
}
