import type { ChartRenderer, LineChartSpec } from '../core/chart.js';
import { AppError } from '../errors.js';
import type { Logger } from '../logger.js';
import { lineChartSvg } from './line-chart-svg.js';
import { rasterizeSvg } from './rasterize-svg.js';

/**
 * A multi-series line chart as a PNG file: title, axis labels, one line per series (`{x, y}`
 * points), a legend. Text is drawn with a font shipped in an npm package, so this works on machines
 * without system fonts.
 *
 * @example
 * const png = await renderLineChartPng({
 *   title: 'Top-1 by labels', xLabel: 'labels', yLabel: 'top-1',
 *   series: [{ name: 'uncertainty', points: [{ x: 25, y: 0.31 }, { x: 50, y: 0.33 }] }],
 * });
 * await fs.writeFile('curve.png', png);
 * @throws Error when the native renderer cannot be loaded on this platform.
 */
export async function renderLineChartPng(spec: LineChartSpec): Promise<Buffer> {
  return (await rasterizeSvg(lineChartSvg(spec))).png;
}

/**
 * The {@link ChartRenderer} port over {@link renderLineChartPng}. A failure is logged with its
 * cause and becomes an {@link AppError} whose message can be shown to a user.
 */
export function pngChartRenderer(logger: Logger): ChartRenderer {
  return {
    async lineChart(spec) {
      try {
        return await renderLineChartPng(spec);
      } catch (err) {
        logger.error({ err, title: spec.title }, 'chart rendering failed');
        throw new AppError('internal', 'The chart could not be drawn on this server.', { cause: err });
      }
    },
  };
}
