import { describe, expect, it } from 'vitest';
import { lineChartSvg } from './line-chart-svg.js';

const base = { title: 'Accuracy <by> "version" & more', xLabel: 'model version', yLabel: 'accuracy' };

describe('lineChartSvg', () => {
  it('escapes text, names every series in the legend, draws a line per series and dashes on request', () => {
    const svg = lineChartSvg({
      ...base,
      series: [
        { name: 'top-1', points: [{ x: 2, y: 0.3 }, { x: 1, y: 0.2 }, { x: 3, y: Number.NaN }] },
        { name: 'base<line>', points: [{ x: 1, y: 0.25 }, { x: 2, y: 0.25 }], dashed: true, color: '#123456' },
      ],
    });
    expect(svg).toContain('Accuracy &#60;by&#62; &#34;version&#34; &#38; more');
    expect(svg).toContain('>top-1</text>');
    expect(svg).toContain('>base&#60;line&#62;</text>');
    expect(svg).not.toMatch(/<by>|<line>/);
    const lines = svg.match(/<path d="M[^"]*L[^"]*" fill="none" stroke="[^"]+" stroke-width="2.5"[^>]*>/g) ?? [];
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain('stroke="#123456"');
    expect(lines[1]).toContain('stroke-dasharray');
    // Sorted by x, NaN left out: two points, the left one lower (larger y coordinate).
    const coords = /d="M([\d.]+) ([\d.]+)L([\d.]+) ([\d.]+)"/.exec(lines[0] ?? '');
    expect(Number(coords?.[1])).toBeLessThan(Number(coords?.[3]));
    expect(Number(coords?.[2])).toBeGreaterThan(Number(coords?.[4]));
  });

  it('uses explicit x ticks with their labels; a single point gets a marker and no line', () => {
    const svg = lineChartSvg({ ...base, series: [{ name: 'top-1', points: [{ x: 7, y: 0.4 }] }], xTicks: [7], xTickLabel: (x) => `v${x}` });
    expect(svg.match(/>v\d+<\/text>/g)).toEqual(['>v7</text>']);
    expect(svg.match(/<circle /g)).toHaveLength(1);
    expect(svg).not.toMatch(/stroke-width="2.5"/);
  });

  it('says "no data" when nothing is plottable, and honours a fixed y range and size', () => {
    const svg = lineChartSvg({ ...base, series: [], yRange: [0, 1], yTickLabel: (y) => `${Math.round(y * 100)}%`, width: 300, height: 200 });
    expect(svg).toContain('width="300" height="200"');
    expect(svg).toContain('>no data</text>');
    expect(svg).toContain('>0%</text>');
    expect(svg).toContain('>100%</text>');
  });
});
