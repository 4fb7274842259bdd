import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

const FLASH_COOKIE = 'attribot_flash';

/** What the last action said, shown once on the next page (a cookie, so URLs carry no text). */
export interface Flash {
  notice?: string;
  problem?: string;
}

/** Answers a POST: remember the outcome and redirect (303) to the page, so reloading repeats nothing. */
export function redirectWith(c: Context, to: string, flash: Flash, secure: boolean): Response {
  setCookie(c, FLASH_COOKIE, Buffer.from(JSON.stringify(flash)).toString('base64url'), { path: '/admin', httpOnly: true, sameSite: 'Strict', secure, maxAge: 60 });
  return c.redirect(to, 303);
}

/** The outcome of the last action, once. */
export function takeFlash(c: Context): Flash {
  const raw = getCookie(c, FLASH_COOKIE);
  if (!raw) return {};
  deleteCookie(c, FLASH_COOKIE, { path: '/admin' });
  try {
    const v = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as unknown;
    if (typeof v !== 'object' || v === null) return {};
    const { notice, problem } = v as Record<string, unknown>;
    return { ...(typeof notice === 'string' ? { notice } : {}), ...(typeof problem === 'string' ? { problem } : {}) };
  } catch {
    return {};
  }
}
