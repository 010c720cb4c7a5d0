import assert from "node:assert/strict";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import { publicFileClaims, publicSiteFiles } from "../../src/build/public-files.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";

test("public/ is copied but for the sources of the fingerprinted files, which keep their paths' claims", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "boletines-public-"));
  try {
    await cp(path.join(PROJECT_ROOT, "public"), dir, { recursive: true });
    await writeFile(path.join(dir, "css", "imprenta.css"), "p{}\n");
    await writeFile(path.join(dir, "robots-extra.txt"), "x\n");
    const copied = publicSiteFiles(dir).map((f) => f.file);
    for (const source of ["css/site.css", "js/search.js", "js/not-found.js", "js/redirect.js", "favicon.svg"]) {
      assert.ok(!copied.includes(source), `${source} is published only under its fingerprinted name`);
      assert.ok(publicFileClaims(dir).some((c) => c.path === `/${source}`), `${source} still owns its path`);
    }
    assert.deepEqual(copied.sort(), ["css/imprenta.css", "robots-extra.txt"]);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
