import { SocketModeReceiver, type App, type ReceiverEvent } from '@slack/bolt';

/**
 * Bolt's Socket Mode receiver with `processBeforeResponse` semantics, which Bolt offers only over
 * HTTP: Bolt acknowledges an Events API envelope before any listener runs (`App.processEvent`
 * calls `ack()` first), and in Socket Mode that ack goes straight out on the socket, so Slack would
 * hear "received" for a vote not yet stored and never deliver it again. Here the ack a listener
 * (or Bolt) gives is held until the listener has returned and sent then; a listener that throws
 * sends no ack (unless Bolt's error handler decides to), so Slack delivers the event again.
 */
export class AckAfterListenerReceiver extends SocketModeReceiver {
  override init(app: App): void {
    // Bolt's receiver calls only `processEvent` on the app; everything else reads through to it.
    const deferring = Object.create(app) as App;
    deferring.processEvent = (event) => processThenAck(app, event);
    super.init(deferring);
  }
}

async function processThenAck(app: App, event: ReceiverEvent): Promise<void> {
  let held: { response: unknown } | undefined;
  await app.processEvent({
    ...event,
    ack: (response?: unknown) => {
      held ??= { response };
      return Promise.resolve();
    },
  });
  // Unacknowledged by Bolt and the listeners (nothing handled it): as over HTTP, no answer.
  if (held) await event.ack(held.response);
}
