import { Hono } from 'hono';
import { html } from 'hono/html';
import { AppError } from '../../errors.js';
import { parseLabelledTsv } from '../../ml/dataset/tsv.js';
import { formatTaughtJsonl } from '../../ml/dataset/taught-jsonl-writer.js';
import { formatLabelledTsv } from '../../ml/dataset/tsv-writer.js';
import { toExamples } from '../../ml/seed/labelled-to-examples.js';
import { field, type DashboardDeps, type DashboardEnv } from '../deps.js';
import { redirectWith, takeFlash } from '../flash.js';
import { csrfField, page } from '../views/layout.js';

/** Uploads larger than this are refused before parsing. */
const MAX_UPLOAD_BYTES = 20 * 1024 * 1024;

/** The data page: export download, import upload with a preview, then all or nothing. */
export function dataRoutes(deps: DashboardDeps): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const back = (c: Parameters<typeof redirectWith>[0], flash: { notice?: string; problem?: string }) => redirectWith(c, '/admin/data', flash, deps.secureCookies);

  app.get('/', (c) => {
    const csrf = c.get('session').csrfToken;
    const body = html`<section aria-labelledby="exp"><h2 id="exp">Export</h2><p>The backup: training examples and votes kept apart (voter, platform, time), as <code>attribot export FILE.jsonl</code> writes it; <code>attribot import</code> restores it.</p>
<p><a href="/admin/data/export.jsonl" download>Download the backup attribot-export.jsonl</a></p>
<p>Labels only: every active training example and every live vote's label, as <code>phrase&lt;TAB&gt;label[,label]</code> (what <code>attribot export FILE.tsv</code> writes; votes become plain labels).</p>
<p><a href="/admin/data/export.tsv" download>Download attribot-export.tsv</a></p></section>
<section aria-labelledby="imp"><h2 id="imp">Import</h2><p>Labelled TSV; the whole file is checked first and you see what it holds before anything is stored. One bad line refuses the whole file.</p>
<form method="post" action="/admin/data/import" enctype="multipart/form-data">${csrfField(csrf)}<label for="file">TSV file</label> <input id="file" type="file" name="file" accept=".tsv,.txt,text/tab-separated-values" required> <button type="submit">Check the file</button></form></section>`;
    return c.html(page({ title: 'Data', path: '/admin/data', csrf, ...takeFlash(c), body }));
  });
  app.get('/export.tsv', async (c) => {
    const byPhrase = new Map<string, Set<string>>();
    for (const e of await deps.storage.examples.listActive()) byPhrase.set(e.phrase, (byPhrase.get(e.phrase) ?? new Set()).add(e.label));
    for (const v of await deps.storage.dashboardReads.votedLabels()) byPhrase.set(v.phrase, (byPhrase.get(v.phrase) ?? new Set()).add(v.label));
    const text = formatLabelledTsv([...byPhrase].map(([phrase, labels]) => ({ phrase, labels: [...labels] })), 'attribot export: phrase<TAB>labels');
    await deps.storage.audit.append({ actor: c.get('session').userKey, action: 'dashboard.export', subject: 'examples', after: { phrases: byPhrase.size } });
    return c.body(text, 200, { 'content-type': 'text/tab-separated-values; charset=utf-8', 'content-disposition': 'attachment; filename="attribot-export.tsv"' });
  });
  app.get('/export.jsonl', async (c) => {
    const archive = await deps.storage.archive.read();
    const text = formatTaughtJsonl(archive, new Date());
    await deps.storage.audit.append({ actor: c.get('session').userKey, action: 'dashboard.export', subject: 'archive', after: { examples: archive.examples.length, votes: archive.votes.length } });
    return c.body(text, 200, { 'content-type': 'application/x-ndjson; charset=utf-8', 'content-disposition': 'attachment; filename="attribot-export.jsonl"' });
  });
  app.post('/import', async (c) => {
    const file = c.get('form').file;
    if (!(file instanceof File) || file.size === 0) return back(c, { problem: 'Choose a TSV file to import.' });
    if (file.size > MAX_UPLOAD_BYTES) return back(c, { problem: `The file is larger than ${MAX_UPLOAD_BYTES / 1024 / 1024} MB.` });
    const text = await file.text();
    const parsed = parse(text, file.name);
    if ('problem' in parsed) return back(c, parsed);
    const known = new Set((await deps.storage.examples.listActive()).map((e) => e.phrase));
    const fresh = parsed.items.filter((i) => !known.has(i.phrase)).length;
    const labels = new Set(parsed.items.flatMap((i) => i.labels)).size;
    const csrf = c.get('session').csrfToken;
    const body = html`<p role="status">${file.name} is valid: <strong data-testid="preview-phrases">${parsed.items.length}</strong> phrases
(<strong data-testid="preview-new">${fresh}</strong> new, ${parsed.items.length - fresh} already known), <strong data-testid="preview-labels">${labels}</strong> distinct labels,
<strong data-testid="preview-rows">${toExamples(parsed.items, 'import').length}</strong> example rows to write. Nothing is stored yet.</p>
<form method="post" action="/admin/data/import/confirm">${csrfField(csrf)}<input type="hidden" name="name" value="${file.name}">
<label for="tsv" class="visually-hidden">The file's content</label><textarea id="tsv" name="tsv" hidden>${text}</textarea>
<button type="submit">Import all ${parsed.items.length} phrases</button> <a href="/admin/data">Cancel</a></form>`;
    return c.html(page({ title: 'Import preview', path: '/admin/data', csrf, body }));
  });
  app.post('/import/confirm', async (c) => {
    const form = c.get('form');
    const parsed = parse(field(form, 'tsv'), field(form, 'name') || 'upload.tsv');
    if ('problem' in parsed) return back(c, parsed);
    const rows = await deps.storage.examples.upsertMany(toExamples(parsed.items, 'import'));
    await deps.storage.audit.append({ actor: c.get('session').userKey, action: 'dashboard.import', subject: 'examples', after: { phrases: parsed.items.length, rows } });
    return back(c, { notice: `Imported ${parsed.items.length} phrases (${rows} rows written); they are trained on at the next retrain.` });
  });
  return app;
}

function parse(text: string, name: string): { items: ReturnType<typeof parseLabelledTsv> } | { problem: string } {
  try {
    const items = parseLabelledTsv(text, name);
    return items.length === 0 ? { problem: `${name} holds no labelled phrase.` } : { items };
  } catch (err) {
    if (err instanceof AppError) return { problem: `${err.message} Nothing was imported.` };
    throw err;
  }
}
