import { existsSync, watch, type FSWatcher } from "node:fs";
import { isIP } from "node:net";
import os from "node:os";
import path from "node:path";
import EleventyDevServer from "@11ty/eleventy-dev-server";
import { buildSite } from "../build/build.ts";
import { ELEVENTY_DIRS } from "../eleventy/configure.ts";
import { summarizeProblems } from "../model/problems.ts";
import { PROJECT_ROOT } from "../project-root.ts";
import { displayPath } from "../model/load.ts";
import { folderOption, parseCommandArgs, UsageError } from "./args.ts";
import { prepareOptionsFrom, printProblems, WARNINGS_PER_KIND } from "./common.ts";
import { pageWithAddressNotice, pageWithFailure, type PreviewFailure } from "./preview-problems.ts";
import { ADDRESS_LOST } from "../model/kept-addresses.ts";
import type { Problem } from "../model/problems.ts";
import { earlierRevision } from "./earlier-revision.ts";
import { countOf } from "../policy/numbers.ts";
import { pathPrefixOf } from "../policy/urls.ts";
import { atRootOfOrigin } from "../site.ts";

export const usage = `boletines serve [--content DIR] [--port N] [--out DIR] [--host DIRECCIÓN]
  Vista previa con recarga automática en http://localhost:8080/. Muestra borradores («Borrador»)
  y boletines programados («Programado»). Un error en un boletín se muestra aquí y el servidor sigue.
  Solo este equipo la ve; --host 0.0.0.0 la abre a la red (para verla en un teléfono), con sus
  borradores y boletines con embargo.`;

/** Only this machine: the preview shows drafts and embargoed bulletins. */
const LOOPBACK = "127.0.0.1";

/** Where the preview is written: never the production `_site/`, so drafts cannot be published by mistake. */
const PREVIEW_OUT = ".cache/preview";
/** The preview's own build cache: a `boletines build` running at the same time keeps its own. */
const PREVIEW_CACHE = ".cache/boletines-preview";
/** Saves this close together (an editor saving several files, a `git pull`) make one rebuild. */
const SETTLE_MS = 150;

/**
 * The preview: the same build as `boletines build` (cache, only the files that changed are
 * written, the same layouts), with drafts and scheduled bulletins, no search index, served by
 * Eleventy's dev server, which reloads the open pages after each rebuild. At 10,000 bulletins
 * a save is shown in about the time of a rebuild (docs/benchmarks.md), not of a whole site.
 */
