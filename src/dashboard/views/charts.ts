import { html, raw } from 'hono/html';
import { lineChartSvg } from '../../chart/line-chart-svg.js';
import type { LineChartSpec } from '../../core/chart.js';
import { accuracyChart } from '../../core/render/accuracy-chart.js';
import type { ModelSummary } from '../../core/types.js';
import { calibrationError } from './model-figures.js';
import type { Html } from './layout.js';

/** An inline SVG chart with a text alternative; the page's tables carry the same numbers. */
export function chartFigure(spec: LineChartSpec, caption: string): Html {
  // The SVG is built by our chart module, which escapes every text it draws.
  const svg = lineChartSvg({ ...spec, width: spec.width ?? 760, height: spec.height ?? 340 }).replace('<svg ', `<svg role="img" aria-label="${escapeAttr(caption)}" `);
  return html`<figure>${raw(svg)}<figcaption>${caption}</figcaption></figure>`;
}

/** Held-out top-1, top-5 and (where models report it) calibration error, per model version. */
export function accuracyFigure(models: readonly ModelSummary[]): Html {
  const spec = accuracyChart(models);
  if (!spec) return html`<p>No model version yet: no accuracy chart.</p>`;
  const ece = models.flatMap((m) => {
    const e = calibrationError(m.metrics);
    return e === null ? [] : [{ x: m.id, y: e }];
  });
  const series = ece.length > 0 ? [...spec.series, { name: 'calibration error (ECE)', points: ece, dashed: true }] : spec.series;
  return chartFigure({ ...spec, series, yLabel: 'held-out score' }, 'Held-out top-1 and top-5 accuracy (and calibration error where recorded) per model version; the table below lists the same numbers.');
}

/** Live votes per UTC day. */
export function votesFigure(perDay: readonly { day: string; votes: number }[]): Html {
  if (perDay.length === 0) return html`<p>No votes in the last 30 days: no chart.</p>`;
  const days = perDay.map((d) => Date.parse(`${d.day}T00:00:00Z`) / 86_400_000);
  const spec: LineChartSpec = {
    title: 'Votes per day (last 30 days, UTC)',
    xLabel: 'day',
    yLabel: 'votes',
    series: [{ name: 'votes', points: perDay.map((d, i) => ({ x: days[i] ?? 0, y: d.votes })) }],
    integerX: true,
    xTickLabel: (x) => new Date(x * 86_400_000).toISOString().slice(5, 10),
  };
  return chartFigure(spec, 'Live votes per day over the last 30 days; the table below lists the same numbers.');
}

function escapeAttr(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}
