import assert from "node:assert/strict";
import { chmod, readdir, readFile, rm, writeFile } from "node:fs/promises";
import path from "node:path";
import { after, before, test } from "node:test";
import * as cheerio from "cheerio";
import { loadCorpus } from "../../src/model/corpus.ts";
import { DEFAULT_SITE } from "../../src/site.ts";
import { chromiumAvailable, launchChromium } from "./support/browser.ts";
import { bulletinText, ROOT, runCli, STACK_TRACE_RE, tempDir, writeText, type CliRun } from "./support/build.ts";
import { EVALUATED, MARKER, writeRejectedCases, writeRenderedCases, type HostileCase } from "./support/hostile-corpus.ts";
import { serveStatic } from "./support/static-server.ts";
import { META_CONTENT_SECURITY_POLICY } from "../../src/render/host-headers.ts";

/**
 * The hostile corpus (support/hostile-corpus.ts) through the real CLI. Every case is either built
 * into inert pages or refused with an error naming its file; never a crash, a hang or a file
 * written outside the output folder.
 */
let sandbox = "";
let renderedContent = "";
let rejectedContent = "";
let rendered: HostileCase[] = [];
/** Where the rendered corpus's forwards (redirect_to) lead: the only addresses off this site a page may send the reader to. */
let forwards: string[] = [];
let rejected: HostileCase[] = [];
let site = "";
let build: CliRun;

async function listTree(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  }
  return out.sort();
}

before(async () => {
  sandbox = await tempDir("hostile");
  renderedContent = path.join(sandbox, "rendered");
  rejectedContent = path.join(sandbox, "rejected");
  rendered = await writeRenderedCases(renderedContent);
  forwards = rendered.flatMap((c) => (c.forwardTo ? [c.forwardTo] : []));
  rejected = await writeRejectedCases(rejectedContent, path.join(sandbox, "outside"));
  site = path.join(sandbox, "out", "_site");
  build = await runCli(["build", "--content", renderedContent, "--out", site], { timeoutMs: 60_000 });
});

const cleanups: string[] = [];
after(async () => {
  for (const dir of [sandbox, ...cleanups]) if (dir) await rm(dir, { recursive: true, force: true });
});

test("the hostile but valid bulletins build, without a stack trace", () => {
  process.stdout.write(`# hostile cases: ${rendered.length} rendered, ${rejected.length} rejected\n`);
  assert.equal(build.signal, null, "the build was not killed by the time limit");
  assert.equal(build.code, 0, build.stderr);
  assert.doesNotMatch(build.stderr, STACK_TRACE_RE);
  assert.match(build.stdout, new RegExp(`${rendered.filter((c) => !c.forwardTo).length} boletines`));
});

