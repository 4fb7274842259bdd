import { createHmac, randomBytes } from 'node:crypto';

/** Slack's request signature: `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{raw body}`. */
export function signSlackRequest(signingSecret: string, timestamp: number, rawBody: string): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${rawBody}`).digest('hex')}`;
}

export interface SignOptions {
  /** Sign with a wrong secret (the request must be refused). */
  forge?: boolean;
  /** Unix seconds for `X-Slack-Request-Timestamp` (default now); signed consistently. */
  timestamp?: number;
}

export interface SlashCommandInput {
  command: string;
  text: string;
  userId: string;
  channelId: string;
  teamId?: string;
  /** Defaults to a fresh response URL of the fake API (see {@link SlackEventsClient}). */
  responseUrl?: string;
}

export interface ReactionInput {
  user: string;
  /** Slack reaction name, e.g. `two`. */
  name: string;
  channel: string;
  ts: string;
  itemUser?: string;
}

export interface SlackHttpResult {
  status: number;
  body: string;
}

/**
 * Sends requests to a bot's `/slack/events` the way Slack does: slash commands form-encoded, Events
 * API callbacks as JSON, both signed with the signing secret (or deliberately mis-signed).
 */
export class SlackEventsClient {
  private seq = 0;

  constructor(
    /** e.g. `http://127.0.0.1:PORT/slack/events` */
    readonly url: string,
    private readonly signingSecret: string,
    private readonly defaults: { teamId: string; botUserId: string; responseUrl: (id: string) => string },
  ) {}

  /** Posts a slash command. Returns the HTTP status and body (the ack). */
  command(c: SlashCommandInput, opts: SignOptions = {}): Promise<SlackHttpResult> {
    this.seq += 1;
    const form = new URLSearchParams({
      token: 'legacy-verification-token',
      team_id: c.teamId ?? this.defaults.teamId,
      team_domain: 'fake',
      channel_id: c.channelId,
      channel_name: 'general',
      user_id: c.userId,
      user_name: c.userId.toLowerCase(),
      command: c.command,
      text: c.text,
      api_app_id: 'A0APP',
      response_url: c.responseUrl ?? this.defaults.responseUrl(`cmd-${this.seq}`),
      trigger_id: `${this.seq}.${randomBytes(4).toString('hex')}`,
    });
    return this.post(form.toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** Posts an Events API `event_callback` wrapping `event`. */
  event(event: Record<string, unknown>, opts: SignOptions & { teamId?: string } = {}): Promise<SlackHttpResult> {
    this.seq += 1;
    const teamId = opts.teamId ?? this.defaults.teamId;
    const now = Math.floor(Date.now() / 1000);
    const body = {
      token: 'legacy-verification-token',
      team_id: teamId,
      api_app_id: 'A0APP',
      event: { event_ts: `${now}.${String(this.seq).padStart(6, '0')}`, ...event },
      type: 'event_callback',
      event_id: `Ev${this.seq.toString().padStart(8, '0')}`,
      event_time: now,
      authorizations: [{ team_id: teamId, user_id: this.defaults.botUserId, is_bot: true, is_enterprise_install: false }],
    };
    return this.post(JSON.stringify(body), 'application/json', opts);
  }

  /**
   * Posts an interactivity payload (`block_actions`, `view_submission`, `message_action`) as Slack
   * does: form-encoded with the JSON in one `payload` field, signed like everything else.
   */
  interactive(payload: Record<string, unknown>, opts: SignOptions = {}): Promise<SlackHttpResult> {
    this.seq += 1;
    return this.post(new URLSearchParams({ payload: JSON.stringify(payload) }).toString(), 'application/x-www-form-urlencoded', opts);
  }

  /** A fresh trigger id and response URL for an interaction. */
  nextInteraction(): { triggerId: string; responseUrl: string; teamId: string } {
    this.seq += 1;
    return { triggerId: `${this.seq}.${randomBytes(4).toString('hex')}`, responseUrl: this.defaults.responseUrl(`interaction-${this.seq}`), teamId: this.defaults.teamId };
  }

  reactionAdded(r: ReactionInput, opts?: SignOptions): Promise<SlackHttpResult> {
    return this.event(reactionEvent('reaction_added', r), opts);
  }

  reactionRemoved(r: ReactionInput, opts?: SignOptions): Promise<SlackHttpResult> {
    return this.event(reactionEvent('reaction_removed', r), opts);
  }

  /** Posts a raw body with Slack's signature headers. */
  async post(rawBody: string, contentType: string, opts: SignOptions = {}): Promise<SlackHttpResult> {
    const timestamp = opts.timestamp ?? Math.floor(Date.now() / 1000);
    const secret = opts.forge ? `${this.signingSecret}-forged` : this.signingSecret;
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(timestamp),
        'x-slack-signature': signSlackRequest(secret, timestamp, rawBody),
      },
      body: rawBody,
    });
    return { status: res.status, body: await res.text() };
  }
}

function reactionEvent(type: string, r: ReactionInput): Record<string, unknown> {
  return { type, user: r.user, reaction: r.name, item_user: r.itemUser ?? 'UBOT', item: { type: 'message', channel: r.channel, ts: r.ts } };
}
