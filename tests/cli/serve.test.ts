import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import os from "node:os";
import { createServer, get } from "node:http";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { test } from "node:test";
import { copyDir, freePort, git, ROOT, tempDir } from "../build/helpers.ts";
import { E2E_TIMEOUT_MS, launchBrowser, problemsOf } from "../e2e/browser.ts";


/**
 * Waits for the server to say something (readiness, a finished rebuild) instead of sleeping:
 * the test follows the server's own events. The limit only turns a hung server into a failure.
 */
function logWatcher(stream: NodeJS.ReadableStream[]) {
  let log = "";
  const waiters: Array<() => void> = [];
  for (const s of stream) {
    s.on("data", (d) => {
      log += String(d);
      for (const w of waiters.splice(0)) w();
    });
  }
  return {
    get text() {
      return log;
    },
    async waitFor(pattern: RegExp, from = 0, limitMs = 120_000): Promise<number> {
      const deadline = Date.now() + limitMs;
      for (;;) {
        const m = pattern.exec(log.slice(from));
        if (m) return from + m.index + m[0].length;
        if (Date.now() > deadline) throw new Error(`the server never printed ${pattern}; log:\n${log}`);
        await new Promise<void>((resolve) => {
          waiters.push(resolve);
          setTimeout(resolve, 1000).unref();
        });
      }
    },
  };
}

/**
 * A page as a browser navigating to it gets it. (fetch() says `Sec-Fetch-Mode: cors`, and the dev
 * server adds its reload client only to navigations.)
 */
function fetchText(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(url, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d: string) => (body += d));
      res.on("end", () => (res.statusCode === 200 ? resolve(body) : reject(new Error(`${url}: HTTP ${res.statusCode}`))));
    }).on("error", reject);
  });
}

