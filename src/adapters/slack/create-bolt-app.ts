import { App, webApi, type AppOptions } from '@slack/bolt';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../logger.js';
import { toBoltLogger } from './bolt-logger.js';
import type { CustomRoute } from './custom-routes-server.js';

/**
 * The Bolt app for the configuration: Socket Mode when an app token is set, else HTTP mode with
 * requests to `/slack/events` verified against the signing secret (Bolt answers 401 to a bad
 * signature or a timestamp more than 5 minutes off). Not started, not initialized.
 */
export function createBoltApp(config: NonNullable<Config['slack']>, logger: Logger, customRoutes: readonly CustomRoute[]): App {
  const common: AppOptions = {
    token: config.botToken,
    logger: toBoltLogger(logger),
    // The adapter reads the bot user id first, then calls init() itself.
    deferInitialization: true,
    extendedErrorHandler: true,
    clientOptions: {
      // The default retries for half an hour; a chat answer that late is worthless.
      retryConfig: webApi.retryPolicies.fiveRetriesInFiveMinutes,
      ...(config.apiUrl === undefined ? {} : { slackApiUrl: withTrailingSlash(config.apiUrl) }),
    },
  };
  const app =
    config.appToken !== undefined
      ? new App({ ...common, appToken: config.appToken, socketMode: true })
      : new App({ ...common, signingSecret: config.signingSecret, endpoints: '/slack/events', customRoutes: [...customRoutes] });

  // The last overload of app.error takes the extended handler (error plus the request body).
  const onError: Parameters<App['error']>[0] = ({ error, body }) => {
    logger.error({ err: error, type: (body as { type?: unknown } | undefined)?.type }, 'slack: unhandled listener error');
    return Promise.resolve();
  };
  app.error(onError);
  return app;
}

// The Web API client joins method names onto the base URL: without the slash the last path
// segment (`/api`) would be replaced.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
