import { html } from 'hono/html';
import type { ModelSummary } from '../../core/types.js';
import { csrfField, num, type Html } from './layout.js';
import { calibrationError, weightedTop5 } from './model-figures.js';

/** Model versions side by side: held-out top-1, top-5, MRR, calibration error ("—" when not recorded). */
export function modelsTable(models: readonly ModelSummary[], actions?: { csrf: string }): Html {
  if (models.length === 0) return html`<p>No model versions yet.</p>`;
  return html`<table><caption>Model versions, newest first</caption><thead><tr>
<th scope="col">version</th><th scope="col">status</th><th scope="col">created (UTC)</th><th scope="col" class="num">held-out top-1</th><th scope="col" class="num">top-5</th>
<th scope="col" class="num">MRR</th><th scope="col" class="num">calibration error</th><th scope="col" class="num">labels</th><th scope="col" class="num">examples</th><th scope="col">reason</th>${actions ? html`<th scope="col">action</th>` : ''}</tr></thead><tbody>
${models.map((m) => html`<tr data-model="${m.id}"><th scope="row">v${m.id}</th><td>${m.status}</td><td>${m.createdAt.toISOString().replace('T', ' ').slice(0, 16)}</td>
<td class="num">${num(m.metrics.gateTop1)}</td><td class="num">${num(weightedTop5(m.metrics))}</td><td class="num">${num(weightedMrr(m))}</td><td class="num">${num(calibrationError(m.metrics))}</td>
<td class="num">${m.labels}</td><td class="num">${m.metrics.examples}</td><td>${m.reason ?? ''}</td>
${actions ? html`<td>${m.status === 'active' ? 'answering' : html`<form class="inline" method="post" action="/admin/models/activate">${csrfField(actions.csrf)}<input type="hidden" name="id" value="${m.id}"><button type="submit" aria-label="Activate model v${m.id}">Activate</button></form>`}</td>` : ''}</tr>`)}
</tbody></table>`;
}

function weightedMrr(m: ModelSummary): number | null {
  let n = 0;
  let sum = 0;
  for (const set of Object.values(m.metrics.sets)) {
    if (!Number.isFinite(set.mrr) || !(set.n > 0)) continue;
    n += set.n;
    sum += set.n * set.mrr;
  }
  return n > 0 ? sum / n : null;
}
