import { existingFiles } from './arguments.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/** `attribot eval FILE.tsv [--json]` → n, top1, top5, mrr, coverage of the active model. */
export const registerEvalCommand: RegisterCommand = (program, ctx) => {
  program
    .command('eval')
    .description('evaluate the active model on a labelled TSV file (phrase<TAB>label[,label])')
    .argument('<files...>', 'TSV files', existingFiles(ctx.cwd))
    .option('--json', 'print JSON')
    .action(async (files: string[], opts: { json?: boolean }) => {
      const [{ readLabelledTsv }, { evaluateFile }] = await Promise.all([import('../ml/dataset/tsv.js'), import('../ml/training/evaluate-active.js')]);
      // Every file is parsed before the encoder loads, so a bad line fails fast.
      const sets = await Promise.all(files.map(async (file) => ({ file, items: (await readLabelledTsv(file)).map((e) => ({ phrase: e.phrase, accepted: e.labels })) })));
      await withApp(ctx, async (app) => {
        const results: Record<string, unknown> = {};
        for (const { file, items } of sets) {
          const m = await evaluateFile(app.predictor, items);
          results[file] = m;
          if (!opts.json) ctx.out(`${file}: n=${m.n} top1=${m.top1} top5=${m.top5} mrr=${m.mrr} coverage=${m.coverage}`);
        }
        if (opts.json) ctx.out(JSON.stringify(files.length === 1 ? results[files[0] ?? ''] : results));
      });
    });
};
