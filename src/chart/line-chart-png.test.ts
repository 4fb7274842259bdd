import { describe, expect, it } from 'vitest';
import { pngSize } from '../../test/support/png.js';
import { renderLineChartPng } from './line-chart-png.js';
import { CHART_FONT_FAMILY, lineChartSvg } from './line-chart-svg.js';
import { rasterizeSvg } from './rasterize-svg.js';

/** Pixels darker than light grey: ink. */
function inkPixels(pixels: Buffer): number {
  let n = 0;
  for (let i = 0; i < pixels.length; i += 4) if ((pixels[i] ?? 255) + (pixels[i + 1] ?? 255) + (pixels[i + 2] ?? 255) < 3 * 160) n++;
  return n;
}

describe('renderLineChartPng', () => {
  it('draws text with the packaged font and no system fonts', async () => {
    const svg = (body: string) =>
      `<svg xmlns="http://www.w3.org/2000/svg" width="200" height="60"><rect width="200" height="60" fill="#fff"/>${body}</svg>`;
    const blank = await rasterizeSvg(svg(''));
    const written = await rasterizeSvg(svg(`<text x="10" y="40" font-family="${CHART_FONT_FAMILY}" font-size="24" fill="#000">Top-1</text>`));
    expect(inkPixels(blank.pixels)).toBe(0);
    // Five glyphs at 24 px: hundreds of dark pixels. Without a font resvg draws nothing at all.
    expect(inkPixels(written.pixels)).toBeGreaterThan(150);
  });

  it('returns a PNG of the asked size, for several series, one point, or none', async () => {
    const series = [
      { name: 'uncertainty', points: [{ x: 25, y: 0.31 }, { x: 50, y: 0.33 }, { x: 100, y: 0.36 }, { x: 200, y: 0.4 }] },
      { name: 'random', points: [{ x: 25, y: 0.3 }, { x: 200, y: 0.35 }], dashed: true },
    ];
    const png = await renderLineChartPng({ title: 'Learning curve', xLabel: 'labels', yLabel: 'top-1', series, width: 640, height: 360 });
    expect(pngSize(png)).toEqual({ width: 640, height: 360 });

    const one = await renderLineChartPng({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', points: [{ x: 3, y: 0.5 }] }], integerX: true });
    expect(pngSize(one)).toEqual({ width: 800, height: 450 });
    const none = await renderLineChartPng({ title: 't', xLabel: 'x', yLabel: 'y', series: [{ name: 'a', points: [{ x: Number.NaN, y: 1 }] }] });
    expect(pngSize(none)).toEqual({ width: 800, height: 450 });
    // Axes, lines and text: ink, not just a white rectangle.
    expect(inkPixels((await rasterizeSvg(lineChartSvg({ title: 't', xLabel: 'x', yLabel: 'y', series }))).pixels)).toBeGreaterThan(1000);
  });
});