export default async function serve(argv: string[]): Promise<number> {
  const { values } = parseCommandArgs(argv, { content: { type: "string" }, public: { type: "string" }, port: { type: "string" }, out: { type: "string" }, host: { type: "string" } });
  const host = values.host ?? LOOPBACK;
  if (isIP(host) === 0 && host !== "localhost") throw new UsageError(`--host debe ser una dirección IP (127.0.0.1, solo este equipo; 0.0.0.0, toda la red), no «${host}».`);
  const port = Number(values.port ?? "8080");
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port debe ser un número de puerto, no «${values.port}».`);
  const outDir = folderOption(values.out, "--out", PREVIEW_OUT);
  const flags = { ...values, drafts: true, future: true };
  // At the root of this machine's server, also for a site published under a path (BOLETINES_BASE_URL=https://…/boletines).
  const previewOptions = () => {
    const options = prepareOptionsFrom(flags);
    return { ...options, site: atRootOfOrigin(options.site) };
  };
  const first = prepareOptionsFrom(flags);
  const publishedUnder = pathPrefixOf(first.site.baseUrl);

  let builds = 0;
  // A preview left by an earlier session is what the server shows until a build succeeds.
  let shown = existsSync(outDir);
  /** Why the last save is not shown, while it is not: every page is served with a notice saying so (preview-problems.ts). */
  let failure: PreviewFailure | undefined;
  /** Addresses already published that the last good save takes away (against the last commit): said above every page. */
  let lostAddresses: Problem[] = [];
  // Like Eleventy's own server: a port already taken moves to the next free one (the URL printed is the real one).
  const server = EleventyDevServer.getServer("boletines", outDir, {
    domDiff: false,
    messageOnStart: () => false,
    // Pages pass through untouched, except while the last save has errors or takes away published addresses.
    onRequest: {
      "/*": ({ url }: { url: URL }): { status: number; headers: Record<string, string>; body: string } | undefined => {
        // The server's own redirect to a folder's trailing slash (/news/190812 → /news/190812/) drops the
        // query; this one keeps it, as hosts do, so an old address's stub gets ?utm_source=… (public/js/redirect.js).
        if (url.search && !url.pathname.endsWith("/")) {
          const match = server.mapUrlToFilePath(url.pathname);
          if (match.statusCode === 301 && match.url) return { status: 301, headers: { Location: `${match.url}${url.search}` }, body: "" };
        }
        const body = failure ? pageWithFailure(outDir, url.pathname, failure) : lostAddresses.length ? pageWithAddressNotice(outDir, url.pathname, lostAddresses) : undefined;
        return body === undefined ? undefined : { status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body };
      },
    },
    logger: { log: () => undefined, info: () => undefined, error: (m: string) => void process.stderr.write(`${m}\n`) },
  });

  /** One build of the preview; the clock is read again each time (scheduled bulletins come due). */
  const rebuild = async (): Promise<void> => {
    const options = previewOptions();
    // As `check` does: an edit not yet committed that takes away a published address is said at once.
    const earlier = earlierRevision(undefined, options);
    const result = await buildSite({ ...options, ...(earlier ? { earlier: earlier.bulletins } : {}), outDir, cacheDir: path.resolve(PREVIEW_CACHE), search: false, quiet: true });
    builds += 1;
    printProblems(result.problems, "text", process.stderr, { warningsPerKind: WARNINGS_PER_KIND });
    if (!result.ok) {
      if (result.fatal) process.stderr.write(`${result.fatal}\n`);
      failure = { errors: result.problems.filter((p) => p.severity === "error"), ...(result.fatal ? { fatal: result.fatal } : {}), stale: shown };
      // Open pages load again, now with the notice.
      server.reload({ files: [] });
      // A content error must not stop the preview: it keeps showing the last good version.
      process.stderr.write(
        shown
          ? "La vista previa sigue mostrando la última versión sin errores. Corrige el archivo y guarda.\n"
          : "Aún no hay una versión sin errores que mostrar. Corrige el archivo y guarda.\n",
      );
      return;
    }
    shown = true;
    const wasFailing = failure !== undefined;
    failure = undefined;
    lostAddresses = result.problems.filter((p) => p.code === ADDRESS_LOST);
    process.stderr.write(`${new Date().toLocaleTimeString("es-MX", { timeZone: options.site.timeZone })} · ${countOf(result.published, "boletín", "boletines")}. ${summarizeProblems(result.problems)}\n`);
    if (builds > 1 || wasFailing) {
      server.reload({ files: [] });
      // Editors (and the tests) learn here that the preview now shows their last save.
      process.stdout.write(`Vista previa actualizada (${builds}).\n`);
    }
  };

  // One rebuild at a time; saves made during a rebuild make one more after it.
  let running: Promise<void> | undefined;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  const schedule = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (running) {
        pending = true;
        return;
      }
      running = rebuild()
        .catch((error: unknown) => void process.stderr.write(`No se pudo generar la vista previa: ${error instanceof Error ? error.message : String(error)}\n`))
        .finally(() => {
          running = undefined;
          if (pending) {
            pending = false;
            schedule();
          }
        });
    }, SETTLE_MS);
  };

  await rebuild();
  const watchers: FSWatcher[] = [];
  /** Watches a folder and what is under it; one that does not exist was already reported by the build (content, public). */
  const watchFolder = (dir: string, onChange: () => void): void => {
    if (!existsSync(dir)) return;
    try {
      watchers.push(watch(dir, { recursive: true }, onChange));
    } catch {
      process.stderr.write(`No se puede vigilar ${displayPath(dir)}: los cambios ahí no se verán hasta reiniciar.\n`);
    }
  };
  // Content, public files and the layouts (a layout edited changes every page it makes).
  for (const dir of [first.contentDir, first.publicDir, path.resolve(PROJECT_ROOT, ELEVENTY_DIRS.input, ELEVENTY_DIRS.includes)]) watchFolder(dir, schedule);
  // The preview runs the code it started with: an edit to boletines itself needs a restart, and says so.
  let codeNoticed = false;
  watchFolder(path.join(PROJECT_ROOT, "src"), () => {
    if (codeNoticed) return;
    codeNoticed = true;
    process.stderr.write("Cambió el código de boletines (src/): reinicia «boletines serve» para usarlo.\n");
  });

  // Eleventy's dev server listens on every interface and has no option for it: its one listening call
  // (also used for the next port when one is taken) is replaced so that it listens on `host` alone.
  server._serverListen = (portToTry: number) => void server.server.listen({ port: portToTry, host });
  server.serve(port);
  await server.ready();
  process.stdout.write(`Vista previa en ${server.getServerUrl("localhost", "/")} (Ctrl+C para salir)\n`);
  if (publishedUnder) process.stdout.write(`El sitio se publica bajo ${publishedUnder}/ (${first.site.baseUrl}/); la vista previa lo muestra en la raíz.\n`);
  if (host !== LOOPBACK && host !== "localhost") {
    const others = networkUrls(host).map((h) => server.getServerUrl(h, "/"));
    process.stdout.write(`Abierta a la red, con borradores y boletines con embargo${others.length ? `: ${others.join(" · ")}` : ""}.\n`);
  }
  await new Promise<void>((resolve) => {
    process.once("SIGINT", () => resolve());
    process.once("SIGTERM", () => resolve());
  });
  clearTimeout(timer);
  for (const w of watchers) w.close();
  await running;
  await server.close();
  return 0;
}

/** The addresses other devices can use to reach a server listening on `host`: its own, or for 0.0.0.0 / :: this machine's external IPv4 addresses. */
function networkUrls(host: string): string[] {
  if (host !== "0.0.0.0" && host !== "::") return [host.includes(":") ? `[${host}]` : host];
  return Object.values(os.networkInterfaces())
    .flat()
    .filter((a) => a !== undefined && a.family === "IPv4" && !a.internal)
    .map((a) => a!.address);
}
