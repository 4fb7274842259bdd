import { InvalidArgumentError } from 'commander';
import { existingFile, existingPaths, writableFile } from './arguments.js';
import type { RegisterCommand } from './context.js';
import { withStorage } from './with-storage.js';

/**
 * `attribot seed wordnet`, `attribot import FILE`, `attribot export FILE`. Files are checked
 * before anything loads; `import` and `export` open the database only. Implementations are
 * imported on use, so none of them loads an encoder.
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
    .description('import an export (FILE.jsonl: examples, votes, quarantine) or labelled examples (FILE.tsv: phrase<TAB>label[,label]); all or nothing')
    .argument('<file>', 'an `attribot export` JSON Lines file, or a TSV file', existingFile(ctx.cwd))
    .action(async (file: string) => {
      const [{ readUtf8File }, { looksLikeArchive, parseTaughtJsonl }] = await Promise.all([import('../ml/dataset/read-utf8.js'), import('../ml/dataset/taught-jsonl.js')]);
      const text = await readUtf8File(file);
      if (looksLikeArchive(text)) {
        const archive = parseTaughtJsonl(text, file);
        await withStorage(
          ctx,
          async (storage) => {
            const n = await storage.archive.restore(archive);
            // Running bots (other processes on PostgreSQL) learn the imported votes at once, as live ones.
            if (n.votes > 0) {
              const voted = new Set(archive.votes.map((v) => v.predictionId));
              const phrases = new Set(archive.predictions.filter((p) => voted.has(p.id)).map((p) => p.phrase));
              for (const phrase of phrases) await storage.events.publishTaught(phrase);
            }
            ctx.out(
              `imported ${file}: ${n.examples} of ${archive.examples.length} examples, ${n.predictions} of ${archive.predictions.length} predictions, ${n.votes} of ${archive.votes.length} votes, ${n.quarantined} of ${archive.quarantined.length} quarantined users were new`,
            );
          },
          { mustExist: false },
        );
        return;
      }
      const [{ parseLabelledTsv }, { toExamples }] = await Promise.all([import('../ml/dataset/tsv.js'), import('../ml/seed/labelled-to-examples.js')]);
      const items = parseLabelledTsv(text, file);
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
    .description('write what people taught: FILE.jsonl keeps examples and votes apart (a backup `import` restores); FILE.tsv lists labels per phrase only')
    .argument('<file>', 'output file (.jsonl, or .tsv for labels only)', writableFile(ctx.cwd))
    .option('--format <format>', 'jsonl or tsv (default: tsv for a .tsv file, else jsonl)', exportFormat)
    .action(async (file: string, opts: { format?: 'jsonl' | 'tsv' }) => {
      const format = opts.format ?? (file.toLowerCase().endsWith('.tsv') ? 'tsv' : 'jsonl');
      await withStorage(ctx, async (storage) => {
        if (format === 'jsonl') {
          const { writeTaughtJsonl } = await import('../ml/dataset/taught-jsonl-writer.js');
          const archive = await storage.archive.read();
          await writeTaughtJsonl(file, archive);
          ctx.out(`exported ${archive.examples.length} examples, ${archive.votes.length} votes on ${archive.predictions.length} predictions and ${archive.quarantined.length} quarantined users to ${file}`);
          return;
        }
        const { writeLabelledTsv } = await import('../ml/dataset/tsv-writer.js');
        const byPhrase = new Map<string, Set<string>>();
        for (const e of await storage.examples.listActive()) byPhrase.set(e.phrase, (byPhrase.get(e.phrase) ?? new Set()).add(e.label));
        for (const v of await storage.feedback.listLive()) {
          if (v.kind !== 'reject') byPhrase.set(v.phrase, (byPhrase.get(v.phrase) ?? new Set()).add(v.label));
        }
        const rows = [...byPhrase].map(([phrase, labels]) => ({ phrase, labels: [...labels] }));
        await writeLabelledTsv(file, rows, 'attribot export: phrase<TAB>labels (labels only: votes merged, not a backup; export to FILE.jsonl to keep them apart)');
        ctx.out(`exported ${rows.length} phrases to ${file} (labels only; export to a .jsonl file to keep votes apart)`);
      });
    });
};

function exportFormat(value: string): 'jsonl' | 'tsv' {
  if (value !== 'jsonl' && value !== 'tsv') throw new InvalidArgumentError('the format is jsonl or tsv.');
  return value;
}
