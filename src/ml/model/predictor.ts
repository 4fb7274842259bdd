import type { Encoder, PredictorPort, Storage } from '../../core/ports.js';
import { phraseWords } from '../../core/text.js';
import type { PredictionResult } from '../../core/types.js';
import type { Logger } from '../../logger.js';
import { storedModel, zeroShotModel } from './build-scoring-model.js';
import { rankByUncertainty } from '../active-learning/uncertainty.js';
import { embeddingStore, type EmbeddingStore } from './embedding-store.js';
import { phraseCandidates, type CandidateSource, type PhraseCandidates } from './open-candidates.js';
import { BLEND } from './blend-settings.js';
import { buildDerivedMemory, derivedVote, type DerivedMemory } from './derived-nouns.js';
import { liveTaught, type LiveTaught } from './live-taught.js';
import type { PhraseMemory } from './phrase-memory.js';
import { rank } from './rank.js';
import { scoredAs } from './scored-as.js';
import { labelIndex, type ScoringModel } from './scoring-model.js';

const taughtWordSets = new WeakMap<ReadonlyMap<string, unknown>, Set<string>>();
/** The words of the phrases a model was taught (memoized per taught map: it never changes). */
function taughtWords(model: ScoringModel): Set<string> {
  const taught = model.taught;
  if (!taught) return new Set();
  let words = taughtWordSets.get(taught);
  if (!words) {
    words = new Set([...taught.keys()].flatMap((p) => phraseWords(p)));
    taughtWordSets.set(taught, words);
  }
  return words;
}

/** What people currently teach about a phrase (label → weight), or null when nothing (all retracted). */
export type TaughtLookup = (phrase: string) => Promise<ReadonlyMap<string, number> | null>;

/**
 * Answers phrases with the active model of its encoder, switches to a newly activated model when
 * told (LISTEN/NOTIFY or the in-process event), and learns a vote at once: the voted phrase
 * enters the live memory of taught phrases (`live-taught.ts`) until a retrain folds it in.
 */
export class Predictor implements PredictorPort {
  private model: ScoringModel | null = null;
  /** Keyed by the phrase memory, which a model keeps when it is copied with a new version id. */
  private readonly derivedMemories = new WeakMap<PhraseMemory, Promise<DerivedMemory>>();
  readonly store: EmbeddingStore;
  private readonly queries: EmbeddingStore;
  private readonly live: LiveTaught;

  constructor(
    readonly encoder: Encoder,
    private readonly storage: Storage,
    private readonly logger: Logger,
    private readonly candidateSource: CandidateSource | null = null,
    taughtLookup: TaughtLookup | null = null,
  ) {
    this.store = embeddingStore(encoder, storage.embeddings);
    this.queries = embeddingStore(encoder, null, { memoryLimit: 10_000 });
    this.live = liveTaught(this.queries, taughtLookup);
  }

  get encoderId(): string {
    return this.encoder.id;
  }

  get activeVersion(): number | null {
    return this.model?.version ?? null;
  }

  get labelCount(): number {
    return this.model?.labels.length ?? 0;
  }

  /** Loads the encoder's active model, or the zero-shot ranking over the known labels. */
  async reload(): Promise<void> {
    const active = await this.storage.models.getActive(this.encoder.id);
    if (active) {
      const model = await storedModel(this.encoder, this.store, active);
      // Built before the switch, so no user's question waits for it (a first BERT run encodes ~2k nouns).
      await this.derivedNouns(model);
      this.model = model;
      this.logger.info({ model: active.id, labels: model.labels.length }, 'model loaded');
      return;
    }
    const labels = [...new Set((await this.storage.examples.listActive()).map((e) => e.label))].sort();
    this.model = await zeroShotModel(this.encoder, this.store, labels);
    this.logger.info({ labels: labels.length }, 'no trained model yet: zero-shot ranking');
  }