test("every rejected case is refused with a Spanish error naming its file", async () => {
  const corpus = await loadCorpus({ contentDir: rejectedContent, publicDir: path.join(ROOT, "public"), site: DEFAULT_SITE });
  assert.equal(corpus.bulletins.length, 0, `accepted: ${corpus.bulletins.map((b) => b.file).join(", ")}`);
  for (const c of rejected) {
    const errors = corpus.problems.filter((p) => p.severity === "error" && p.file.endsWith(c.file));
    assert.ok(errors.length > 0, `${c.name} (${c.file}): no error`);
    for (const e of errors) {
      assert.ok(e.message.length > 10 && e.hint, `${c.name}: message and hint`);
      assert.doesNotMatch(e.message, /Maximum call stack|undefined|\[object|TypeError|at \S+ \(/, `${c.name}: ${e.message}`);
    }
  }
  // A `__proto__` key in front matter stays a plain key.
  assert.equal(({} as Record<string, unknown>)["polluted"], undefined);
});

test("the build refuses the rejected corpus: exit 1, every file named, nothing written", async () => {
  const out = path.join(sandbox, "rejected-out", "_site");
  const failed = await runCli(["build", "--content", rejectedContent, "--out", out]);
  assert.equal(failed.signal, null, "no hang");
  assert.equal(failed.code, 1);
  assert.doesNotMatch(failed.stderr, STACK_TRACE_RE);
  for (const c of rejected) assert.ok(failed.stderr.includes(c.file), `the build names ${c.file}`);
  assert.match(failed.stderr, /No se generó el sitio/);
  await assert.rejects(readdir(path.join(sandbox, "rejected-out")), { code: "ENOENT" });
});

test("nothing is written outside the output folder", async () => {
  const tree = await listTree(sandbox);
  // The site: the `_site` link and the two generations it may point to, with their manifests (src/build/generations.ts).
  const inSite = (p: string) => /^out(\/_site(\/|$)|\/\._site\.d(\/(a|b)(\/.*)?|\/(a|b)\.json)?$|$)/.test(p);
  const outside = tree.filter((p) => !/^(rendered|rejected|outside)(\/|$)/.test(p) && !inSite(p));
  // (Inside the site a redirect stub may legitimately live at a path spelled with the marker.)
  assert.ok(!outside.some((p) => p.includes(MARKER)), "no path outside the site carries the attacker's marker");
  assert.deepEqual(outside, []);
  await assert.rejects(readdir(path.join(path.dirname(sandbox), MARKER)), { code: "ENOENT" });
});

test("no page, feed or file of the site carries a character HTML or XML forbids, raw or escaped in JSON", async () => {
  const FORBIDDEN = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFDD0-\uFDEF\uFFFE\uFFFF\uFFFD]|\\u00(?:0[0-8bc]|1[0-9a-f]|7f|[89][0-9a-f])|\\u(?:fdd|fffe|ffff|d[89ab])/i;
  const files = (await listTree(site)).filter((f) => /\.(html|xml|json|txt|conf)$/.test(f) && !f.startsWith("pagefind/"));
  for (const f of files) {
    const text = await readFile(path.join(site, f), "utf8");
    const m = FORBIDDEN.exec(text);
    assert.equal(m, null, `${f}: ${JSON.stringify(m?.[0])} at ${m?.index}: ${JSON.stringify(text.slice(Math.max(0, (m?.index ?? 0) - 40), (m?.index ?? 0) + 20))}`);
  }
  const page = cheerio.load(await readFile(path.join(site, "boletines/2024/07/salto-manual-y-control-y-fin/index.html"), "utf8"));
  assert.equal(page("h1").text(), "Salto manual y control y fin", "each became a space");
  assert.match(page("article").text(), /Texto con salto manual, salto de página,\s+y\s+\./);
});

test("the built pages are inert: no script, handler, dangerous URL, foreign resource or evaluated template", async () => {
  const files = (await listTree(site)).filter((f) => f.endsWith(".html"));
  assert.ok(files.length > rendered.length, "one page per bulletin at least");
  const urlAttrs = ["href", "src", "srcset", "action", "formaction", "poster", "background", "data", "xlink:href", "ping", "cite"];
  let literalTemplates = 0;
  for (const f of files) {
    const html = await readFile(path.join(site, f), "utf8");
    const $ = cheerio.load(html);
    const where = (el: unknown) => `${f}: ${$.html(el as never).slice(0, 160)}`;
    // The only scripts: the search page's, the 404 page's and the redirect stubs' own files, and JSON-LD
    // data blocks that must stay valid JSON (a title with </script> in it must not end the block early).
    $("script").each((_, el) => {
      const type = $(el).attr("type");
      if (type === "module" && /^\/js\/(?:search|not-found)\.[0-9a-f]+\.js$/.test($(el).attr("src") ?? "")) return;
      if (type === undefined && /^\/js\/redirect\.[0-9a-f]+\.js$/.test($(el).attr("src") ?? "") && $(el).text() === "") {
        // A stub's script (public/js/redirect.js) leads where its meta refresh does: this site, or exactly where a forward said.
        const to = $(el).attr("data-to") ?? "";
        assert.equal($('meta[http-equiv="refresh"]').attr("content"), `0; url=${to}`, where(el));
        if (!forwards.includes(to)) assert.match(to, /^\/(?!\/)/, `stub script only to this site ${where(el)}`);
        return;
      }
      assert.equal(type, "application/ld+json", `${where(el)}`);
      assert.doesNotThrow(() => JSON.parse($(el).text()), `${where(el)}: JSON-LD is not valid JSON`);
    });
    $("iframe, object, embed, style, svg, math, template, base, frame, frameset, audio, video, details[ontoggle]").each((_, el) => assert.fail(`forbidden element ${where(el)}`));
    // The site's own search forms (GET to /buscar/) are the only forms (the body's form was dropped).
    $("form").each((_, el) => assert.equal($(el).attr("action"), "/buscar/", `foreign form ${where(el)}`));
    assert.equal($("[formaction], [autofocus]").length, 0, `${f}: formaction/autofocus`);
    $("*").each((_, el) => {
      for (const [name, value] of Object.entries((el as { attribs?: Record<string, string> }).attribs ?? {})) {
        assert.ok(!/^on/i.test(name), `event handler ${where(el)}`);
        assert.notEqual(name.toLowerCase(), "style", `style attribute ${where(el)}`);
        if (urlAttrs.includes(name.toLowerCase())) {
          assert.doesNotMatch(value.replace(/[\s\u0000-\u001f]/g, ""), /^(javascript|data|vbscript|file):/i, `dangerous URL ${where(el)}`);
        }
      }
    });
    // Resources the page loads by itself (not links the reader may follow) come from this site only.
    $("img[src], script[src], link[rel=stylesheet], link[rel=icon]").each((_, el) => {
      const url = new URL($(el).attr("src") ?? $(el).attr("href") ?? "", "http://127.0.0.1/pagina/");
      assert.equal(url.origin, "http://127.0.0.1", `foreign resource ${where(el)}`);
    });
    $("meta[http-equiv]").each((_, el) => {
      const kind = $(el).attr("http-equiv")?.toLowerCase();
      // Only two http-equiv tags exist: the site's own CSP (a constant) and redirect stubs' refresh.
      if (kind === "content-security-policy") {
        assert.equal($(el).attr("content"), META_CONTENT_SECURITY_POLICY, where(el));
        return;
      }
      assert.equal(kind, "refresh", where(el));
      // To this site, or exactly where a forward (redirect_to) said, as one encoded address.
      const content = $(el).attr("content") ?? "";
      if (!forwards.some((to) => content === `0; url=${to}`)) assert.match(content, /^0; url=\/(?!\/)/, `refresh only to this site ${where(el)}`);
    });
    assert.ok(!html.includes(EVALUATED), `${f}: a template was evaluated`);
    if ($.text().includes("{{ 7777*7 }}")) literalTemplates++;
  }
  assert.ok(literalTemplates >= 2, "template syntax is shown literally");
  const feeds = await Promise.all(["feed.xml", "feed.json", "sitemap.xml"].map((f) => readFile(path.join(site, f), "utf8")));
  for (const text of feeds) assert.ok(!text.includes(EVALUATED));
});

test("in Chromium, no hostile page runs a script or makes a request off 127.0.0.1", { skip: !chromiumAvailable() && "no Chromium" }, async () => {
  const server = await serveStatic(site);
  const browser = await launchChromium();
  const foreign: string[] = [];
  const dialogs: string[] = [];
  try {
    const context = await browser.newContext();
    // Every request is seen here; anything not for the test server is recorded and refused.
    await context.route("**/*", (route) => {
      const url = route.request().url();
      if (url.startsWith(server.origin)) return route.continue();
      // A forward's stub leads the reader to the address its redirect_to names (refused here all the same).
      if (!forwards.includes(url)) foreign.push(url);
      return route.abort();
    });
    // Two tabs share the list of pages (both cores of the machine).
    const tabs = [await context.newPage(), await context.newPage()];
    for (const tab of tabs) {
      tab.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
    }
    const page = tabs[0]!;
    // Every page was checked with a parser above; the browser visits one page of each kind that
    // prints hostile text (each bulletin, the redirect stubs, lists and indexes showing hostile
    // labels), which keeps this test within seconds on a shared machine.
    const pages = (await listTree(site)).filter(
      (f) =>
        /^boletines\/2024\/\d\d\/[^/]+\/index\.html$/.test(f) ||
        /^(viejo|especial)\//.test(f) ||
        ["index.html", "404.html", "temas/index.html", "secciones/index.html", "boletines/index.html", "boletines/2024/05/index.html"].includes(f) ||
        /^(temas|secciones)\/[^/]*(script|svg|onerror|title)[^/]*\/index\.html$/.test(f),
    );
    assert.ok(pages.length >= rendered.length + 8, `pages to visit: ${pages.length}`);
    // A forward's stub (redirect_to another site) leaves at once for an address this test refuses: it is
    // visited alone below, waiting for the browser to ask for exactly the declared address.
    const leaves = async (f: string) => f.endsWith(".html") && /<meta http-equiv="refresh" content="0; url=https?:/.test(await readFile(path.join(site, f), "utf8"));
    const forwardStubs: string[] = [];
    for (const f of pages) if (await leaves(f)) forwardStubs.push(f);
    assert.ok(forwardStubs.length >= 2, `forward stubs: ${forwardStubs.join(", ")}`);
    const queue = pages.filter((f) => !forwardStubs.includes(f));
    const visit = async (page: (typeof tabs)[number], f: string) => {
      const url = `${server.origin}/${f.replace(/index\.html$/, "")}`;
      // Redirect stubs navigate by themselves (meta refresh): then the check runs on the page they lead to,
      // once the browser is there (on a busy machine the refresh can come after the first checks began).
      const stub = f.endsWith(".html") && /<meta http-equiv="refresh" content="0; url=/.test(await readFile(path.join(site, f), "utf8"));
      await page.goto(url);
      if (stub) {
        await page.waitForURL((u) => u.href !== url);
        await page.waitForLoadState("load");
      }
      for (let attempt = 0; ; attempt++) {
        try {
          // Give onerror/onload handlers their chance: wait for every image to settle.
          await page.evaluate(() => Promise.all([...document.images].map((i) => (i.complete ? null : new Promise((r) => (i.onload = i.onerror = r))))));
          const ran = await page.evaluate((m) => (window as unknown as Record<string, unknown>)[m], MARKER);
          assert.equal(ran, undefined, `${f}: a script ran`);
          break;
        } catch (error) {
          if (attempt >= 3 || !/context was destroyed|navigat/i.test(String(error))) throw error;
          await page.waitForLoadState("load");
        }
      }
    };
    await Promise.all(tabs.map(async (tab) => {
      for (let f = queue.shift(); f !== undefined; f = queue.shift()) await visit(tab, f);
    }));
    for (const f of forwardStubs) {
      // A tab of its own, closed after: the refused navigation ends in an error page that would cut into the next visit.
      const alone = await context.newPage();
      alone.on("dialog", (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      const asked = alone.waitForRequest((r) => forwards.includes(r.url()));
      await alone.goto(`${server.origin}/${f.replace(/index\.html$/, "")}`).catch(() => undefined);
      await asked;
      await alone.close();
    }
    assert.deepEqual(dialogs, []);
    assert.deepEqual(foreign, []);
    // The detector itself works: a page that does run the script is caught.
    await writeFile(path.join(site, "canario.html"), `<!doctype html><img src="https://tracker.example/c.gif"><script>window.${MARKER}=1</script>`);
    await page.goto(`${server.origin}/canario.html`);
    assert.equal(await page.evaluate((m) => (window as unknown as Record<string, unknown>)[m], MARKER), 1);
    assert.deepEqual(foreign, ["https://tracker.example/c.gif"]);
  } finally {
    await browser.close();
    await server.close();
  }
});


test("unreadable files and folders are errors naming them, not a crash", async () => {
  const dir = await tempDir("unreadable");
  cleanups.push(dir);
  await chmod(dir, 0o755);
  const content = path.join(dir, "content");
  await writeText(path.join(content, "2024/2024-01-01-legible.md"), bulletinText('title: "Legible"\ndate: 2024-01-01\ndescription: "x"'));
  await writeText(path.join(content, "2024/2024-01-02-ilegible.md"), bulletinText('title: "Ilegible"\ndate: 2024-01-02'));
  await writeText(path.join(content, "cerrada/2024-01-03-dentro.md"), bulletinText('title: "Dentro"\ndate: 2024-01-03'));
  await chmod(path.join(content, "2024/2024-01-02-ilegible.md"), 0o000);
  await chmod(path.join(content, "cerrada"), 0o000);
  // Root reads everything, so as root the check runs as nobody.
  const as = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
  const run = await runCli(["check", "--content", content], { ...as, env: { HOME: dir } });
  await chmod(path.join(content, "cerrada"), 0o755);
  assert.equal(run.code, 1, run.stderr);
  assert.doesNotMatch(run.stderr, STACK_TRACE_RE);
  assert.match(run.stderr, /2024-01-02-ilegible\.md: error: No se puede leer el archivo: no hay permiso de lectura\./);
  assert.match(run.stderr, /cerrada: error: No se puede leer la carpeta: no hay permiso de lectura\./);
});
