import assert from "node:assert/strict";
import path from "node:path";
import { test } from "node:test";
import { runCli, ROOT, snapshot, tempDir } from "./support/build.ts";

/**
 * Same content → byte-identical site. The seed site is built twice, at once, under different
 * time zones and locales of the machine (neither may leak into a page), and every file is
 * compared byte for byte (SHA-256).
 */
test("building the seed site twice gives the same bytes in every file", async () => {
  const dir = await tempDir("determinism");
  const outs = [path.join(dir, "uno", "_site"), path.join(dir, "dos", "_site")];
  const envs = [
    { TZ: "UTC", LANG: "C.UTF-8", LC_ALL: "C.UTF-8" },
    { TZ: "Asia/Tokyo", LANG: "es_MX.UTF-8", LC_ALL: "es_MX.UTF-8" },
  ];
  const runs = await Promise.all(
    outs.map((out, i) => runCli(["build", "--content", path.join(ROOT, "content"), "--public", path.join(ROOT, "public"), "--out", out, "--quiet"], { env: envs[i]! })),
  );
  for (const r of runs) assert.equal(r.code, 0, r.stderr);
  const [a, b] = await Promise.all(outs.map(snapshot));
  assert.ok(a!.size > 20, `a real site: ${a!.size} files`);
  assert.deepEqual([...b!.keys()], [...a!.keys()], "same files");
  const differing = [...a!].filter(([f, h]) => b!.get(f) !== h).map(([f]) => f);
  assert.deepEqual(differing, [], "same bytes");
  // The host files are part of the comparison.
  for (const f of ["_headers", "_redirects", "nginx/site.conf", "nginx/redirects.conf"]) assert.ok(a!.has(f), f);
});
