import { html, raw } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';

export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

const PAGES = [
  { path: '/admin', name: 'Overview' },
  { path: '/admin/review', name: 'Review' },
  { path: '/admin/models', name: 'Models' },
  { path: '/admin/data', name: 'Data' },
] as const;

// Readable without colour: state is always written out; focus is always visible.
const STYLE = `
body{font:16px/1.45 system-ui,sans-serif;margin:0;color:#1a1a1a;background:#fafafa}
header{background:#16324f;color:#fff;padding:.6rem 1.2rem;display:flex;gap:1.2rem;align-items:center;flex-wrap:wrap}
nav{display:flex;gap:1.1rem;flex-wrap:wrap}header a{color:#fff}header a[aria-current=page]{font-weight:bold;text-decoration-thickness:3px}
header form{margin-left:auto}
main{padding:1rem 1.2rem;max-width:1200px}
table{border-collapse:collapse;margin:.5rem 0 1.2rem;background:#fff}
th,td{border:1px solid #bbb;padding:.3rem .6rem;text-align:left;vertical-align:top}
th{background:#eef1f5}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.notice{border:2px solid #1d6b2f;background:#eaf6ec;padding:.5rem .8rem}
.problem{border:2px solid #a4161a;background:#fdecec;padding:.5rem .8rem}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:.8rem;margin:.5rem 0 1rem}
.card{background:#fff;border:1px solid #bbb;padding:.6rem .8rem}.card strong{display:block;font-size:1.4rem}
button,input,select{font:inherit}button{padding:.2rem .7rem;cursor:pointer}
:focus-visible{outline:3px solid #f0a202;outline-offset:2px}
form.inline{display:inline-flex;gap:.3rem;align-items:center;flex-wrap:wrap;margin:0}
figure{margin:0 0 1rem}figure svg{max-width:100%;height:auto;background:#fff;border:1px solid #bbb}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0)}
pre{background:#fff;border:1px solid #bbb;padding:.5rem;overflow:auto}
`;

/** A bare page (sign-in, refusals): no navigation, no session. */
export function bare(title: string, body: Html): Html {
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${title} · attribot</title><style>${raw(STYLE)}</style></head>
<body><header><span>attribot dashboard</span></header><main id="main"><h1>${title}</h1>${body}</main></body></html>`;
}

/** A signed-in page: navigation, sign-out (a POST with the session's CSRF token), the notice of the last action. */
export function page(opts: { title: string; path: string; csrf: string; notice?: string; problem?: string; body: Html; script?: string }): Html {
  const nav = PAGES.map((p) => html`<a href="${p.path}"${p.path === opts.path ? raw(' aria-current="page"') : ''}>${p.name}</a>`);
  return html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta name="referrer" content="no-referrer"><title>${opts.title} · attribot</title><style>${raw(STYLE)}</style></head>
<body><a class="visually-hidden" href="#main">Skip to content</a>
<header><span>attribot dashboard</span><nav aria-label="Dashboard pages">${nav}</nav>
<form method="post" action="/admin/sign-out">${csrfField(opts.csrf)}<button type="submit">Sign out</button></form></header>
<main id="main"><h1>${opts.title}</h1>
${opts.notice ? html`<p class="notice" role="status">${opts.notice}</p>` : ''}
${opts.problem ? html`<p class="problem" role="alert">${opts.problem}</p>` : ''}
${opts.body}</main>${opts.script ? html`<script>${raw(opts.script)}</script>` : ''}</body></html>`;
}

/** The hidden CSRF field every state-changing form carries. */
export function csrfField(token: string): Html {
  return html`<input type="hidden" name="_csrf" value="${token}">`;
}

/** A number for a table cell, or an em dash when there is none. */
export function num(v: number | null | undefined, digits = 3): string {
  return v === null || v === undefined || !Number.isFinite(v) ? '—' : v.toFixed(digits);
}
