import { Hono } from 'hono';
import { html } from 'hono/html';
import { adminContext } from '../admin-context.js';
import { field, type DashboardDeps, type DashboardEnv } from '../deps.js';
import { redirectWith, takeFlash } from '../flash.js';
import type { RetrainJobs, RetrainJobState } from '../retrain-job.js';
import { csrfField, page, type Html } from '../views/layout.js';
import { modelsTable } from '../views/models-table.js';

// Progressive: without JavaScript the page shows the progress as of loading (reload for more).
const POLL = `(()=>{const p=document.getElementById('progress');if(!p||p.dataset.done==='true')return;
const t=setInterval(async()=>{const r=await fetch('/admin/models/retrain-status',{credentials:'same-origin'});if(!r.ok)return;
const j=await r.json();p.querySelector('pre').textContent=j.lines.join('\\n');if(j.done){clearInterval(t);p.dataset.done='true';p.querySelector('.result').textContent=j.result;}},1000);})();`;

/** The models page: list, activate, roll back, retrain now with its progress. */
export function modelsRoutes(deps: DashboardDeps, jobs: RetrainJobs): Hono<DashboardEnv> {
  const app = new Hono<DashboardEnv>();
  const back = (c: Parameters<typeof redirectWith>[0], flash: { notice?: string; problem?: string }) => redirectWith(c, '/admin/models', flash, deps.secureCookies);

  app.get('/', async (c) => {
    const session = c.get('session');
    const models = await deps.storage.models.list(deps.predictor.encoderId);
    const body = html`<p>Encoder <strong>${deps.predictor.encoderId}</strong>; active model: <strong data-testid="active-model">${deps.predictor.activeVersion === null ? 'none' : `v${deps.predictor.activeVersion}`}</strong>.</p>
<div class="grid"><form method="post" action="/admin/models/rollback">${csrfField(session.csrfToken)}<button type="submit">Roll back to the previous model</button></form>
<form method="post" action="/admin/models/retrain">${csrfField(session.csrfToken)}<label><input type="checkbox" name="force" value="1"> force (promote even if the gate rejects it)</label> <button type="submit">Retrain now</button></form></div>
${progress(jobs.state())}${modelsTable(models, { csrf: session.csrfToken })}`;
    return c.html(page({ title: 'Models', path: '/admin/models', csrf: session.csrfToken, ...takeFlash(c), body, script: POLL }));
  });
  app.get('/retrain-status', (c) => {
    const s = jobs.state();
    return c.json(s ? { running: !s.done, done: s.done, lines: s.lines, result: s.result } : { running: false, done: true, lines: [], result: null });
  });
  app.post('/rollback', async (c) => {
    const reply = await deps.core.admin(adminContext(c.get('session').userKey), 'rollback');
    return back(c, reply.kind === 'error' ? { problem: reply.text } : { notice: reply.text });
  });
  app.post('/retrain', (c) => {
    const started = jobs.start(adminContext(c.get('session').userKey), field(c.get('form'), 'force') === '1');
    return back(c, started ? { notice: 'Retrain started; its progress is below.' } : { problem: 'A retrain started here is still running.' });
  });
  app.post('/activate', async (c) => {
    const id = Number(field(c.get('form'), 'id'));
    const m = Number.isInteger(id) ? await deps.storage.models.get(id) : null;
    if (!m) return back(c, { problem: `There is no model version ${field(c.get('form'), 'id')}.` });
    // As `attribot models activate ID` does it (chat has no activate command).
    await deps.storage.models.activate(m.id, 'activated from the dashboard');
    await deps.storage.audit.append({ actor: c.get('session').userKey, action: 'model.activate', subject: `model:${m.id}` });
    await deps.storage.events.publishActivated(m.encoderId, m.id);
    return back(c, { notice: `Model v${m.id} is active.` });
  });
  return app;
}

function progress(s: RetrainJobState | null): Html {
  if (!s) return html``;
  return html`<section id="progress" aria-live="polite" data-done="${String(s.done)}"><h2>Retrain started ${s.startedAt.toISOString().replace('T', ' ').slice(0, 16)} UTC by ${s.startedBy}</h2>
<pre>${s.lines.join('\n')}</pre><p class="result">${s.done ? s.result : 'running…'}</p></section>`;
}
