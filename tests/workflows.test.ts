import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { appendFileSync, cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import { test } from "node:test";
import { parse } from "yaml";
import { git, siteTree, treeDifference, writeGeneratedContent } from "./build/helpers.ts";
import { runCli } from "./cli/run-cli.ts";
import { ROOT } from "./hardening/support/build.ts";

/**
 * The workflows are code nobody runs locally: parse them and check the jobs and steps the
 * publishing process relies on, so a bad edit fails here instead of on the first push to main.
 */
interface Step {
  name?: string;
  id?: string;
  uses?: string;
  run?: string;
  if?: string;
  "continue-on-error"?: boolean;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  "runs-on": string;
  "timeout-minutes"?: number;
  needs?: string | string[];
  permissions?: Record<string, string>;
  environment?: { name: string; url?: string };
  steps: Step[];
}
interface Workflow {
  name: string;
  on: Record<string, unknown>;
  permissions?: Record<string, string>;
  concurrency?: { group: string; "cancel-in-progress": boolean };
  jobs: Record<string, Job>;
}

const DIR = path.join(ROOT, ".github/workflows");

async function load(name: string): Promise<Workflow> {
  const text = await readFile(path.join(DIR, name), "utf8");
  // `on` must stay a key: YAML 1.1 parsers read a bare `on` as true.
  return parse(text, { version: "1.2", uniqueKeys: true, strict: true }) as Workflow;
}

function step(job: Job, predicate: (s: Step) => boolean, what: string): Step {
  const found = job.steps.find(predicate);
  assert.ok(found, `missing step: ${what}`);
  return found;
}

const uses = (action: string) => (s: Step) => s.uses?.split("@")[0] === action;
const runs = (re: RegExp) => (s: Step) => typeof s.run === "string" && re.test(s.run);

test("every workflow parses, pins actions to a version, and bounds every job's time", async () => {
  const files = (await readdir(DIR)).filter((f) => /\.ya?ml$/.test(f)).sort();
  assert.deepEqual(files, ["ci.yml", "publish.yml"]);
  for (const f of files) {
    const wf = await load(f);
    assert.ok(wf.name, `${f}: name`);
    assert.equal(wf.permissions?.["contents"], "read", `${f}: least privilege by default`);
    for (const [id, job] of Object.entries(wf.jobs)) {
      assert.ok(job["runs-on"], `${f}/${id}: runs-on`);
      assert.ok(job["timeout-minutes"] && job["timeout-minutes"] <= 15, `${f}/${id}: timeout-minutes ≤ 15`);
      for (const s of job.steps) {
        if (s.uses) assert.match(s.uses, /^[\w-]+\/[\w-]+@v\d+$/, `${f}/${id}: ${s.uses} pinned to a major version`);
        else assert.equal(typeof s.run, "string", `${f}/${id}: a step either uses an action or runs a command`);
      }
    }
  }
});

test("pull requests: check with annotations, the tests, and the built site as an artifact", async () => {
  const wf = await load("ci.yml");
  assert.ok("pull_request" in wf.on);
  assert.equal(wf.concurrency?.["cancel-in-progress"], true);
  const { check, test: tests, build } = wf.jobs;
  assert.ok(check && tests && build, "jobs check, test, build");
  const validate = step(check, runs(/^node bin\/boletines\.js check --format github --since "origin\/\$BASE"$/), "check --format github --since");
  assert.equal(validate.env?.["BASE"], "${{ github.base_ref || 'main' }}");
  const checkout = step(check, uses("actions/checkout"), "checkout");
  assert.equal(checkout.with?.["fetch-depth"], 0, "the whole history, for --since");
  step(tests, runs(/^npm test$/), "npm test");
  // The suites use Debian's packages at Debian's paths (/usr/bin/chromium, /usr/sbin/nginx).
  assert.match(String((tests as Job & { container?: string }).container), /bookworm/);
  const tools = step(tests, runs(/apt-get install/), "Debian tools");
  for (const pkg of ["chromium", "nginx", "default-jre-headless", "python3-feedparser"]) assert.match(tools.run!, new RegExp(`\\b${pkg}\\b`), pkg);
  step(build, runs(/^npm run build$/), "build");
  const artifact = step(build, uses("actions/upload-artifact"), "upload-artifact");
  assert.equal(artifact.with?.["path"], "_site");
  for (const job of [check, tests, build]) assertModulesCache(job);
  assertBuildCache(build);
});

test("a pull request's check and a push's, run as the workflows run them in a fresh clone, annotate a bulletin the change deleted", async () => {
  const pull = step((await load("ci.yml")).jobs["check"]!, runs(/boletines\.js check/), "check").run!;
  const publish = (await load("publish.yml")).jobs["build"]!;
  const pushed = step(publish, runs(/boletines\.js check/), "check after a push");
  assert.equal(pushed.if, "github.event_name == 'push' && github.event.before != '0000000000000000000000000000000000000000'");
  assert.equal(pushed["continue-on-error"], true, "never holds the publication back");
  assert.equal(pushed.env?.["BEFORE"], "${{ github.event.before }}");
  assert.equal(step(publish, uses("actions/checkout"), "checkout").with?.["fetch-depth"], 0);
  assert.ok(publish.steps.indexOf(pushed) < publish.steps.findIndex(runs(/^npm run build$/)), "before the build");
  const work = mkdtempSync(path.join(os.tmpdir(), "boletines-pr-"));
  try {
    // The repository: main with two bulletins; the pull request's branch deletes one.
    const origin = path.join(work, "origin");
    cpSync(path.join(ROOT, "tests/fixtures/e2e-content"), path.join(origin, "content"), { recursive: true });
    git(origin, "init", "-q");
    git(origin, "add", ".");
    git(origin, "commit", "-q", "-m", "Boletines");
    // What actions/checkout leaves with fetch-depth 0: a clone, origin/main beside the branch.
    git(work, "clone", "-q", origin, "clone");
    const clone = path.join(work, "clone");
    const deleted = readdirSync(path.join(clone, "content"), { recursive: true, encoding: "utf8" }).find((f) => /^\d{4}\/.*vacunacion.*\.md$/.test(f.split(path.sep).join("/")))!;
    assert.ok(deleted, "a bulletin to delete");
    git(clone, "switch", "-q", "-c", "pr");
    git(clone, "rm", "-q", path.join("content", deleted));
    git(clone, "commit", "-q", "-m", "Borra un boletín");
    const before = git(clone, "rev-parse", "main").trim();
    for (const command of [pull, pushed.run!]) {
      const r = spawnSync("bash", ["-c", command.replace("node bin/boletines.js", `"${process.execPath}" "${path.join(ROOT, "bin/boletines.js")}"`)], {
        cwd: clone,
        encoding: "utf8",
        env: { ...process.env, BASE: "main", BEFORE: before, BOLETINES_NOW: "2026-01-01T00:00:00-06:00" },
      });
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, new RegExp(`^::warning file=content/${deleted.split(path.sep).join("/").replace(/[.*+?^${}()|[\]\\]/g, "\\$&")},title=[^:]*::Se borró este boletín, publicado en /boletines/`, "m"), command);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
});

test("main: build and deploy with the official Pages actions, hourly and on every push", async () => {
  const wf = await load("publish.yml");
  assert.deepEqual((wf.on["push"] as { branches: string[] }).branches, ["main"]);
  const schedule = wf.on["schedule"] as Array<{ cron: string }>;
  assert.equal(schedule.length, 1);
  const [minute, hour, ...rest] = schedule[0]!.cron.split(" ");
  assert.match(minute!, /^\d{1,2}$/, "a fixed minute");
  assert.deepEqual([hour, ...rest], ["*", "*", "*", "*"], "every hour");
  assert.ok("workflow_dispatch" in wf.on);
  // A publication is never cancelled halfway.
  assert.equal(wf.concurrency?.["cancel-in-progress"], false);
  const { build, deploy } = wf.jobs;
  assert.ok(build && deploy);
  step(build, uses("actions/configure-pages"), "configure-pages");
  assert.deepEqual(build.permissions, { contents: "read", pages: "read" }, "configure-pages can read the Pages settings");
  const buildStep = step(build, runs(/^npm run build$/), "build");
  assert.equal(buildStep.env?.["BOLETINES_BASE_URL"], "${{ vars.BOLETINES_BASE_URL || steps.pages.outputs.base_url }}");
  const pagesArtifact = step(build, uses("actions/upload-pages-artifact"), "upload-pages-artifact");
  assert.equal(pagesArtifact.with?.["path"], "_site");
  const order = (p: (s: Step) => boolean) => build.steps.findIndex(p);
  assert.ok(order(runs(/npm run build/)) < order(uses("actions/upload-pages-artifact")), "upload after build");
  assertModulesCache(build);
  assertBuildCache(build);
  assert.equal(deploy.needs, "build");
  assert.deepEqual(deploy.permissions, { pages: "write", "id-token": "write" });
  assert.equal(deploy.environment?.name, "github-pages");
  const d = step(deploy, uses("actions/deploy-pages"), "deploy-pages");
  assert.equal(d.id, "deployment");
  assert.equal(deploy.environment?.url, "${{ steps.deployment.outputs.page_url }}");
});

test("publish: the site's address is the publisher's BOLETINES_BASE_URL, else where Pages serves it (configure-pages' base_url), and a Pages URL with the repository's path makes a site that links under it", async () => {
  const build = (await load("publish.yml")).jobs["build"]!;
  const pages = step(build, uses("actions/configure-pages"), "configure-pages");
  assert.equal(pages.id, "pages", "its outputs are read as steps.pages.outputs");
  const generate = step(build, runs(/^npm run build$/), "build");
  assert.ok(build.steps.indexOf(pages) < build.steps.indexOf(generate), "configure-pages before the build");
  // The expression as GitHub evaluates it: `a || b` is a unless a is empty (an unset variable is empty).
  const expression = /^\$\{\{ (\S+) \|\| (\S+) \}\}$/.exec(generate.env?.["BOLETINES_BASE_URL"] ?? "");
  assert.ok(expression, String(generate.env?.["BOLETINES_BASE_URL"]));
  const evaluate = (context: Record<string, string>) => context[expression[1]!] || context[expression[2]!] || "";
  const pagesUrl = "https://imss-mx.github.io/boletines";
  const unset = { "steps.pages.outputs.base_url": pagesUrl };
  const set = { "vars.BOLETINES_BASE_URL": "https://boletines.imss.gob.mx", "steps.pages.outputs.base_url": pagesUrl };
  assert.equal(evaluate(unset), pagesUrl);
  assert.equal(evaluate({ ...unset, "vars.BOLETINES_BASE_URL": "" }), pagesUrl);
  assert.equal(evaluate(set), "https://boletines.imss.gob.mx");

  const tmp = mkdtempSync(path.join(os.tmpdir(), "boletines-pages-url-"));
  try {
    writeGeneratedContent(path.join(tmp, "content"), 3, 5);
    for (const [context, stylesheet, canonical] of [
      [unset, /<link rel="stylesheet" href="\/boletines\/css\/site\.[0-9a-f]{10}\.css">/, `<link rel="canonical" href="${pagesUrl}/">`],
      [set, /<link rel="stylesheet" href="\/css\/site\.[0-9a-f]{10}\.css">/, '<link rel="canonical" href="https://boletines.imss.gob.mx/">'],
    ] as const) {
      const built = runCli(["build", "--no-search"], tmp, { BOLETINES_BASE_URL: evaluate(context), BOLETINES_NOW: "2026-01-01T00:00:00-06:00" });
      assert.equal(built.code, 0, built.stderr);
      const home = readFileSync(path.join(tmp, "_site", "index.html"), "utf8");
      assert.match(home, stylesheet);
      assert.ok(home.includes(canonical), canonical);
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("what the publish workflow caches carries a build to a fresh checkout: the next build there rewrites nothing and keeps the search index", async () => {
  const wf = await load("publish.yml");
  const kept = cachedPaths(step(wf.jobs["build"]!, (s) => uses("actions/cache")(s) && cachedPaths(s).includes(".cache"), "build cache"));
  const tmp = mkdtempSync(path.join(os.tmpdir(), "boletines-ci-cache-"));
  try {
    const env = { BOLETINES_NOW: "2026-01-01T00:00:00-06:00" };
    // One run: a checkout, `npm run build` (defaults: content/ → _site, cache in .cache/).
    const first = path.join(tmp, "run-1");
    writeGeneratedContent(path.join(first, "content"), 30, 11);
    const built = runCli(["build"], first, env);
    assert.equal(built.code, 0, built.stderr);
    // actions/cache archives the paths with GNU tar (`--posix`, paths as given, relative to the workspace)
    // and extracts them into the next run's workspace.
    const archive = path.join(tmp, "cache.tar");
    writeFileSync(path.join(tmp, "manifest.txt"), kept.join("\n"));
    const packed = spawnSync("tar", ["--posix", "-cf", archive, "-P", "-C", first, "--files-from", path.join(tmp, "manifest.txt")], { encoding: "utf8" });
    assert.equal(packed.status, 0, packed.stderr);
    // The next run: a fresh checkout (the same content in new files: new times, new inodes), then the cache.
    const next = path.join(tmp, "run-2");
    cpSync(path.join(first, "content"), path.join(next, "content"), { recursive: true, preserveTimestamps: false });
    const unpacked = spawnSync("tar", ["-xf", archive, "-P", "-C", next], { encoding: "utf8" });
    assert.equal(unpacked.status, 0, unpacked.stderr);

    const again = runCli(["build"], next, env);
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stdout, /archivos \(ninguno cambió\)/, "every file was reused from the restored generations");
    assert.match(again.stdout, /Índice de búsqueda: \d+ boletines en \d+ índices \(ninguno cambió: no se volvieron a generar\)/);
    // The published site is byte for byte the first run's, search index included.
    assert.equal(treeDifference(siteTree(path.join(next, "_site")), siteTree(path.join(first, "_site"))), undefined);

    // An edit in that run: one page and the lists it is on are written, and Pagefind indexes again.
    const edited = readdirSync(path.join(next, "content"), { recursive: true }).map(String).filter((f) => f.endsWith(".md")).sort()[4]!;
    appendFileSync(path.join(next, "content", edited), "\nNota de la redacción: palabraúnica.\n");
    const third = runCli(["build"], next, env);
    assert.equal(third.code, 0, third.stderr);
    const [, total, written] = /(\d+) archivos \((\d+) nuevos? o cambiados?\)/.exec(third.stdout) ?? [];
    assert.ok(Number(written) > 0 && Number(written) < Number(total) / 2, third.stdout);
    // A word new to the site: its year's index is made again, and the words index (src/build/search-index.ts).
    assert.match(third.stdout, /Índice de búsqueda: \d+ boletines en \d+ índices \(1 generado de nuevo\)/);
    const indexes = readdirSync(path.join(next, "_site", "pagefind"));
    assert.ok(indexes.includes("palabras"), indexes.join());
    const years = indexes.filter((y) => y !== "palabras");
    assert.ok(years.length > 1 && years.every((y) => /^\d{4}$/.test(y)), years.join());
    for (const index of indexes) assert.ok(statSync(path.join(next, "_site", "pagefind", index, "pagefind-entry.json")).size > 0, index);
    const words = readdirSync(path.join(next, "_site", "pagefind", "palabras", "fragment"))
      .map((f) => gunzipSync(readFileSync(path.join(next, "_site", "pagefind", "palabras", "fragment", f))).toString("utf8"))
      .filter((text) => text.includes("palabraúnica"));
    assert.equal(words.length, 1, "the words index has the new word, in one year's page");
    const pages = [...siteTree(path.join(next, "_site", "boletines")).values()].filter((bytes) => bytes.includes("palabraúnica"));
    assert.equal(pages.length, 1, "the edited bulletin's page has the new text");
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
});

test("the commands the workflows run exist", async () => {
  const pkg = JSON.parse(await readFile(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
  assert.ok(pkg.scripts["test"], "npm test");
  // The published site needs its search index: `boletines build` writes it (Pagefind) into the generation before publishing it.
  assert.match(pkg.scripts["build"] ?? "", /^node bin\/boletines\.js build$/);
  assert.match(await readFile(path.join(ROOT, "src/build/build.ts"), "utf8"), /await writeSearchIndex\(dir, /);
  // Read as text: importing the commands would load Eleventy just to read two usage strings.
  assert.match(await readFile(path.join(ROOT, "src/cli/check.ts"), "utf8"), /--format text\|github/);
  assert.match(await readFile(path.join(ROOT, "src/cli/build.ts"), "utf8"), /--out DIR/);
});

function assertModulesCache(job: Job): void {
  const cache = step(job, (s) => uses("actions/cache")(s) && s.with?.["path"] === "node_modules", "node_modules cache");
  assert.match(String(cache.with?.["key"]), /hashFiles\('package-lock\.json'\)/, "keyed on the lockfile");
  const install = step(job, runs(/^npm ci$/), "npm ci");
  assert.equal(install.if, `steps.${cache.id}.outputs.cache-hit != 'true'`, "npm ci only on a cache miss");
  const i = job.steps.indexOf(install);
  assert.ok(job.steps.indexOf(cache) < i, "cache restored before install");
  assert.ok(job.steps.findIndex(runs(/boletines\.js|npm test|npm run build/)) > i, "install before use");
}

/** The paths an `actions/cache` step keeps, one per line. */
const cachedPaths = (s: Step): string[] =>
  String(s.with?.["path"] ?? "")
    .split("\n")
    .map((p) => p.trim())
    .filter(Boolean);

/** The build's cache and both generations of the site (with the link): what makes the next run incremental. */
const BUILD_STATE = [".cache", "_site", "._site.d"];

function assertBuildCache(job: Job): void {
  const cache = step(job, (s) => uses("actions/cache")(s) && cachedPaths(s).includes(".cache"), "build cache");
  assert.deepEqual(cachedPaths(cache), BUILD_STATE, "the cache, the site's generations and the link are kept between runs");
  assert.ok(cache.with?.["restore-keys"], "restores the latest build cache");
  assert.ok(job.steps.indexOf(cache) < job.steps.findIndex(runs(/npm run build/)), "build cache restored before the build");
}
