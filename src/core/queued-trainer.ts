import type { RetrainQueue, TrainerPort } from './ports.js';

/** The trainer of a bot-only process: a retrain request is queued for the trainer process. */
export function queuedTrainer(queue: RetrainQueue): TrainerPort {
  return {
    async retrain(req) {
      const requestId = await queue.enqueue({ requestedBy: req.requestedBy ?? req.trigger, force: req.force ?? false, ...(req.requester ? { requester: req.requester } : {}) });
      return { status: 'queued', requestId };
    },
  };
}
