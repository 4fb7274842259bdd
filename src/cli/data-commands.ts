import { existingFile, existingPaths, writableFile } from './arguments.js';
import type { RegisterCommand } from './context.js';
import { withStorage } from './with-storage.js';

/**
 * `attribot seed wordnet`, `attribot import FILE.tsv`, `attribot export FILE.tsv`. Files are
 * checked before anything loads; `export` opens the database only. Implementations are imported
 * on use, so none of them loads an encoder.
 */
export const registerDataCommands: RegisterCommand = (program, ctx) => {
  program
    .command('seed')
    .description('seed training examples')
    .argument('<source>', 'wordnet')
    .option('--exclude <paths...>', 'TSV files or folders whose phrases must never be trained on (evaluation sets)', existingPaths(ctx.cwd))
    .action(async (source: string, opts: { exclude?: string[] }) => {
      if (source !== 'wordnet') {
        program.error(`error: unknown seed source "${source}" (only "wordnet")`, { exitCode: 64 });
      }
      const { seedWordnet } = await import('../ml/seed/seed-wordnet.js');
      await withStorage(
        ctx,
        async (storage) => {
          const exclude = opts.exclude ?? [...ctx.config().training.seedExclude];
          const r = await seedWordnet(storage, exclude);
          ctx.out(`seeded ${r.phrases} WordNet adjectives with ${r.labels} distinct attribute labels (${r.excluded} phrases excluded)`);
        },
        { mustExist: false },
      );
    });
  program
    .command('import')
    .description('import labelled examples (phrase<TAB>label[,label]); all or nothing')
    .argument('<file>', 'TSV file', existingFile(ctx.cwd))
    .action(async (file: string) => {
      const [{ readLabelledTsv }, { toExamples }] = await Promise.all([import('../ml/dataset/tsv.js'), import('../ml/seed/labelled-to-examples.js')]);
      const items = await readLabelledTsv(file);
      await withStorage(
        ctx,
        async (storage) => {
          const n = await storage.examples.upsertMany(toExamples(items, 'import'));
          ctx.out(`imported ${items.length} phrases (${n} phrase–label rows written)`);
        },
        { mustExist: false },
      );
    });
  program
    .command('export')
    .description('write every active training example and vote as TSV')
    .argument('<file>', 'output TSV file', writableFile(ctx.cwd))
    .action(async (file: string) => {
      const { writeLabelledTsv } = await import('../ml/dataset/tsv-writer.js');
      await withStorage(ctx, async (storage) => {
        const byPhrase = new Map<string, Set<string>>();
        for (const e of await storage.examples.listActive()) byPhrase.set(e.phrase, (byPhrase.get(e.phrase) ?? new Set()).add(e.label));
        for (const v of await storage.feedback.listLive()) {
          if (v.kind !== 'reject') byPhrase.set(v.phrase, (byPhrase.get(v.phrase) ?? new Set()).add(v.label));
        }
        const rows = [...byPhrase].map(([phrase, labels]) => ({ phrase, labels: [...labels] }));
        await writeLabelledTsv(file, rows, 'attribot export: phrase<TAB>labels');
        ctx.out(`exported ${rows.length} phrases to ${file}`);
      });
    });
};
