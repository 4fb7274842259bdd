import { Counter, Gauge, type Registry } from 'prom-client';
import type { Admission } from './admission.js';

/**
 * Exposes admissions on a Prometheus registry: `attribot_queue_depth{queue}` (waiting now),
 * `attribot_queue_running{queue}` and `attribot_queue_rejected_total{queue}` (refused since start),
 * read at scrape time.
 */
export function registerAdmissionMetrics(registry: Registry, admissions: readonly Admission[]): void {
  new Gauge({
    name: 'attribot_queue_depth',
    help: 'Tasks waiting for a slot (votes, commands)',
    labelNames: ['queue'],
    registers: [registry],
    collect() {
      for (const a of admissions) this.set({ queue: a.name }, a.queued);
    },
  });
  new Gauge({
    name: 'attribot_queue_running',
    help: 'Tasks running (votes, commands)',
    labelNames: ['queue'],
    registers: [registry],
    collect() {
      for (const a of admissions) this.set({ queue: a.name }, a.running);
    },
  });
  const rejected = new Counter({
    name: 'attribot_queue_rejected_total',
    help: 'Tasks refused as busy (Slack got an error status, or the user "busy")',
    labelNames: ['queue'],
    registers: [registry],
    collect() {
      rejected.reset();
      for (const a of admissions) rejected.inc({ queue: a.name }, a.refused);
    },
  });
}
