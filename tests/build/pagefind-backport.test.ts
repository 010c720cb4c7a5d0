import assert from "node:assert/strict";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { backportEmptySearchFix } from "../../src/build/pagefind-backport.ts";
import { tempDir } from "./helpers.ts";

/** Pagefind's real files are checked in search-index.test.ts; here, the edit itself and a Pagefind it does not know. */
const CALL = "let index_resp=this.backend.request_indexes(ptr,term);let index_array=JSON.parse(index_resp);";

test("an empty term asks Pagefind's WebAssembly for no word chunk; the rest of each file is left as it was", async (t) => {
  const dir = await tempDir("boletines-backport-");
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  for (const name of ["pagefind.js", "pagefind-worker.js"]) writeFileSync(path.join(dir, name), `/*${name}*/${CALL}/*end*/`);
  backportEmptySearchFix(dir);
  for (const name of ["pagefind.js", "pagefind-worker.js"]) {
    assert.equal(
      readFileSync(path.join(dir, name), "utf8"),
      `/*${name}*/let index_resp=(term?this.backend.request_indexes(ptr,term):"[]");let index_array=JSON.parse(index_resp);/*end*/`,
    );
  }
});

test("a Pagefind whose code differs (another version) fails, naming the file and this module", async (t) => {
  const dir = await tempDir("boletines-backport-");
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(path.join(dir, "pagefind.js"), CALL);
  writeFileSync(path.join(dir, "pagefind-worker.js"), "let index_resp=this.backend.requestIndexes(ptr,term);");
  assert.throws(() => backportEmptySearchFix(dir), /pagefind-worker\.js de Pagefind .*src\/build\/pagefind-backport\.ts/);
  // Twice is as unknown as never.
  writeFileSync(path.join(dir, "pagefind-worker.js"), CALL + CALL);
  assert.throws(() => backportEmptySearchFix(dir), /pagefind-worker\.js/);
});
