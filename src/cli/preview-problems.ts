import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../model/problems.ts";
import { outputFileFor } from "../policy/urls.ts";
import { escapeXml } from "../render/xml.ts";

/**
 * What `boletines serve` shows in the browser while the last save cannot be built: the preview keeps
 * the last version without errors, and every page of it is served with a notice at the top naming
 * each error (file, line, what to do), so an editor who never looks at the terminal still sees why
 * the page did not change. Nothing is written into the preview folder: the notice is added as pages
 * are served, and is gone with the next good build.
 */
export interface PreviewFailure {
  /** The errors of the last build (its warnings do not stop it, and are not shown here). */
  errors: readonly Problem[];
  /** A failure that is not about one file (a full disk, a folder that cannot be written). */
  fatal?: string;
  /** Whether a version without errors exists to show under the notice. */
  stale: boolean;
}

/** Problems listed on the page at most; the terminal has them all. */
const SHOWN_PROBLEMS = 20;

/** Each problem as a list item: where (file:line [field]), what, and what to do; all of it escaped. */
function problemItems(problems: readonly Problem[], more: (n: number) => string): string[] {
  const items = problems.slice(0, SHOWN_PROBLEMS).map((p) => {
    const where = `${p.file}${p.line ? `:${p.line}` : ""}`;
    const hint = p.hint ? `<br>→ ${escapeXml(p.hint)}` : "";
    return `<li><code>${escapeXml(where)}</code>${p.field ? ` [${escapeXml(p.field)}]` : ""}: ${escapeXml(p.message)}${hint}</li>`;
  });
  if (problems.length > SHOWN_PROBLEMS) items.push(`<li>${more(problems.length - SHOWN_PROBLEMS)}</li>`);
  return items;
}

export function failureNotice(failure: PreviewFailure): string {
  const count = failure.errors.length;
  const lead = failure.stale
    ? "La vista previa muestra la última versión sin errores: lo último que guardaste no se puede publicar."
    : "Aún no hay una versión sin errores que mostrar.";
  const items = problemItems(failure.errors, (n) => `… y ${n} errores más (la terminal los muestra todos).`);
  if (failure.fatal) items.push(`<li>${escapeXml(failure.fatal)}</li>`);
  return [
    '<div class="banner banner-error" role="alert" id="vista-previa-errores">',
    `<p><strong>${count === 1 ? "Hay un error" : count > 1 ? `Hay ${count} errores` : "No se pudo generar la vista previa"}</strong>. ${lead} Corrige y guarda: esta página se actualiza sola.</p>`,
    `<ul>${items.join("")}</ul>`,
    "</div>",
  ].join("\n");
}

/**
 * Above every page of a preview that built, while what was saved takes away addresses readers could
 * open (warnings `address-lost`, against the last commit): the page shows the save, and says which
 * links already shared would stop working and the line that keeps each.
 */
export function addressNotice(warnings: readonly Problem[]): string {
  const count = warnings.length;
  return [
    '<div class="banner banner-notice" role="status" id="vista-previa-direcciones">',
    `<p><strong>${count === 1 ? "Lo que guardaste quita una dirección ya publicada" : `Lo que guardaste quita ${count} direcciones ya publicadas`}</strong> (comparado con lo que tu rama ya compartió en git): los enlaces ya compartidos llevarían a «no encontrado».</p>`,
    `<ul>${problemItems(warnings, (n) => `… y ${n} más (la terminal las muestra todas).`).join("")}</ul>`,
    "</div>",
  ].join("\n");
}

/** The page with the notice as the first thing in its `<body>`. */
export function withNotice(html: string, notice: string): string {
  const body = /<body\b[^>]*>/i.exec(html);
  if (!body) return `${notice}\n${html}`;
  const at = body.index + body[0].length;
  return `${html.slice(0, at)}\n${notice}${html.slice(at)}`;
}

/**
 * The HTML to serve for `pathname` while the preview has a failure: its page with the notice, or,
 * before any version without errors exists, the notice alone. `undefined` for anything that is not
 * a page (stylesheets, pictures) or a page the preview does not have (the server answers as usual).
 */
export function pageWithFailure(outDir: string, pathname: string, failure: PreviewFailure): string | undefined {
  if (!isPagePath(pathname)) return undefined;
  const notice = failureNotice(failure);
  if (!failure.stale) {
    return `<!doctype html>\n<html lang="es-MX">\n<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Vista previa con errores</title></head>\n<body>\n${notice}\n</body>\n</html>\n`;
  }
  const html = previewPage(outDir, pathname);
  return html === undefined ? undefined : withNotice(html, notice);
}

/** The page for `pathname` with `addressNotice` at the top; `undefined` as for `pageWithFailure`. */
export function pageWithAddressNotice(outDir: string, pathname: string, warnings: readonly Problem[]): string | undefined {
  const html = isPagePath(pathname) ? previewPage(outDir, pathname) : undefined;
  return html === undefined ? undefined : withNotice(html, addressNotice(warnings));
}

function isPagePath(pathname: string): boolean {
  return pathname.endsWith("/") || pathname.endsWith(".html");
}

/** The preview's page for `pathname`, never a file outside `outDir`. */
function previewPage(outDir: string, pathname: string): string | undefined {
  const root = path.resolve(outDir);
  let file: string;
  try {
    file = path.resolve(root, outputFileFor(pathname));
  } catch {
    return undefined;
  }
  if (!file.startsWith(root + path.sep) || !existsSync(file)) return undefined;
  return readFileSync(file, "utf8");
}
