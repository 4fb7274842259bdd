import type { ChartPoint, ChartSeries, LineChartSpec } from '../core/chart.js';
import { niceScale } from './nice-scale.js';

/** The font the rasterizer loads from the `dejavu-fonts-ttf` package (no system fonts needed). */
export const CHART_FONT_FAMILY = 'DejaVu Sans';

/** Colour-blind-friendly defaults, in series order. */
const PALETTE = ['#1f77b4', '#d62728', '#2ca02c', '#ff7f0e', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
const MARGIN = { top: 70, right: 28, bottom: 58, left: 72 };
/** Beyond this many points per series the markers would hide the line. */
const MAX_MARKERS = 40;

/**
 * A line chart as an SVG document: title, legend, axes with round ticks and grid lines, one line
 * per series with point markers. Pure (no fonts, no I/O): {@link renderLineChartPng} rasterizes it.
 * A chart without any finite point draws its axes and "no data".
 */
export function lineChartSvg(spec: LineChartSpec): string {
  const width = Math.round(spec.width ?? 800);
  const height = Math.round(spec.height ?? 450);
  const plot = { left: MARGIN.left, top: MARGIN.top, right: width - MARGIN.right, bottom: height - MARGIN.bottom };
  const series = spec.series.map((s, i) => ({ ...s, color: s.color ?? PALETTE[i % PALETTE.length] ?? '#000', points: finiteSorted(s.points) }));
  const all = series.flatMap((s) => s.points);
  const xs = all.map((p) => p.x);
  const ys = all.map((p) => p.y);

  const xData = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  const xAuto = niceScale(xData[0] ?? 0, xData[1] ?? 1, 8, spec.integerX ?? false);
  // Single x: centre it; otherwise keep the data edge-to-edge with a little air.
  const [x0, x1] = xData[0] === xData[1] ? [xAuto.min, xAuto.max] : pad(xData[0] ?? 0, xData[1] ?? 1, 0.03);
  // A little air above and below, so extreme points are not drawn on the axis.
  const [yLo, yHi] = ys.length ? pad(Math.min(...ys), Math.max(...ys), 0.04) : [0, 1];
  const yAuto = niceScale(yLo, yHi, 5);
  const [y0, y1] = spec.yRange ?? [yAuto.min, yAuto.max];
  const yScale = spec.yRange ? niceScale(y0, y1, 5) : yAuto;
  const sx = (x: number) => plot.left + ((x - x0) / (x1 - x0 || 1)) * (plot.right - plot.left);
  const sy = (y: number) => plot.bottom - ((y - y0) / (y1 - y0 || 1)) * (plot.bottom - plot.top);

  const xTicks = (spec.xTicks ?? xAuto.ticks).filter((t) => t >= x0 - 1e-9 && t <= x1 + 1e-9);
  const yTicks = yScale.ticks.filter((t) => t >= y0 - 1e-9 && t <= y1 + 1e-9);
  const xText = spec.xTickLabel ?? ((x: number) => x.toFixed(spec.xTicks ? decimals(spec.xTicks) : xAuto.decimals));
  const yText = spec.yTickLabel ?? ((y: number) => y.toFixed(yScale.decimals));

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${CHART_FONT_FAMILY}">`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    text(width / 2, 28, spec.title, { size: 18, anchor: 'middle', weight: 'bold' }),
    ...legend(series, plot.left, 52),
  ];
  for (const t of yTicks) {
    out.push(`<line x1="${plot.left}" y1="${f(sy(t))}" x2="${plot.right}" y2="${f(sy(t))}" stroke="#e3e3e3" stroke-width="1"/>`);
    out.push(text(plot.left - 8, sy(t) + 4, yText(t), { size: 12, anchor: 'end' }));
  }
  for (const t of xTicks) {
    out.push(`<line x1="${f(sx(t))}" y1="${plot.bottom}" x2="${f(sx(t))}" y2="${plot.bottom + 5}" stroke="#444" stroke-width="1"/>`);
    out.push(text(sx(t), plot.bottom + 20, xText(t), { size: 12, anchor: 'middle' }));
  }
  out.push(`<path d="M${plot.left} ${plot.top}V${plot.bottom}H${plot.right}" fill="none" stroke="#444" stroke-width="1.2"/>`);
  out.push(text((plot.left + plot.right) / 2, height - 12, spec.xLabel, { size: 13, anchor: 'middle' }));
  const midY = (plot.top + plot.bottom) / 2;
  out.push(text(18, midY, spec.yLabel, { size: 13, anchor: 'middle', rotate: true }));
  if (all.length === 0) out.push(text((plot.left + plot.right) / 2, midY, 'no data', { size: 14, anchor: 'middle', color: '#888' }));

  for (const s of series) {
    const pts = s.points.map((p) => `${f(sx(p.x))} ${f(sy(p.y))}`);
    if (pts.length > 1) {
      const dash = s.dashed ? ' stroke-dasharray="7 5"' : '';
      out.push(`<path d="M${pts.join('L')}" fill="none" stroke="${attr(s.color)}" stroke-width="2.5" stroke-linejoin="round"${dash}/>`);
    }
    if (s.points.length <= MAX_MARKERS || s.points.length === 1) {
      for (const p of s.points) out.push(`<circle cx="${f(sx(p.x))}" cy="${f(sy(p.y))}" r="4" fill="#fff" stroke="${attr(s.color)}" stroke-width="2"/>`);
    }
  }
  out.push('</svg>');
  return out.join('\n');
}

/** One row of swatches and names under the title; names are measured by an average glyph width. */
function legend(series: readonly (ChartSeries & { color: string })[], left: number, y: number): string[] {
  const out: string[] = [];
  let x = left;
  for (const s of series) {
    const dash = s.dashed ? ' stroke-dasharray="5 3"' : '';
    out.push(`<line x1="${x}" y1="${y - 4}" x2="${x + 22}" y2="${y - 4}" stroke="${attr(s.color)}" stroke-width="3"${dash}/>`);
    out.push(text(x + 28, y, s.name, { size: 13, anchor: 'start' }));
    x += 28 + s.name.length * 7.8 + 22;
  }
  return out;
}

interface TextStyle {
  size: number;
  anchor: 'start' | 'middle' | 'end';
  weight?: 'bold';
  color?: string;
  rotate?: boolean;
}

function text(x: number, y: number, content: string, s: TextStyle): string {
  const extra = `${s.weight ? ` font-weight="${s.weight}"` : ''}${s.rotate ? ` transform="rotate(-90 ${f(x)} ${f(y)})"` : ''}`;
  return `<text x="${f(x)}" y="${f(y)}" font-size="${s.size}" text-anchor="${s.anchor}" fill="${attr(s.color ?? '#222')}"${extra}>${escapeXml(content)}</text>`;
}

function finiteSorted(points: readonly ChartPoint[]): ChartPoint[] {
  return points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y)).sort((a, b) => a.x - b.x);
}

function pad(lo: number, hi: number, share: number): [number, number] {
  const d = (hi - lo) * share;
  return [lo - d, hi + d];
}

function decimals(values: readonly number[]): number {
  return Math.max(0, ...values.map((v) => String(v).split('.')[1]?.length ?? 0));
}

/** Coordinates with at most two decimals keep the SVG small. */
function f(v: number): string {
  return String(Math.round(v * 100) / 100);
}

/** Text from users (series names, labels) must not break out of the markup. */
export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const attr = escapeXml;
