/**
 * Charts: the shape of a line chart and the port that draws one. The core describes what to plot;
 * an implementation outside the core (built in the composition root) turns it into an image.
 */

/** One point of a series. Points with a non-finite coordinate are left out when drawn. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

/** One line of a chart, named in the legend. */
export interface ChartSeries {
  readonly name: string;
  readonly points: readonly ChartPoint[];
  /** A CSS colour; default: the next colour of the palette. */
  readonly color?: string;
  /** Draw the line dashed (e.g. a baseline). */
  readonly dashed?: boolean;
}

/** A multi-series line chart: x against y, one line per series, with a legend. */
export interface LineChartSpec {
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly series: readonly ChartSeries[];
  /** Fixed y-axis range; default: fitted to the data, widened to round tick values. */
  readonly yRange?: readonly [number, number];
  /** Where the x ticks go; default: round values across the data. */
  readonly xTicks?: readonly number[];
  /** Only whole numbers as automatic x ticks (versions, counts). */
  readonly integerX?: boolean;
  /** Text of an x tick, e.g. `v12` for model 12; default: the number. */
  readonly xTickLabel?: (x: number) => string;
  /** Text of a y tick, e.g. a percentage; default: the number with the tick step's decimals. */
  readonly yTickLabel?: (y: number) => string;
  /** Pixels; default 800 × 450. */
  readonly width?: number;
  readonly height?: number;
}

/** Draws charts as PNG images. */
export interface ChartRenderer {
  /**
   * The chart as PNG bytes.
   *
   * @throws AppError when the chart cannot be drawn (the cause is logged by the implementation).
   */
  lineChart(spec: LineChartSpec): Promise<Uint8Array>;
}
