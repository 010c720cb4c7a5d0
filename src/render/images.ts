import { existsSync } from "node:fs";
import type * as ImageSize from "image-size";
import { copyFile, mkdir, mkdtemp, rename, rm } from "node:fs/promises";
import path from "node:path";
import { lazyRequire } from "../lazy-require.ts";
import { PROJECT_ROOT } from "../project-root.ts";

/**
 * Lead images as responsive AVIF/WebP (`@11ty/eleventy-img`). Sizes are known synchronously
 * (`statsSync` reads only the file header) so the page data carries `width`/`height` and the
 * layout prints them: no layout shift. The files themselves are encoded (or taken from the cache)
 * once the pages are known (`encodePictures`) and copied into the site like any other file.
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
  sharpJpegOptions?: Record<string, unknown>;
}
interface EleventyImage {
  (src: string, options: ImageOptions): Promise<Record<string, ImageStat[]>>;
  statsSync(src: string, options: ImageOptions): Record<string, ImageStat[]>;
}

// eleventy-img is CommonJS and ships no types: the part used here is declared above. Loaded on first
// use (it loads sharp): most builds, and every rebuild without a new picture, never need it.
const eleventyImage = lazyRequire<EleventyImage>("@11ty/eleventy-img");
const imageSize = lazyRequire<typeof ImageSize>("image-size");

/**
 * What sharp (through eleventy-img) can read, as image-size names a file's format. Its prebuilt
 * libvips reads HEIF only as AVIF: an iPhone's HEIC photo, a BMP or a PSD cannot be converted.
 */
const CONVERTIBLE_FORMATS = new Set(["jpg", "png", "webp", "gif", "tiff", "svg", "avif"]);
/** sharp refuses an input of more pixels than this (its `limitInputPixels` default, 16383 × 16383). */
export const MAX_IMAGE_PIXELS = 0x3fff * 0x3fff;

/** Why a file under `public/` cannot be published as a picture (see `imageTrouble`). */
export type ImageTrouble =
  | { kind: "unreadable" }
  | { kind: "format"; format: string }
  | { kind: "too-large"; width: number; height: number };

/**
 * Why an image file cannot be made into a picture, or `undefined` when it can. Reads only the
 * file's header, as `describeImage` does: `check` and the build find the same files, before any is
 * encoded. (A file whose header is sound but whose data is cut short is still encoded: sharp keeps
 * what it can read.)
 */
export function imageTrouble(file: string): ImageTrouble | undefined {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize().imageSize(file);
  } catch {
    return { kind: "unreadable" };
  }
  const { width, height, type } = size;
  if (!type || width === undefined || height === undefined) return { kind: "unreadable" };
  if (!CONVERTIBLE_FORMATS.has(type)) return { kind: "format", format: type };
  if (width * height > MAX_IMAGE_PIXELS) return { kind: "too-large", width, height };
  return undefined;
}

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

export interface PictureView extends PictureFiles {
  alt: string;
  /** The picture as link previews show it (`og:image`, JSON-LD): see `SHARE_WIDTH`. */
  share: ShareImage;
}

/**
 * A lead picture for link previews (WhatsApp, Facebook, X, search engines): one JPEG, at most
 * `SHARE_WIDTH` wide. JPEG because every previewer reads it (not all read WebP or AVIF); small
 * because WhatsApp shows no preview for a large image, and a photo as uploaded is often several MB.
 */
export interface ShareImage {
  src: string;
  width: number;
  height: number;
}

/** Facebook's and X's recommended width for large previews (never wider than the original). */
export const SHARE_WIDTH = 1200;
/** mozjpeg at this quality keeps a 1200 px photo around 100–200 KB. */
const SHARE_JPEG_OPTIONS = { quality: 75, mozjpeg: true };

/** An image's encoded files and size, whatever its alternative text (a body may show one file twice). */
export interface PictureFiles {
  /** The largest WebP: the `<img>` fallback. */
  src: string;
  width: number;
  height: number;
  sizes: string;
  sources: Array<{ type: string; srcset: string }>;
}

/** The files a picture is served as (`picture`: the page's `<picture>`), or shared as (`share`: link previews). */
type ImageSet = "picture" | "share";

function options(set: ImageSet, outputDir?: string): ImageOptions {
  const where = { urlPath: URL_PATH, ...(outputDir ? { outputDir } : {}) };
  if (set === "share") return { widths: [SHARE_WIDTH], formats: ["jpeg"], sharpJpegOptions: SHARE_JPEG_OPTIONS, ...where };
  return { widths: PICTURE_WIDTHS, formats: [...PICTURE_FORMATS], sharpAvifOptions: AVIF_OPTIONS, ...where };
}

