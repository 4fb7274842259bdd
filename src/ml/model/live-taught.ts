import type { EmbeddingStore } from './embedding-store.js';
import { buildMemory, type SparseTarget } from './phrase-memory.js';
import { centred, labelIndex, type ScoringModel } from './scoring-model.js';

/** Instant learning: phrases people taught since the active model was trained. */
export interface LiveTaught {
  /** Re-reads what people teach about `phrase` now (after a vote or a retraction). */
  refresh(phrase: string): Promise<void>;
  /** Resolves when every refresh asked for so far is done. */
  settled(): Promise<void>;
  /**
   * The model with the live taught phrases applied: their votes replace what it was taught about
   * them (a retraction leaves the phrase untaught) and they vote as neighbours (`overlay`).
   */
  apply(model: ScoringModel): ScoringModel;
}

interface Entry {
  /** label → weight; null: nobody teaches anything about the phrase any more. */
  target: ReadonlyMap<string, number> | null;
  x: Float32Array;
}

/**
 * The live taught phrases, read through `lookup` (the phrase's live votes as training would count
 * them) and embedded through `store`. Refreshes run one after another, so the last one wins.
 */
export function liveTaught(store: EmbeddingStore, lookup: ((phrase: string) => Promise<ReadonlyMap<string, number> | null>) | null): LiveTaught {
  const entries = new Map<string, Entry>();
  let chain: Promise<void> = Promise.resolve();
  let version = 0;
  let cached: { model: ScoringModel; version: number; applied: ScoringModel } | null = null;

  function sparse(model: ScoringModel, target: ReadonlyMap<string, number> | null): SparseTarget {
    const index = labelIndex(model);
    const mass = new Map<number, number>();
    for (const [label, w] of target ?? []) {
      const c = index.get(label);
      if (c !== undefined) mass.set(c, (mass.get(c) ?? 0) + w);
    }
    const total = [...mass.values()].reduce((a, b) => a + b, 0) || 1;
    return { classes: [...mass.keys()], probs: [...mass.values()].map((w) => w / total) };
  }

  function build(model: ScoringModel): ScoringModel {
    const taught = new Map(model.taught ?? []);
    const phrases: string[] = [];
    const vectors: Float32Array[] = [];
    const targets: SparseTarget[] = [];
    for (const [phrase, e] of entries) {
      const t = sparse(model, e.target);
      // A label the model has no class for yet (a new word) is learned at the next retrain.
      if (t.classes.length === 0) taught.delete(phrase);
      else taught.set(phrase, t);
      phrases.push(phrase);
      vectors.push(centred(e.x, model.centre));
      targets.push(t);
    }
    return { ...model, taught, overlay: buildMemory(phrases, vectors, targets, model.centre.length) };
  }

  return {
    refresh(phrase) {
      const run = chain.then(async () => {
        if (!lookup) return;
        const [target, [x]] = await Promise.all([lookup(phrase), store.vectors([phrase])]);
        entries.set(phrase, { target, x: x ?? new Float32Array(0) });
        version++;
      });
      chain = run.catch(() => undefined);
      return run;
    },
    settled: () => chain,
    apply(model) {
      if (entries.size === 0) return model;
      if (cached?.model !== model || cached.version !== version) cached = { model, version, applied: build(model) };
      return cached.applied;
    },
  };
}
