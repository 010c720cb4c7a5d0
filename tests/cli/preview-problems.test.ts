import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { addressNotice, failureNotice, pageWithAddressNotice, pageWithFailure, withNotice, type PreviewFailure } from "../../src/cli/preview-problems.ts";
import type { Problem } from "../../src/model/problems.ts";

const OUT = mkdtempSync(path.join(os.tmpdir(), "boletines-preview-notice-"));
mkdirSync(path.join(OUT, "boletines/2024/04/x"), { recursive: true });
writeFileSync(path.join(OUT, "boletines/2024/04/x/index.html"), '<!doctype html>\n<html lang="es-MX">\n<head><title>X</title></head>\n<body class="post">\n<main>Texto</main>\n</body>\n</html>\n');
writeFileSync(path.join(OUT, "feed.xml"), "<feed/>");
after(() => rmSync(OUT, { recursive: true, force: true }));

const error = (message: string, extra: Partial<Problem> = {}): Problem => ({ severity: "error", code: "c", file: "content/2024/a.md", line: 3, column: 1, field: "date", message, hint: "Escribe la fecha así.", ...extra });

test("the notice names each error with its file, line, field and what to do; whatever the content says is escaped", () => {
  const notice = failureNotice({ errors: [error('«<script>alert("x")</script>» no es una fecha', { file: "content/<b>.md" })], stale: true });
  assert.doesNotMatch(notice, /<script>|<b>/);
  assert.match(notice, /<code>content\/&lt;b&gt;\.md:3<\/code> \[date\]: «&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt;» no es una fecha<br>→ Escribe la fecha así\./);
  assert.match(notice, /^<div class="banner banner-error" role="alert" id="vista-previa-errores">/);
  assert.match(notice, /Hay un error/);
  assert.match(notice, /la última versión sin errores/);
  // Many errors: the first 20, and how many more (the terminal has them all).
  const many = failureNotice({ errors: Array.from({ length: 23 }, (_, i) => error(`e${i}`)), stale: true });
  assert.equal((many.match(/<li>/g) ?? []).length, 21);
  assert.match(many, /Hay 23 errores/);
  assert.match(many, /… y 3 errores más/);
  // A failure that is not about a file.
  assert.match(failureNotice({ errors: [], fatal: "No hay espacio en el disco", stale: true }), /No se pudo generar la vista previa[\s\S]*No hay espacio en el disco/);
});

test("served pages get the notice first in their body; other files and missing pages pass on", () => {
  const failure: PreviewFailure = { errors: [error("mal")], stale: true };
  const page = pageWithFailure(OUT, "/boletines/2024/04/x/", failure)!;
  assert.match(page, /<body class="post">\n<div class="banner banner-error"/);
  assert.match(page, /<main>Texto<\/main>/);
  assert.equal(pageWithFailure(OUT, "/boletines/2024/04/x/index.html", failure), page);
  assert.equal(pageWithFailure(OUT, "/feed.xml", failure), undefined);
  assert.equal(pageWithFailure(OUT, "/css/site.css", failure), undefined);
  assert.equal(pageWithFailure(OUT, "/no-existe/", failure), undefined);
  assert.equal(pageWithFailure(OUT, "/%2e%2e/%2e%2e/etc/", failure), undefined, "nothing outside the preview");
  // Before any version without errors, every page is the notice alone.
  const alone = pageWithFailure(OUT, "/no-existe/", { ...failure, stale: false })!;
  assert.match(alone, /^<!doctype html>/);
  assert.match(alone, /Aún no hay una versión sin errores/);
  assert.equal(withNotice("sin cuerpo", "<div>n</div>"), "<div>n</div>\nsin cuerpo");
});

test("a save that takes away published addresses: a status notice (not an alert) above the page that shows it, escaped", () => {
  const warning = (message: string): Problem => ({ ...error(message), severity: "warning", code: "address-lost", field: "title", hint: "Agrega redirect_from: /boletines/2024/04/<viejo>/" });
  const notice = addressNotice([warning("La dirección cambió: era /boletines/2024/04/<viejo>/")]);
  assert.match(notice, /^<div class="banner banner-notice" role="status" id="vista-previa-direcciones">/);
  assert.match(notice, /Lo que guardaste quita una dirección ya publicada/);
  assert.match(notice, /<code>content\/2024\/a\.md:3<\/code> \[title\]: La dirección cambió: era \/boletines\/2024\/04\/&lt;viejo&gt;\/<br>→ Agrega redirect_from: \/boletines\/2024\/04\/&lt;viejo&gt;\//);
  assert.doesNotMatch(notice, /<viejo>/);
  const many = addressNotice(Array.from({ length: 21 }, (_, i) => warning(`w${i}`)));
  assert.match(many, /quita 21 direcciones ya publicadas/);
  assert.match(many, /… y 1 más/);
  const page = pageWithAddressNotice(OUT, "/boletines/2024/04/x/", [warning("w")])!;
  assert.match(page, /<body class="post">\n<div class="banner banner-notice"/);
  assert.equal(pageWithAddressNotice(OUT, "/feed.xml", [warning("w")]), undefined);
  assert.equal(pageWithAddressNotice(OUT, "/no-existe/", [warning("w")]), undefined);
  assert.equal(pageWithAddressNotice(OUT, "/%2e%2e/%2e%2e/etc/", [warning("w")]), undefined);
});
