import { html } from 'hono/html';
import type { Platform, VoteRecord } from '../../core/types.js';
import type { DashboardDeps } from '../deps.js';
import type { Dispute } from '../review-data.js';
import { reviewSnapshots } from '../review-snapshot.js';
import { csrfField, num, type Html } from '../views/layout.js';

type RecentVote = VoteRecord & { phrase: string; platform: Platform };

/** The review page's figures: the background snapshot plus the latest votes. */
export function reviewData(deps: DashboardDeps) {
  const snapshots = reviewSnapshots(deps.storage, deps.logger);
  return async () => {
    const [{ snapshot, stale, quarantined }, recent] = await Promise.all([snapshots.get(), deps.storage.feedback.listRecent(25)]);
    return { snapshot, stale, quarantined, recent };
  };
}

/** Review: disputed phrases with each voter's weight, most corrected pairs, recent corrections, moderation. */
export function reviewView(d: Awaited<ReturnType<ReturnType<typeof reviewData>>>, csrf: string): Html {
  const s = d.snapshot;
  const asOf = s ? html`<p>Weights and disagreements from ${s.votes} live votes as of ${s.at.toISOString().replace('T', ' ').slice(0, 19)} UTC${d.stale ? html` — <strong>newer votes are being counted; reload to see them</strong>` : ''}.</p>` : '';
  return html`<section aria-labelledby="disputes"><h2 id="disputes">Phrases voters disagree on</h2>${asOf}
${!s ? html`<p role="status">Counting the votes; reload in a few seconds.</p>` : s.disputes.length === 0 ? html`<p>No disagreements.</p>` : s.disputes.map((x, i) => dispute(x, i, csrf))}</section>
<section aria-labelledby="pairs"><h2 id="pairs">Most corrected (model said → people chose)</h2>
${!s || s.pairs.length === 0 ? html`<p>No corrections yet.</p>` : html`<table><thead><tr><th scope="col">model said</th><th scope="col">people chose</th><th scope="col" class="num">votes</th></tr></thead><tbody>
${s.pairs.map((p) => html`<tr><td>${p.predicted}</td><td>${p.chosen}</td><td class="num">${p.votes}</td></tr>`)}</tbody></table>`}</section>
<section aria-labelledby="recent"><h2 id="recent">Recent votes</h2>${recentTable(d.recent, d.quarantined, csrf)}</section>
<section aria-labelledby="quarantine"><h2 id="quarantine">Quarantined users</h2>
${d.quarantined.size === 0 ? html`<p>Nobody is quarantined.</p>` : html`<ul>${[...d.quarantined].sort().map((k) => html`<li>${k} ${userButton('release', k, csrf)}</li>`)}</ul>`}
<form method="post" action="/admin/review/quarantine">${csrfField(csrf)}
<label for="q-platform">Platform</label> <select id="q-platform" name="platform"><option>discord</option><option>slack</option><option>console</option></select>
<label for="q-user">User id</label> <input id="q-user" name="user" required>
<label for="q-reason">Reason</label> <input id="q-reason" name="reason">
<button type="submit">Quarantine</button></form></section>`;
}

function dispute(x: Dispute, i: number, csrf: string): Html {
  const id = `settle-${i}`;
  return html`<article aria-labelledby="${id}-h" data-phrase="${x.phrase}"><h3 id="${id}-h">“${x.phrase}”${x.settled ? ' (an admin voted)' : ''}</h3>
<p>Labels by weight: ${x.labels.map((l, j) => html`${j ? ', ' : ''}<strong>${l.label}</strong> ${num(l.weight, 2)}`)}</p>
<table><thead><tr><th scope="col">voter</th><th scope="col">voted</th><th scope="col" class="num">weight</th><th scope="col">actions</th></tr></thead><tbody>
${x.voters.map((v) => html`<tr><td>${v.platform}:${v.userId}${v.admin ? ' (admin)' : ''}</td><td>${v.labels.join(', ')}</td><td class="num">${v.quarantined ? '0 (quarantined)' : num(v.weight, 2)}</td>
<td>${v.voteIds.map((vid) => deleteButton(vid, csrf))} ${userButton(v.quarantined ? 'release' : 'quarantine', `${v.platform}:${v.userId}`, csrf)}</td></tr>`)}
</tbody></table>
<form class="inline" method="post" action="/admin/review/settle">${csrfField(csrf)}<input type="hidden" name="phrase" value="${x.phrase}">
<label for="${id}">Settle “${x.phrase}” as</label> <input id="${id}" name="label" list="${id}-labels" required value="${x.labels[0]?.label ?? ''}">
<datalist id="${id}-labels">${x.labels.map((l) => html`<option value="${l.label}">`)}</datalist>
<button type="submit">Settle with this admin label</button></form></article>`;
}

function recentTable(votes: readonly RecentVote[], quarantined: ReadonlySet<string>, csrf: string): Html {
  if (votes.length === 0) return html`<p>No votes yet.</p>`;
  return html`<table><thead><tr><th scope="col">vote</th><th scope="col">when (UTC)</th><th scope="col">voter</th><th scope="col">phrase</th><th scope="col">label</th><th scope="col">state</th><th scope="col">actions</th></tr></thead><tbody>
${votes.map((v) => {
  const key = `${v.platform}:${v.userId}`;
  return html`<tr><td>#${v.id}</td><td>${v.createdAt.toISOString().replace('T', ' ').slice(0, 16)}</td><td>${key}${v.voterIsAdmin ? ' (admin)' : ''}</td><td>${v.phrase}</td>
<td>${v.kind === 'reject' ? '(none of these)' : v.label}</td><td>${v.retractedAt ? 'retracted' : 'live'}</td>
<td>${v.retractedAt ? '' : deleteButton(v.id, csrf)} ${userButton(quarantined.has(key) ? 'release' : 'quarantine', key, csrf)}</td></tr>`;
})}</tbody></table>`;
}

function deleteButton(id: number, csrf: string): Html {
  return html`<form class="inline" method="post" action="/admin/review/delete-vote">${csrfField(csrf)}<input type="hidden" name="id" value="${id}"><button type="submit" aria-label="Delete vote #${id}">Delete #${id}</button></form>`;
}

function userButton(action: 'quarantine' | 'release', key: string, csrf: string): Html {
  const at = key.indexOf(':');
  return html`<form class="inline" method="post" action="/admin/review/${action}">${csrfField(csrf)}<input type="hidden" name="platform" value="${key.slice(0, at)}"><input type="hidden" name="user" value="${key.slice(at + 1)}">
<button type="submit" aria-label="${action === 'quarantine' ? 'Quarantine' : 'Release'} ${key}">${action === 'quarantine' ? 'Quarantine' : 'Release'}</button></form>`;
}
