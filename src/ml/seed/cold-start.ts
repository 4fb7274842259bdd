import type { Config } from '../../config/config.js';
import type { Storage, TrainerPort } from '../../core/ports.js';
import type { Logger } from '../../logger.js';
import { seedWordnet } from './seed-wordnet.js';

/** What a cold start needs of the app (`App` satisfies it; ml/ never imports the composition root). */
export interface ColdStartDeps {
  config: Pick<Config, 'training'>;
  storage: Storage;
  encoder: { readonly id: string };
  trainer: TrainerPort;
  predictor: { reload(): Promise<void> };
}

/**
 * First start on an empty database: seed WordNet and train a first head, so a fresh `npm start`
 * answers sensibly. Does nothing when examples or an active model already exist.
 */
export async function coldStart(app: ColdStartDeps, logger: Logger): Promise<void> {
  if (app.config.training.autoSeed && (await app.storage.examples.count()) === 0) {
    logger.info('empty database: seeding WordNet attribute adjectives…');
    const r = await seedWordnet(app.storage, app.config.training.seedExclude);
    logger.info(`seeded ${r.phrases} phrases with ${r.labels} labels`);
  }
  if ((await app.storage.models.getActive(app.encoder.id)) === null && (await app.storage.examples.count()) > 0) {
    logger.info(`no model for encoder ${app.encoder.id} yet: training the first one…`);
    const outcome = await app.trainer.retrain({ trigger: 'startup', requestedBy: null, always: true, progress: (l) => logger.info(l) });
    logger.info({ status: outcome.status }, 'first training finished');
  }
  await app.predictor.reload();
}
