import type { App } from '../main.js';
import type { DashboardDeps } from './deps.js';

/** The dashboard's dependencies from a running app (its storage, chat core and predictor). */
export function dashboardDepsOf(app: App): DashboardDeps {
  return {
    storage: app.storage,
    core: app.core,
    predictor: app.predictor,
    retrainCron: app.config.training.cron,
    timezone: app.config.training.timezone,
    secureCookies: app.config.dashboard.secureCookies,
    logger: app.logger,
  };
}