/** The file of a site path under `public/`; `null` if the path would leave it. */
export function publicFileOf(publicDir: string, sitePath: string): string | null {
  const root = path.resolve(publicDir);
  const file = path.resolve(root, `.${path.posix.normalize(`/${sitePath}`)}`);
  return file.startsWith(root + path.sep) ? file : null;
}

/** Picture data for an image file; `undefined` when it cannot be read as an image (nothing is shown). */
export function describePicture(file: string, alt: string): PictureView | undefined {
  const files = describeImage(file);
  const share = files && eleventyImage().statsSync(file, options("share"))["jpeg"]?.[0];
  return files && share && { alt, ...files, share: { src: share.url, width: share.width, height: share.height } };
}

/** The encoded files and size of an image file; `undefined` when it cannot be made into a picture (`imageTrouble`). */
export function describeImage(file: string): PictureFiles | undefined {
  if (imageTrouble(file)) return undefined;
  let stats: Record<string, ImageStat[]>;
  try {
    stats = eleventyImage().statsSync(file, options("picture"));
  } catch {
    return undefined;
  }
  const fallback = stats["webp"];
  const largest = fallback?.[fallback.length - 1];
  if (!largest) return undefined;
  return {
    src: largest.url,
    width: largest.width,
    height: largest.height,
    sizes: PICTURE_SIZES,
    sources: PICTURE_FORMATS.filter((f) => stats[f]?.length).map((f) => ({ type: stats[f]![0]!.sourceType, srcset: stats[f]!.map((s) => s.srcset).join(", ") })),
  };
}

/**
 * Encoded pictures are kept between builds: their names carry a hash of the source file and of
 * the options, so a name that exists is the right file. Without this every build would re-encode
 * every photo of the archive (about a second each).
 */
export const PICTURE_CACHE_DIR = path.join(PROJECT_ROOT, ".cache/img");

/** File names of every output of one picture in one set (as the page data names them). */
function outputNames(file: string, set: ImageSet): string[] {
  return Object.values(eleventyImage().statsSync(file, options(set)))
    .flat()
    .map((s) => path.posix.basename(s.url));
}

/**
 * Makes sure every output of every picture is in the cache (encoding only what it lacks) and returns
 * them as site paths with their cached files: `files` as pages show them, `shared` (lead pictures)
 * also as link previews show them. New files are encoded in a private folder and renamed into the
 * cache, so a build running at the same time never copies a half-written file. Sequential: sharp
 * already uses every core per image.
 */
export async function encodePictures(files: readonly string[], shared: readonly string[], cacheDir: string = PICTURE_CACHE_DIR): Promise<{ encoded: number; outputs: Array<{ url: string; source: string }> }> {
  await mkdir(cacheDir, { recursive: true });
  let encoded = 0;
  const outputs: Array<{ url: string; source: string }> = [];
  const jobs: Array<[string, ImageSet]> = [...files.map((f): [string, ImageSet] => [f, "picture"]), ...shared.map((f): [string, ImageSet] => [f, "share"])];
  for (const [file, set] of jobs) {
    const names = outputNames(file, set);
    if (names.some((n) => !existsSync(path.join(cacheDir, n)))) {
      const fresh = await mkdtemp(path.join(cacheDir, ".nuevo-"));
      try {
        try {
          await eleventyImage()(file, options(set, fresh));
        } catch (error) {
          // What the header did not tell (imageTrouble): said naming the file, in the editor's words.
          throw new Error(`No se pudo convertir la imagen ${path.relative(process.cwd(), file) || file}: ${error instanceof Error ? error.message : String(error)}. Vuelve a guardarla como JPG o PNG y cópiala de nuevo a public/.`);
        }
        for (const n of names) await rename(path.join(fresh, n), path.join(cacheDir, n));
      } finally {
        await rm(fresh, { recursive: true, force: true });
      }
      encoded++;
    }
    for (const n of names) outputs.push({ url: `${URL_PATH}${n}`, source: path.join(cacheDir, n) });
  }
  return { encoded, outputs };
}

/** Copies every picture into `<outputDir>/img/` (see `encodePictures`). Returns how many source images had to be encoded. */
export async function generatePictures(files: readonly string[], shared: readonly string[], outputDir: string, cacheDir: string = PICTURE_CACHE_DIR): Promise<number> {
  const { encoded, outputs } = await encodePictures(files, shared, cacheDir);
  await mkdir(path.join(outputDir, URL_PATH), { recursive: true });
  for (const o of outputs) await copyFile(o.source, path.join(outputDir, o.url));
  return encoded;
}
