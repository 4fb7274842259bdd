import { DiscordAPIError, HTTPError } from 'discord.js';

/** The innermost cause's message: undici's `fetch failed` hides the useful `ECONNREFUSED`. */
function rootCause(err: unknown): string {
  let e: unknown = err;
  for (let i = 0; i < 5 && e instanceof Error && e.cause !== undefined; i += 1) e = e.cause;
  if (e instanceof Error) {
    const code = (e as { code?: unknown }).code;
    return typeof code === 'string' && !e.message.includes(code) ? `${code}: ${e.message}` : e.message;
  }
  return String(e);
}

/**
 * One true sentence about a failed command registration: Discord answering "no" (a status) is a
 * refusal; not reaching Discord at all (DNS, refused connection, timeout) is a network error.
 */
export function describeRegisterFailure(err: unknown): string {
  if (err instanceof DiscordAPIError || err instanceof HTTPError) {
    if (err.status === 401) return 'Discord rejected DISCORD_TOKEN (HTTP 401): copy the token again from Developer Portal → Bot → Reset Token';
    if (err.status === 404) return `Discord does not know DISCORD_APP_ID or the server (HTTP 404): ${err.message}`;
    return `Discord refused the commands (HTTP ${err.status}): ${err.message}`;
  }
  return `Could not reach Discord (no answer from its API, nothing was registered): ${rootCause(err)}`;
}
