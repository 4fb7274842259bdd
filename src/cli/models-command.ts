import { modelStatusText } from '../core/render/model-status.js';
import type { ModelSummary } from '../core/types.js';
import { AppError, InputError } from '../errors.js';
import { parseModelId } from './arguments.js';
import type { RegisterCommand } from './context.js';
import { withStorage } from './with-storage.js';

/** The encoder a rollback applies to: `--encoder`, else the only one with models (the active one first). */
export function rollbackEncoder(models: readonly ModelSummary[], requested: string | undefined): string {
  if (requested !== undefined) return requested;
  const active = [...new Set(models.filter((m) => m.status === 'active').map((m) => m.encoderId))];
  const all = [...new Set(models.map((m) => m.encoderId))];
  const choices = active.length > 0 ? active : all;
  if (choices.length === 1 && choices[0] !== undefined) return choices[0];
  if (choices.length === 0) throw new AppError('input.not_found', 'There are no models yet: run attribot train.');
  throw new InputError('input.invalid', `Models of several encoders are active (${choices.join(', ')}): choose one with --encoder.`);
}

/**
 * `attribot models list|activate ID|rollback`. None of them loads an encoder or a model: they only
 * read and write the registry.
 */
export const registerModelsCommand: RegisterCommand = (program, ctx) => {
  const models = program.command('models').description('the model registry');
  models
    .command('list')
    .description('every model version, newest first')
    .option('--json', 'print JSON')
    .action(async (opts: { json?: boolean }) => {
      await withStorage(ctx, async (storage) => {
        const list = await storage.models.list();
        if (opts.json) {
          ctx.out(JSON.stringify(list));
          return;
        }
        if (list.length === 0) ctx.out('no models yet: run attribot train');
        for (const m of list) {
          ctx.out(
            `v${m.id}  ${modelStatusText(m).padEnd(11)} held-out top-1 ${m.metrics.gateTop1.toFixed(3)}  ${m.labels} answer labels  ${m.metrics.examples} phrases trained on  ${m.encoderId}  ${m.createdAt.toISOString()}${m.reason ? `  (${m.reason})` : ''}`,
          );
        }
      });
    });
  models
    .command('activate')
    .description('make a model version the active one for its encoder')
    .argument('<id>', 'model version (3 or v3)', (v: string) => parseModelId(v.replace(/^v/i, '')))
    .action(async (id: number) => {
      await withStorage(ctx, async (storage) => {
        const m = await storage.models.get(id);
        if (!m) throw new AppError('input.not_found', `There is no model version ${id}: see attribot models list.`);
        await storage.models.activate(m.id, 'activated from the CLI');
        await storage.audit.append({ actor: 'cli', action: 'model.activate', subject: `model:${m.id}` });
        await storage.events.publishActivated(m.encoderId, m.id);
        ctx.out(`model v${m.id} is active`);
      });
    });
  models
    .command('rollback')
    .description('re-activate the model that was active before the current one')
    .option('--encoder <id>', 'the encoder whose model to roll back (default: the one with an active model)')
    .action(async (opts: { encoder?: string }) => {
      await withStorage(ctx, async (storage) => {
        const encoderId = rollbackEncoder(await storage.models.list(), opts.encoder);
        const back = await storage.models.rollback(encoderId);
        if (!back) throw new AppError('input.not_found', 'There is no earlier model to roll back to.');
        await storage.audit.append({ actor: 'cli', action: 'model.rollback', subject: `model:${back.id}` });
        await storage.events.publishActivated(back.encoderId, back.id);
        ctx.out(`rolled back: model v${back.id} is active`);
      });
    });
};
