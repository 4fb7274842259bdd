import { AppError } from '../errors.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/** `attribot models list|activate ID|rollback`. */
export const registerModelsCommand: RegisterCommand = (program, ctx) => {
  const models = program.command('models').description('the model registry');
  models
    .command('list')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withApp(ctx, async (app) => {
        const list = await app.storage.models.list();
        if (opts.json) {
          ctx.out(JSON.stringify(list));
          return;
        }
        if (list.length === 0) ctx.out('no models yet: run attribot train');
        for (const m of list) {
          ctx.out(`v${m.id}  ${m.status.padEnd(9)} top-1 ${m.metrics.gateTop1.toFixed(3)}  ${m.labels} labels  ${m.encoderId}  ${m.createdAt.toISOString()}${m.reason ? `  (${m.reason})` : ''}`);
        }
      });
    });
  models
    .command('activate')
    .argument('<id>', 'model version')
    .action(async (id: string) => {
      await withApp(ctx, async (app) => {
        const m = await app.storage.models.get(Number(id));
        if (!m) throw new AppError('input.not_found', `There is no model version ${id}.`);
        await app.storage.models.activate(m.id, 'activated from the CLI');
        await app.storage.audit.append({ actor: 'cli', action: 'model.activate', subject: `model:${m.id}` });
        await app.storage.events.publishActivated(m.encoderId, m.id);
        ctx.out(`model v${m.id} is active`);
      });
    });
  models
    .command('rollback')
    .action(async () => {
      await withApp(ctx, async (app) => {
        const back = await app.storage.models.rollback(app.encoder.id);
        if (!back) throw new AppError('input.not_found', 'There is no earlier model to roll back to.');
        await app.storage.audit.append({ actor: 'cli', action: 'model.rollback', subject: `model:${back.id}` });
        await app.storage.events.publishActivated(back.encoderId, back.id);
        ctx.out(`rolled back: model v${back.id} is active`);
      });
    });
};
