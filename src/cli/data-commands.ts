import { readLabelledTsv } from '../ml/dataset/tsv.js';
import { writeLabelledTsv } from '../ml/dataset/tsv-writer.js';
import { toExamples } from '../ml/seed/labelled-to-examples.js';
import { seedWordnet } from '../ml/seed/seed-wordnet.js';
import type { RegisterCommand } from './context.js';
import { withApp } from './with-app.js';

/** `attribot seed wordnet`, `attribot import FILE.tsv`, `attribot export FILE.tsv`. */
export const registerDataCommands: RegisterCommand = (program, ctx) => {
  program
    .command('seed')
    .description('seed training examples')
    .argument('<source>', 'wordnet')
    .option('--exclude <paths...>', 'TSV files or folders whose phrases must never be trained on (evaluation sets)')
    .action(async (source: string, opts: { exclude?: string[] }) => {
      if (source !== 'wordnet') {
        program.error(`unknown seed source "${source}" (only "wordnet")`, { exitCode: 64 });
      }
      await withApp(ctx, async (app) => {
        const exclude = opts.exclude ?? [...ctx.config().training.seedExclude];
        const r = await seedWordnet(app.storage, exclude);
        ctx.out(`seeded ${r.phrases} WordNet adjectives → ${r.labels} attribute labels (${r.excluded} phrases excluded)`);
      });
    });
  program
    .command('import')
    .description('import labelled examples (phrase<TAB>label[,label]); all or nothing')
    .argument('<file>', 'TSV file')
    .action(async (file: string) => {
      const items = await readLabelledTsv(file);
      await withApp(ctx, async (app) => {
        const n = await app.storage.examples.upsertMany(toExamples(items, 'import'));
        ctx.out(`imported ${items.length} phrases (${n} rows written)`);
      });
    });
  program
    .command('export')
    .description('write every active training example as TSV')
    .argument('<file>', 'output TSV file')
    .action(async (file: string) => {
      await withApp(ctx, async (app) => {
        const byPhrase = new Map<string, Set<string>>();
        for (const e of await app.storage.examples.listActive()) byPhrase.set(e.phrase, (byPhrase.get(e.phrase) ?? new Set()).add(e.label));
        for (const v of await app.storage.feedback.listLive()) {
          if (v.kind !== 'reject') byPhrase.set(v.phrase, (byPhrase.get(v.phrase) ?? new Set()).add(v.label));
        }
        const rows = [...byPhrase].map(([phrase, labels]) => ({ phrase, labels: [...labels] }));
        await writeLabelledTsv(file, rows, 'attribot export: phrase<TAB>labels');
        ctx.out(`exported ${rows.length} phrases to ${file}`);
      });
    });
};
