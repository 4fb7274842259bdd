import type { AnsweringStatus, Encoder, PredictorPort, Storage } from '../../core/ports.js';
import type { PredictionResult } from '../../core/types.js';
import type { Logger } from '../../logger.js';
import type { EmbeddingStore } from '../model/embedding-store.js';
import type { PhraseCandidates } from '../model/open-candidates.js';
import type { Predictor } from '../model/predictor.js';
import type { ScoringModel } from '../model/scoring-model.js';
import { activeOf, answeringChoice, rivalModel } from './answering-choice.js';
import type { EncoderRoster } from './encoder-roster.js';

/**
 * The process's predictor: answers with the selected encoder's active model, or — while the
 * selected encoder has none, e.g. its first model was worse than the other encoder's — with the
 * other encoder's active model (`answering-choice.ts`). One {@link Predictor} per encoder in use;
 * the choice is made again whenever a model is activated anywhere.
 */
export class AnsweringPredictor implements PredictorPort {
  private readonly predictors = new Map<string, Predictor>();
  private readonly selected: Predictor;
  private current: Predictor;
  private status: AnsweringStatus | null = null;
  private choosing: Promise<void> = Promise.resolve();

  constructor(
    private readonly roster: EncoderRoster,
    private readonly make: (encoder: Encoder) => Predictor,
    private readonly storage: Storage,
    private readonly logger: Logger,
  ) {
    this.selected = make(roster.selected);
    this.current = this.selected;
    this.predictors.set(roster.selected.id, this.selected);
  }

  /** The predictor of the selected encoder: the one the trainer trains. */
  get trained(): Predictor {
    return this.selected;
  }

  get encoder(): Encoder {
    return this.current.encoder;
  }
  get encoderId(): string {
    return this.current.encoderId;
  }
  get activeVersion(): number | null {
    return this.current.activeVersion;
  }
  get labelCount(): number {
    return this.current.labelCount;
  }
  get store(): EmbeddingStore {
    return this.current.store;
  }

  /** The predictor of an encoder this process can run (loading the encoder once), or null. */
  async predictorFor(encoderId: string): Promise<Predictor | null> {
    const known = this.predictors.get(encoderId);
    if (known) return known;
    const encoder = await this.roster.get(encoderId);
    if (!encoder) return null;
    const made = this.predictors.get(encoderId) ?? this.make(encoder);
    this.predictors.set(encoderId, made);
    return made;
  }

  /** Which encoder answers now and why (read from the registry). */
  async answering(): Promise<AnsweringStatus> {
    const models = await this.storage.models.list();
    const rival = activeOf(this.roster.selected.id, models) ? null : rivalModel(this.roster.selected.id, models);
    const rivalUsable = rival !== null && (await this.predictorFor(rival.encoderId)) !== null;
    return answeringChoice({ selectedId: this.roster.selected.id, fallback: this.roster.fallback, models, rivalUsable });
  }

  /** Chooses the answering encoder again and loads its active model (or the zero-shot ranking). */
  reload(): Promise<void> {
    const next = this.choosing.then(() => this.choose());
    this.choosing = next.catch(() => undefined);
    return next;
  }

  private async choose(): Promise<void> {
    const status = await this.answering();
    const p = (await this.predictorFor(status.encoderId)) ?? this.selected;
    // A model this process just trained and handed over with `use` is not loaded again.
    if (p.activeVersion !== status.modelId || status.modelId === null) await p.reload();
    if (p !== this.current || this.status?.why !== status.why) this.logger.info({ encoder: status.encoderId, model: status.modelId, why: status.why }, 'answering encoder');
    this.current = p;
    this.status = status;
    // The other encoder was loaded to compare or to answer; it is no longer needed.
    for (const [id, other] of [...this.predictors]) {
      if (other === p || other === this.selected) continue;
      this.predictors.delete(id);
      await other.idle();
      await this.roster.release(id);
    }
  }

  private async ready(): Promise<Predictor> {
    if (this.status === null) await this.reload();
    return this.current;
  }

  /** Follows activations (choosing again) and taught phrases from every process; returns the unsubscribe function. */
  async follow(): Promise<() => Promise<void>> {
    const offModels = await this.storage.events.onActivated((encoderId, modelId) => {
      if (encoderId === this.current.encoderId && modelId === this.current.activeVersion) return;
      this.reload().catch((err: unknown) => this.logger.error({ err }, 'could not load the new model'));
    });
    const offTaught = await this.storage.events.onTaught((phrase) => this.learn(phrase));
    return async () => {
      await offModels();
      await offTaught();
    };
  }

  learn(phrase: string): void {
    for (const p of this.predictors.values()) p.learn(phrase);
  }

  async settled(): Promise<void> {
    await Promise.all([...this.predictors.values()].map((p) => p.settled()));
  }

  /** Answers with `model` (trained in this process) from now on. */
  use(model: ScoringModel): void {
    const p = this.predictors.get(model.encoderId) ?? this.selected;
    p.use(model);
    this.current = p;
  }

  async currentModel(): Promise<ScoringModel> {
    return (await this.ready()).currentModel();
  }

  candidatesFor(model: ScoringModel, phrases: readonly string[]): Promise<PhraseCandidates[]> {
    return (this.predictors.get(model.encoderId) ?? this.current).candidatesFor(model, phrases);
  }

  knowsLabel(label: string): boolean {
    return this.current.knowsLabel(label);
  }

  labels(): readonly string[] {
    return this.current.labels();
  }

  async mostUncertain(phrases: readonly string[]): Promise<string[]> {
    return (await this.ready()).mostUncertain(phrases);
  }

  async predict(phrase: string, k = 5): Promise<PredictionResult> {
    return (await this.ready()).predict(phrase, k);
  }

  async idle(): Promise<void> {
    await this.choosing;
    await Promise.all([...this.predictors.values()].map((p) => p.idle()));
  }
}
