import { existsSync } from "node:fs";
import { formatCount } from "../policy/numbers.ts";
import { decodeURIComponentSafe } from "../policy/site-paths.ts";
import { keptAsWritten } from "../render/body-pictures.ts";
import { imageTrouble, MAX_IMAGE_PIXELS, publicFileOf, type ImageTrouble } from "../render/images.ts";
import type { Bulletin } from "./bulletin.ts";
import type { Problem } from "./problems.ts";

/**
 * Pictures whose file is under `public/` but cannot be converted: not an image (a document saved
 * as `.jpg`), a format the converter cannot read (an iPhone's HEIC photo, a BMP), or more pixels
 * than it takes (images.ts `imageTrouble`). The page would lose its lead picture without a word,
 * or the build would stop at the encoder; such files are not converted (`describeImage`), and are
 * said by `check` and the build alike, at the bulletin's line, as warnings (as a missing file is:
 * an archive keeps its text). Missing files are said elsewhere (normalize.ts, body-references.ts).
 */
export function findUnusableImages(bulletins: readonly Bulletin[], publicDir: string): Problem[] {
  const troubleOf = new Map<string, ImageTrouble | undefined>();
  const trouble = (file: string): ImageTrouble | undefined => {
    if (!troubleOf.has(file)) troubleOf.set(file, existsSync(file) ? imageTrouble(file) : undefined);
    return troubleOf.get(file);
  };
  const problems: Problem[] = [];
  for (const b of bulletins) {
    if (b.image) {
      const file = publicFileOf(publicDir, decodeURIComponentSafe(b.image.src));
      const found = file && trouble(file);
      if (found) {
        const at = b.positions["image"];
        problems.push({ severity: "warning", code: "image-unusable", file: b.file, ...(at ? { line: at.line, column: at.column } : {}), field: "image", ...explain(b.image.src, found, true) });
      }
    }
    const seen = new Set<string>();
    for (const r of b.references ?? []) {
      if (r.kind !== "image") continue;
      const sitePath = decodeURIComponentSafe(r.path);
      if (seen.has(sitePath)) continue;
      seen.add(sitePath);
      const file = publicFileOf(publicDir, sitePath);
      const found = file && trouble(file);
      // A GIF or an SVG of the text is published as it is: only a file that is no image matters.
      if (!found || (keptAsWritten(sitePath) && found.kind !== "unreadable")) continue;
      problems.push({ severity: "warning", code: "body-image-unusable", file: b.file, line: r.line, ...(r.column === undefined ? {} : { column: r.column }), ...explain(r.written, found, false) });
    }
  }
  return problems;
}

const FORMAT_NAMES: Readonly<Record<string, string>> = { heic: "HEIC", heif: "HEIF", bmp: "BMP", psd: "PSD (Photoshop)", ico: "ICO", cur: "CUR", tga: "TGA", jp2: "JPEG 2000", j2c: "JPEG 2000", jxl: "JPEG XL", icns: "ICNS", dds: "DDS", ktx: "KTX", pnm: "PNM" };

/**
 * The lead picture is left out of the page; a picture of the text stays as written (its `<img>`
 * names the file as it is, unconverted), so the reader's browser gets the file itself.
 */
function explain(written: string, trouble: ImageTrouble, lead: boolean): { message: string; hint: string } {
  const what = lead ? `La imagen ${written}` : `La imagen del texto ${written}`;
  const copy = `cópiala de nuevo a public${decodeURIComponentSafe(written.split(/[?#]/)[0]!)}`;
  if (trouble.kind === "unreadable") {
    const fate = lead ? "no se mostrará" : "la página la mostrará rota";
    return { message: `${what} no se puede leer como imagen (el archivo está dañado o no es una imagen): ${fate}.`, hint: `Vuelve a exportar la foto como JPG o PNG y ${copy}.` };
  }
  const fate = lead ? "no se mostrará" : "la página enlaza el archivo sin convertir, y muchos teléfonos no lo mostrarán";
  if (trouble.kind === "format") {
    const name = FORMAT_NAMES[trouble.format] ?? trouble.format.toUpperCase();
    return { message: `${what} está en formato ${name}, que el sitio no puede convertir: ${fate}.`, hint: `Guárdala como JPG o PNG (el teléfono o cualquier editor de imágenes lo hace) y ${copy}.` };
  }
  const megapixels = formatCount(Math.floor(MAX_IMAGE_PIXELS / 1_000_000));
  return {
    message: `${what} mide ${formatCount(trouble.width)} × ${formatCount(trouble.height)} píxeles, más de los ${megapixels} millones que el sitio puede convertir: ${fate}.`,
    hint: `Redúcela (3000 píxeles de ancho bastan para cualquier pantalla) y ${copy}.`,
  };
}
