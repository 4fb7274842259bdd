import { html } from 'hono/html';
import type { RunRecord } from '../../core/types.js';
import type { DashboardDeps } from '../deps.js';
import type { RetrainJobState } from '../retrain-job.js';
import { accuracyFigure, votesFigure } from '../views/charts.js';
import { num, type Html } from '../views/layout.js';
import { modelsTable } from '../views/models-table.js';

/** The figures the overview shows (also read by the tests against the database). */
export async function overviewData(deps: DashboardDeps) {
  const encoderId = deps.predictor.encoderId;
  const [models, perDay, runs, examples] = await Promise.all([
    deps.storage.models.list(encoderId),
    deps.storage.dashboardReads.votesPerDay(30),
    deps.storage.runs.recent(5),
    deps.storage.examples.count(),
  ]);
  return { encoderId, activeVersion: deps.predictor.activeVersion, models, perDay, runs, examples };
}

/** Overview: who answers, how good each model version was held out, votes per day, retraining. */
export function overviewView(d: Awaited<ReturnType<typeof overviewData>>, job: RetrainJobState | null, next: Date | null): Html {
  const votes30 = d.perDay.reduce((s, x) => s + x.votes, 0);
  const active = d.models.find((m) => m.status === 'active');
  return html`<section aria-labelledby="now"><h2 id="now">Answering now</h2><div class="grid">
<div class="card">Encoder<strong data-testid="encoder">${d.encoderId}</strong></div>
<div class="card">Active model<strong data-testid="active-model">${d.activeVersion === null ? 'none (zero-shot)' : `v${d.activeVersion}`}</strong></div>
<div class="card">Held-out top-1 (active)<strong data-testid="active-top1">${num(active?.metrics.gateTop1)}</strong></div>
<div class="card">Model versions<strong data-testid="model-count">${d.models.length}</strong></div>
<div class="card">Training examples<strong data-testid="example-count">${d.examples}</strong></div>
<div class="card">Live votes, last 30 days<strong data-testid="votes-30d">${votes30}</strong></div>
</div></section>
<section aria-labelledby="acc"><h2 id="acc">Held-out accuracy per model version</h2>${accuracyFigure(d.models)}${modelsTable(d.models.slice(0, 12))}</section>
<section aria-labelledby="votes"><h2 id="votes">Votes per day</h2>${votesFigure(d.perDay)}
<details><summary>Votes per day as a table</summary><table><thead><tr><th scope="col">day (UTC)</th><th scope="col" class="num">live votes</th></tr></thead>
<tbody>${d.perDay.map((x) => html`<tr><td>${x.day}</td><td class="num">${x.votes}</td></tr>`)}</tbody></table></details></section>
<section aria-labelledby="retrain"><h2 id="retrain">Retraining</h2>
<p>Next scheduled run: <strong data-testid="next-run">${next ? next.toISOString().replace('T', ' ').slice(0, 16) + ' UTC' : 'not within 8 days'}</strong>.
${job ? (job.done ? html` Last retrain from the dashboard: ${job.result}` : html` A retrain started from the dashboard is running (<a href="/admin/models">progress</a>).`) : ''}</p>
${runsTable(d.runs)}</section>`;
}

function runsTable(runs: readonly RunRecord[]): Html {
  if (runs.length === 0) return html`<p>No training runs yet.</p>`;
  return html`<table><caption>Latest training runs</caption><thead><tr><th scope="col">run</th><th scope="col">trigger</th><th scope="col">started (UTC)</th><th scope="col">status</th><th scope="col">model</th><th scope="col">note</th></tr></thead><tbody>
${runs.map((r) => html`<tr><td>${r.id}</td><td>${r.trigger}</td><td>${r.startedAt.toISOString().replace('T', ' ').slice(0, 16)}</td><td>${r.status}</td><td>${r.modelVersionId === null ? '—' : `v${r.modelVersionId}`}</td><td>${r.error ?? ''}</td></tr>`)}
</tbody></table>`;
}