/** `boletines serve` in `dir` on a free port, its output watched; `env`: variables of its own (the others are this process's). */
async function startServe(dir: string, ...args: Array<string | { env: Record<string, string> }>) {
  const port = await freePort();
  const env = args.find((a): a is { env: Record<string, string> } => typeof a !== "string")?.env ?? {};
  const flags = args.filter((a): a is string => typeof a === "string");
  const child = spawn(process.execPath, [path.join(ROOT, "bin/boletines.js"), "serve", "--port", String(port), ...flags], {
    cwd: dir,
    env: { ...process.env, BOLETINES_NOW: "2026-01-01T00:00:00-06:00", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return { child, log: logWatcher([child.stdout, child.stderr]), port, base: `http://127.0.0.1:${port}` };
}

/** A site folder for `serve` (content/ and an empty public/), with these bulletins by file name. */
async function siteWith(prefix: string, bulletins: Record<string, string>): Promise<string> {
  const dir = await tempDir(prefix);
  await mkdir(path.join(dir, "content"));
  await mkdir(path.join(dir, "public"));
  for (const [name, text] of Object.entries(bulletins)) await writeFile(path.join(dir, "content", name), text);
  return dir;
}

test("serve: preview with drafts, live rebuild on edit, survives a broken file", async () => {
  const dir = await tempDir("boletines-serve-");
  await copyDir(path.join(ROOT, "tests/fixtures/varied"), path.join(dir, "content"));
  await mkdir(path.join(dir, "public"));
  const { child, log, base } = await startServe(dir);
  try {
    let at = await log.waitFor(/Vista previa en http/);
    const draft = await fetchText(`${base}/boletines/2024/06/borrador-pendiente/`);
    assert.match(draft, /Borrador/);
    // Pages reload themselves after each rebuild: the dev server's client is in every page and is served.
    const client = /<script type="module"[^>]* src="(\/\.11ty\/reload-client\.js)">/.exec(draft);
    assert.ok(client, "the live reload client is injected");
    assert.match(await fetchText(`${base}${client[1]}`), /WebSocket/);
    assert.match(await fetchText(`${base}/boletines/2030/01/boletin-programado/`), /Programado/);

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Recién escrito"\ndate: 2024-04-09\ndescription: "d"\n---\nHola.\n');
    at = await log.waitFor(/Vista previa actualizada/, at);
    assert.match(await fetchText(`${base}/boletines/2024/04/recien-escrito/`), /Recién escrito/);

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Recién escrito"\ndate: 2024-02-30\n---\nHola.\n');
    at = await log.waitFor(/sigue mostrando la última versión sin errores/, at);
    assert.match(log.text, /content\/nuevo\.md:3:1: error \[date\]/);
    assert.equal(child.exitCode, null, "the server keeps running");
    const stale = await fetchText(`${base}/boletines/2024/04/recien-escrito/`);
    assert.match(stale, /Recién escrito/, "showing the last good version");
    // Every page says why it did not change, first thing in its body: the file, the line, what to do.
    const notice = /<body[^>]*>\s*(<div class="banner banner-error" role="alert" id="vista-previa-errores">[\s\S]*?<\/div>)/.exec(stale)?.[1];
    assert.ok(notice, stale.slice(0, 2000));
    assert.match(notice, /Hay un error/);
    assert.match(notice, /<code>content\/nuevo\.md:3<\/code> \[date\]: «2024-02-30» no es una fecha válida/);
    assert.match(await fetchText(`${base}/`), /id="vista-previa-errores"/, "on every page");
    // The reload client is still added (the page updates itself once the file is fixed).
    assert.match(stale, /reload-client\.js/);

    await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Corregido"\ndate: 2024-04-10\ndescription: "d"\n---\nHola.\n');
    at = await log.waitFor(/Vista previa actualizada/, at);
    const fixed = await fetchText(`${base}/boletines/2024/04/corregido/`);
    assert.match(fixed, /Corregido/);
    assert.doesNotMatch(fixed, /vista-previa-errores/, "the notice goes with the error");

    // An editor keeps the page open in a browser: the next save shows there by itself (the reload
    // client's WebSocket is allowed by the pages' Content-Security-Policy).
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems = problemsOf(page);
      // The client listens for reloads once the server has greeted it on its WebSocket.
      const greeted = new Promise<void>((resolve, reject) => {
        page.on("websocket", (ws) => ws.on("framereceived", () => resolve()));
        setTimeout(() => reject(new Error("the page never opened the dev server's WebSocket")), E2E_TIMEOUT_MS).unref();
      });
      await page.goto(`${base}/boletines/2024/04/corregido/`, { timeout: E2E_TIMEOUT_MS });
      assert.match((await page.textContent("body")) ?? "", /Hola\./);
      await greeted;
      await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Corregido"\ndate: 2024-04-10\ndescription: "d"\n---\nTexto guardado con la página abierta.\n');
      await page.waitForFunction(() => document.body.textContent?.includes("Texto guardado con la página abierta."), null, { timeout: E2E_TIMEOUT_MS });
      // A save with an error: the open page shows the notice by itself, above the last good version; fixed, it goes.
      await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Corregido"\ndate: 2024-13-10\ndescription: "d"\n---\nTexto guardado con la página abierta.\n');
      const alert = page.getByRole("alert");
      await alert.waitFor({ timeout: E2E_TIMEOUT_MS });
      assert.match((await alert.textContent()) ?? "", /content\/nuevo\.md:3 \[date\]: «2024-13-10» no es una fecha válida: el mes 13 no existe/);
      assert.match((await page.textContent("main")) ?? "", /Texto guardado con la página abierta\./);
      await writeFile(path.join(dir, "content/nuevo.md"), '---\ntitle: "Corregido"\ndate: 2024-04-10\ndescription: "d"\n---\nTexto guardado con la página abierta.\n');
      await alert.waitFor({ state: "detached", timeout: E2E_TIMEOUT_MS });
      assert.deepEqual(problems, [], "no script or CSP error in the preview");
    } finally {
      await browser.close();
    }
  } finally {
    child.kill("SIGTERM");
  }
  assert.doesNotMatch(log.text, /\n\s+at .*\(/, "no stack traces");
});

test("serve, in a git repository: saving a title edit that moves a published page says so in the terminal, with the line that keeps the address", async () => {
  const dir = await siteWith("boletines-serve-git-", {});
  const file = path.join(dir, "content/2024-04-09-vacunacion.md");
  const text = '---\ntitle: "Arranca campaña de vacunación"\ndate: 2024-04-09\ndescription: "d"\n---\nTexto.\n';
  await writeFile(file, text);
  git(dir, "init", "-q");
  git(dir, "add", ".");
  git(dir, "commit", "-q", "-m", "Un boletín");
  const { child, log, base } = await startServe(dir);
  try {
    const at = await log.waitFor(/Vista previa en http/);
    assert.doesNotMatch(log.text, /dirección/);
    await writeFile(file, text.replace("Arranca", "Inicia"));
    await log.waitFor(/Vista previa actualizada/, at);
    assert.match(log.text.slice(at), /content\/2024-04-09-vacunacion\.md:2:1: aviso \[title\]: La dirección de este boletín cambió \(cambió el título\): era \/boletines\/2024\/04\/arranca-campana-de-vacunacion\//);
    assert.match(log.text.slice(at), /→ Agrega redirect_from: \/boletines\/2024\/04\/arranca-campana-de-vacunacion\//);
    // The browser says it too, above the page that shows the save, until the old address is kept.
    const page = await fetchText(`${base}/boletines/2024/04/inicia-campana-de-vacunacion/`);
    assert.match(page, /<div class="banner banner-notice" role="status" id="vista-previa-direcciones">[\s\S]*era \/boletines\/2024\/04\/arranca-campana-de-vacunacion\//);
    const next = log.text.length;
    await writeFile(file, text.replace("Arranca", "Inicia").replace('description: "d"', 'description: "d"\nredirect_from: /boletines/2024/04/arranca-campana-de-vacunacion/'));
    await log.waitFor(/Vista previa actualizada/, next);
    assert.doesNotMatch(log.text.slice(next), /aviso \[title\]/);
    assert.doesNotMatch(await fetchText(`${base}/boletines/2024/04/inicia-campana-de-vacunacion/`), /vista-previa-direcciones/);
  } finally {
    child.kill();
  }
});

test("serve listens on this machine alone (drafts, embargoes); --host 0.0.0.0 opens it to the network and names its addresses", async () => {
  const dir = await siteWith("boletines-serve-host-", { "2024-04-09-embargo.md": '---\ntitle: "Con embargo"\ndate: 2030-01-01\ndescription: "d"\n---\nTexto.\n' });
  // Another address of this machine, as a phone on the same network would use it.
  const external = Object.values(os.networkInterfaces()).flat().find((a) => a !== undefined && a.family === "IPv4" && !a.internal)?.address;
  assert.ok(external, "this machine has a network address besides 127.0.0.1 (the test needs one)");

  const local = await startServe(dir);
  try {
    await local.log.waitFor(/Vista previa en http/);
    assert.match(await fetchText(`${local.base}/boletines/2030/01/con-embargo/`), /Programado/);
    await assert.rejects(fetchText(`http://${external}:${local.port}/`), /ECONNREFUSED/);
    assert.doesNotMatch(local.log.text, /Abierta a la red/);
  } finally {
    local.child.kill();
  }

  const open = await startServe(dir, "--host", "0.0.0.0");
  try {
    await open.log.waitFor(/Abierta a la red, con borradores y boletines con embargo: /);
    assert.match(open.log.text, new RegExp(`http://${external.replace(/\./g, "\\.")}:${open.port}/`));
    assert.match(await fetchText(`http://${external}:${open.port}/boletines/2030/01/con-embargo/`), /Programado/);
  } finally {
    open.child.kill();
  }

  const wrong = spawnSync(process.execPath, [path.join(ROOT, "bin/boletines.js"), "serve", "--host", "mi-red"], { cwd: dir, encoding: "utf8" });
  assert.equal(wrong.status, 2);
  assert.match(wrong.stderr, /--host debe ser una dirección IP/);
});

test("serve on a port already taken moves to the next one and says which", async () => {
  const dir = await siteWith("boletines-serve-port-", { "2024-04-09-a.md": '---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\n---\nTexto.\n' });
  const taken = createServer();
  const port = await freePort();
  await new Promise<void>((resolve) => taken.listen(port, "127.0.0.1", resolve));
  const child = spawn(process.execPath, [path.join(ROOT, "bin/boletines.js"), "serve", "--port", String(port)], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
  const log = logWatcher([child.stdout, child.stderr]);
  try {
    await log.waitFor(/Vista previa en http/);
    const shown = Number(/Vista previa en http:\/\/localhost:(\d+)\//.exec(log.text)![1]);
    assert.ok(shown > port, `moved from ${port} to ${shown}`);
    assert.match(await fetchText(`http://127.0.0.1:${shown}/boletines/2024/04/a/`), /<h1[^>]*>A<\/h1>/);
  } finally {
    child.kill();
    taken.close();
  }
});

test("serve: an old address's page forwards with the reader's query and fragment in the preview too, also when opened without its trailing slash", async () => {
  const dir = await siteWith("boletines-serve-stub-", { "2024-04-09-movido.md": '---\ntitle: "Boletín movido"\ndate: 2024-04-09\ndescription: "d"\nredirect_from: /news/190812/\n---\nTexto.\n' });
  const { child, log, base } = await startServe(dir);
  try {
    await log.waitFor(/Vista previa en http/);
    const bulletin = "/boletines/2024/04/boletin-movido/";
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const problems = problemsOf(page);
      // Without the slash, the server's redirect to /news/190812/ keeps the query (the browser keeps the fragment).
      for (const old of ["/news/190812/", "/news/190812"]) {
        await page.goto(`${base}${old}?utm_source=fb#x`, { waitUntil: "commit", timeout: E2E_TIMEOUT_MS });
        await page.waitForURL((u) => u.pathname === bulletin, { timeout: E2E_TIMEOUT_MS });
        assert.equal(page.url(), `${base}${bulletin}?utm_source=fb#x`, old);
      }
      assert.match((await page.textContent("h1")) ?? "", /Boletín movido/);
      assert.deepEqual(problems, [], "no script or CSP error");
    } finally {
      await browser.close();
    }
  } finally {
    child.kill("SIGTERM");
  }
});

test("serve with BOLETINES_BASE_URL under a path (GitHub Pages without a custom domain): the preview stays at the root of this machine, its pages link there, and it says so", async () => {
  const dir = await siteWith("boletines-serve-prefix-", { "2024-04-09-a.md": '---\ntitle: "A"\ndate: 2024-04-09\ndescription: "d"\ntags: [salud]\n---\nVea el [archivo](/boletines/).\n' });
  const { child, log, base } = await startServe(dir, { env: { BOLETINES_BASE_URL: "https://imss-mx.github.io/boletines" } });
  try {
    await log.waitFor(/Vista previa en http/);
    await log.waitFor(/El sitio se publica bajo \/boletines\/ \(https:\/\/imss-mx\.github\.io\/boletines\/\); la vista previa lo muestra en la raíz\./);
    const page = await fetchText(`${base}/boletines/2024/04/a/`);
    const stylesheet = /<link rel="stylesheet" href="(\/css\/site\.[0-9a-f]{10}\.css)">/.exec(page)?.[1];
    assert.ok(stylesheet, page.slice(0, 1500));
    assert.match(await fetchText(`${base}${stylesheet}`), /url\("\/fonts\/noto-sans-latin\.[0-9a-f]{10}\.woff2"\)/);
    assert.match(page, /<a href="\/temas\/salud\/">salud<\/a>|<a href="\/temas\/salud\/" data-pagefind-filter="tag">salud<\/a>/);
    assert.match(page, /<a href="\/boletines\/">archivo<\/a>/, "a body's site path, at the root too");
    assert.match(await fetchText(`${base}/temas/salud/`), /<h1>Tema: salud<\/h1>/);
  } finally {
    child.kill();
  }
});
