import { answeringText, modelStatusText } from '../core/render/model-status.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/**
 * `attribot status [--json]`: which encoder's model answers and why (a new encoder's first model
 * answers only if it is not worse than the other encoder's active model), and each encoder's
 * active model. Loads the encoders as `start` does, but trains nothing.
 */
export const registerStatusCommand: RegisterCommand = (program, ctx) => {
  program
    .command('status')
    .description('which encoder and model answer, and why')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(ctx, async (app) => {
        const answering = await app.predictor.answering();
        const active = (await app.storage.models.list()).filter((m) => m.status === 'active');
        if (opts.json) {
          ctx.out(JSON.stringify({ selected_encoder: app.encoder.id, answering, active: active.map((m) => ({ id: m.id, encoder: m.encoderId, gate_top1: m.metrics.gateTop1 })) }));
          return;
        }
        ctx.out(answeringText(answering));
        for (const m of active) ctx.out(`  v${m.id}  ${modelStatusText(m)} for ${m.encoderId}  held-out top-1 ${m.metrics.gateTop1.toFixed(3)}`);
      });
    });
};
