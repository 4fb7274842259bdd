import { App, webApi, type AppOptions } from '@slack/bolt';
import type { Config } from '../../config/config.js';
import type { Logger } from '../../logger.js';
import { BusyError } from '../shared/admission.js';
import { AckAfterListenerReceiver } from './ack-after-listener-receiver.js';
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
  // Slack hears "received" (HTTP 200, or the socket ack) only after the listener returned, so an
  // acknowledged vote is a stored vote (commands acknowledge and work on in the background):
  // `processBeforeResponse` over HTTP, and a receiver that holds the ack in Socket Mode (where Bolt
  // has no such option and acknowledges events before any listener runs).
  const app =
    config.appToken !== undefined
      ? new App({ ...common, socketMode: true, receiver: socketReceiver(config.appToken, common) })
      : new App({ ...common, signingSecret: config.signingSecret, endpoints: '/slack/events', customRoutes: [...customRoutes], processBeforeResponse: true });

  // The last overload of app.error takes the extended handler (error plus the request body).
  // Rethrown: the receiver then answers with an error status (HTTP 500; in Socket Mode no ack), so
  // Slack delivers the event again instead of it being lost after a 200.
  const onError: Parameters<App['error']>[0] = ({ error, body }) => {
    const b = body as { type?: unknown; event?: { type?: unknown } } | undefined;
    // Shedding load is expected under a burst: a warning, not an error.
    const level = error instanceof BusyError ? 'warn' : 'error';
    logger[level]({ err: error, type: b?.type, event: b?.event?.type }, 'slack: listener failed; answering with an error status so Slack retries');
    return Promise.reject(error);
  };
  app.error(onError);
  return app;
}

/** As Bolt builds its own Socket Mode receiver: the socket client calls `apps.connections.open` through the same Web API URL. */
function socketReceiver(appToken: string, common: AppOptions): AckAfterListenerReceiver {
  return new AckAfterListenerReceiver({
    appToken,
    ...(common.logger ? { logger: common.logger } : {}),
    ...(common.clientOptions ? { installerOptions: { clientOptions: common.clientOptions } } : {}),
  });
}

// The Web API client joins method names onto the base URL: without the slash the last path
// segment (`/api`) would be replaced.
function withTrailingSlash(url: string): string {
  return url.endsWith('/') ? url : `${url}/`;
}
