import { createRequire } from 'node:module';
import type * as Resvg from '@resvg/resvg-js';

/** A rasterized SVG: the PNG file and the raw RGBA pixels it encodes. */
export interface RasterImage {
  png: Buffer;
  width: number;
  height: number;
  /** RGBA, row by row. */
  pixels: Buffer;
}

const require = createRequire(import.meta.url);

/**
 * The fonts text is drawn with: DejaVu Sans from the `dejavu-fonts-ttf` npm package. System fonts
 * are never loaded, so a chart looks the same on a bare server or container (which often has none)
 * as on a desktop.
 */
export const CHART_FONT_FILES: readonly string[] = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((f) => require.resolve(`dejavu-fonts-ttf/ttf/${f}`));

/**
 * Draws an SVG document with resvg (a Rust renderer whose prebuilt binary for this platform comes
 * as an optional npm dependency of `@resvg/resvg-js`: no install script, no download).
 *
 * Imported on first use (Node's module cache keeps it), so a platform without a binary loses
 * charts, not the whole process.
 *
 * @throws Error when the native renderer cannot be loaded or the SVG is invalid.
 */
export async function rasterizeSvg(svg: string): Promise<RasterImage> {
  const mod: typeof Resvg = await import('@resvg/resvg-js');
  const renderer = new mod.Resvg(svg, {
    font: { loadSystemFonts: false, fontFiles: [...CHART_FONT_FILES], defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  const image = renderer.render();
  return { png: image.asPng(), width: image.width, height: image.height, pixels: image.pixels };
}