  /**
   * Follows model activations and taught phrases from every process; returns the unsubscribe
   * function.
   */
  async follow(): Promise<() => Promise<void>> {
    const offModels = await this.storage.events.onActivated((encoderId, modelId) => {
      if (encoderId !== this.encoder.id || modelId === this.model?.version) return;
      this.reload().catch((err: unknown) => this.logger.error({ err }, 'could not load the new model'));
    });
    const offTaught = await this.storage.events.onTaught((phrase) => this.learn(phrase));
    return async () => {
      await offModels();
      await offTaught();
    };
  }

  /** Re-reads what people teach about a phrase and answers with it from the next request on. */
  learn(phrase: string): void {
    this.live.refresh(phrase).catch((err: unknown) => this.logger.warn({ err, phrase }, 'could not learn a taught phrase'));
  }

  /** Waits until every taught phrase announced so far is learned (tests, benches). */
  settled(): Promise<void> {
    return this.live.settled();
  }

  /** Replaces the model directly (used right after training in the same process). */
  use(model: ScoringModel): void {
    this.model = model;
    this.derivedNouns(model)?.catch((err: unknown) => this.logger.warn({ err }, 'could not build the derived-noun memory; will retry'));
  }

  /** The model answering now (loading it first if needed), with what people taught since it was trained. */
  async currentModel(): Promise<ScoringModel> {
    if (!this.model) await this.reload();
    return this.live.apply(this.model as ScoringModel);
  }

  /**
   * Morphology candidates of each phrase under a model (open labels embedded through the cache),
   * with their derived nouns' vote (see `derived-nouns.ts`).
   */
  async candidatesFor(model: ScoringModel, phrases: readonly string[]): Promise<PhraseCandidates[]> {
    const lists = await phraseCandidates(this.candidateSource, phrases, new Set(labelIndex(model).keys()), this.store, model.centre, (w) => (this.encoder.oov?.(w) ?? []).length === 0);
    const nouns = await this.derivedNouns(model);
    if (!nouns) return lists;
    const opts = { k: BLEND.derivedNeighbours, temperature: BLEND.derivedTemperature };
    return lists.map((c, i) => (c.open.size > 0 ? { ...c, derived: derivedVote(nouns, c, model.labels.length, opts, scoredAs(model, phrases[i] ?? '', c)) } : c));
  }

  /** The derived-noun memory of a model's phrase memory, built once per memory. */
  private derivedNouns(model: ScoringModel): Promise<DerivedMemory> | null {
    const memory = model.memory;
    if (!memory || !this.candidateSource) return null;
    let built = this.derivedMemories.get(memory);
    if (!built) {
      built = buildDerivedMemory(memory, this.candidateSource, this.store, model.centre);
      // A failed build is retried next time rather than cached.
      built.catch(() => this.derivedMemories.delete(memory));
      this.derivedMemories.set(memory, built);
    }
    return built;
  }

  knowsLabel(label: string): boolean {
    return this.model !== null && labelIndex(this.model).has(label);
  }

  labels(): readonly string[] {
    return this.model === null ? [] : [...labelIndex(this.model).keys()];
  }

  async mostUncertain(phrases: readonly string[]): Promise<string[]> {
    const model = await this.currentModel();
    const [vectors, extras] = await Promise.all([this.queries.vectors(phrases), this.candidatesFor(model, phrases)]);
    const items = phrases.map((phrase, i) => ({ phrase, x: vectors[i] ?? new Float32Array(this.encoder.dim), extra: extras[i] }));
    return rankByUncertainty(model, items).map((r) => r.phrase);
  }

  async predict(phrase: string, k = 5): Promise<PredictionResult> {
    const model = await this.currentModel();
    const [x] = await this.queries.vectors([phrase]);
    return {
      candidates: x ? rank(model, x, k, (await this.candidatesFor(model, [phrase]))[0], phrase) : [],
      modelVersion: model.version,
      encoderId: this.encoder.id,
      // A word people taught a phrase with is no longer unknown to the bot.
      oov: (this.encoder.oov?.(phrase) ?? []).filter((w) => !taughtWords(model).has(w)),
    };
  }

  /** Resolves when background work (derived-noun memories, taught phrases) has finished: before closing storage. */
  async idle(): Promise<void> {
    await this.live.settled();
    const model = this.model;
    await (model ? this.derivedNouns(model)?.catch(() => undefined) : undefined);
  }
}
