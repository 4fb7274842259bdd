import { validatePhrase } from '../core/commands/validate.js';
import { percent } from '../core/render/prediction-message.js';
import { InputError } from '../errors.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/** `attribot predict "<phrase>" [--k 5] [--json]`. */
export const registerPredictCommand: RegisterCommand = (program, ctx) => {
  program
    .command('predict')
    .description('rank attribute words for a phrase')
    .argument('<phrase>', 'e.g. "very chonky"')
    .option('-k, --k <n>', 'number of candidates', '5')
    .option('--json', 'print JSON')
    .action(async (text: string, opts: { k: string; json?: boolean }) => {
      const k = Number(opts.k);
      if (!Number.isInteger(k) || k < 1 || k > 100) throw new InputError('input.invalid', '--k must be an integer from 1 to 100');
      const { phrase } = validatePhrase(text);
      const { coldStart } = await import('../ml/seed/cold-start.js');
      await withApp(ctx, async (app) => {
        // A fresh database seeds WordNet and trains first, exactly as `attribot start` does.
        await coldStart(app, ctx.logger());
        const r = await app.predictor.predict(phrase, k);
        if (opts.json) {
          ctx.out(JSON.stringify({ phrase, encoder: r.encoderId, model_version: r.modelVersion, candidates: r.candidates, oov: r.oov }));
          return;
        }
        ctx.out(`${phrase}  (encoder ${r.encoderId}, model ${r.modelVersion === null ? 'zero-shot' : `v${r.modelVersion}`})`);
        r.candidates.forEach((c, i) => ctx.out(`${i + 1}. ${c.label.padEnd(24)} ${percent(c.p)}`));
        if (r.oov.length > 0) ctx.out(`unknown words: ${r.oov.join(', ')}`);
      });
    });
};
