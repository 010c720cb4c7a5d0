import { createRequire } from "node:module";
import path from "node:path";

/**
 * Lead images as responsive AVIF/WebP (`@11ty/eleventy-img`). Sizes are known synchronously
 * (`statsSync` reads only the file header) so the page data carries `width`/`height` and the
 * layout prints them: no layout shift. The files themselves are encoded after Eleventy has
 * written the pages (`generatePictures`), into the same build folder.
 */
interface ImageStat {
  format: string;
  width: number;
  height: number;
  url: string;
  sourceType: string;
  srcset: string;
}
interface ImageOptions {
  widths: Array<number | "auto">;
  formats: string[];
  urlPath: string;
  outputDir?: string;
  sharpAvifOptions?: Record<string, unknown>;
}
interface EleventyImage {
  (src: string, options: ImageOptions): Promise<Record<string, ImageStat[]>>;
  statsSync(src: string, options: ImageOptions): Record<string, ImageStat[]>;
}

// eleventy-img is CommonJS and ships no types: the part used here is declared above.
const Image = createRequire(import.meta.url)("@11ty/eleventy-img") as EleventyImage;

export const PICTURE_WIDTHS = [480, 960, 1440];
/** Most capable first: the browser takes the first `<source>` it supports; WebP is the `<img>` fallback. */
export const PICTURE_FORMATS = ["avif", "webp"] as const;
/** The bulletin column is at most 42rem wide (see `--measure` in site.css). */
export const PICTURE_SIZES = "(min-width: 44rem) 42rem, 100vw";
const URL_PATH = "/img/";
/**
 * sharp's default AVIF effort (4) took about 8 s for one 1600 px photo on a loaded build machine;
 * effort 1 takes a fraction of that for files a little larger, which matters with thousands of photos.
 */
const AVIF_OPTIONS = { effort: 1 };

export interface PictureView {
  alt: string;
  src: string;
  width: number;
  height: number;
  sizes: string;
  sources: Array<{ type: string; srcset: string }>;
}

function options(outputDir?: string): ImageOptions {
  return { widths: PICTURE_WIDTHS, formats: [...PICTURE_FORMATS], urlPath: URL_PATH, sharpAvifOptions: AVIF_OPTIONS, ...(outputDir ? { outputDir } : {}) };
}

/** The file of a site path under `public/`; `null` if the path would leave it. */
export function publicFileOf(publicDir: string, sitePath: string): string | null {
  const root = path.resolve(publicDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${sitePath}`)}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Picture data for an image file; `undefined` when it cannot be read as an image (nothing is shown). */
export function describePicture(file: string, alt: string): PictureView | undefined {
  let stats: Record<string, ImageStat[]>;
  try {
    stats = Image.statsSync(file, options());
  } catch {
    return undefined;
  }
  const fallback = stats["webp"];
  const largest = fallback?.[fallback.length - 1];
  if (!largest) return undefined;
  return {
    alt,
    src: largest.url,
    width: largest.width,
    height: largest.height,
    sizes: PICTURE_SIZES,
    sources: PICTURE_FORMATS.filter((f) => stats[f]?.length).map((f) => ({ type: stats[f]![0]!.sourceType, srcset: stats[f]!.map((s) => s.srcset).join(", ") })),
  };
}

/** Encodes every picture into `<outputDir>/img/`. Sequential: sharp already uses every core per image. */
export async function generatePictures(files: readonly string[], outputDir: string): Promise<void> {
  for (const file of files) await Image(file, options(path.join(outputDir, URL_PATH)));
}
