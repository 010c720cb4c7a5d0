import type { DateTime } from "luxon";
import type { Label } from "../policy/labels.ts";
import { monthName } from "../policy/dates.ts";
import { monthUrl, PATHS, pathIdentity, sectionFeedUrl, sectionUrl, tagFeedUrl, tagUrl, yearUrl } from "../policy/urls.ts";
import type { Bulletin } from "./bulletin.ts";
import { claimsOfBulletins, forwardRoutes, selectForwards, selectPublished, type PathClaim } from "./corpus.ts";
import type { Problem } from "./problems.ts";

/** The code of every problem found here. */
export const ADDRESS_LOST = "address-lost";

/**
 * A bulletin as an earlier revision of the content had it (read from git by `src/cli/earlier-revision.ts`),
 * with the file that holds it now: the same path, or the one git says it was renamed to; absent when the
 * file was deleted. Its `file` names the earlier path.
 */
export interface EarlierBulletin {
  bulletin: Bulletin;
  /** The file that holds it now, as problems name files; absent when it was deleted. */
  nowIn?: string;
}

/** Production rules: the bulletins with a page readers can open. */
function published(bulletins: readonly Bulletin[], now: DateTime): Bulletin[] {
  return selectPublished(bulletins, { drafts: false, future: false, now });
}

/** Production rules: what readers can reach (pages, and forwards' redirects). */
function reachable(bulletins: readonly Bulletin[], now: DateTime): Bulletin[] {
  return [...published(bulletins, now), ...selectForwards(bulletins, { drafts: false })];
}

/**
 * The bulletin that holds an earlier one now: `null` when its file no longer makes a bulletin (it has
 * errors of its own, which stop the build already), `undefined` when the file was deleted.
 */
function holderOf(nowIn: string | undefined, byFile: ReadonlyMap<string, Bulletin>): Bulletin | null | undefined {
  return nowIn === undefined ? undefined : (byFile.get(nowIn) ?? null);
}

/**
 * Addresses readers could open at the earlier revision (a published bulletin's page, its `redirect_from`
 * and number paths, a forward's) must still open something: links to them are already shared, printed
 * and indexed. Each one no bulletin of the content now claims is a warning on the file that changed
 * (naming the field that moved it and the line to add) or, for a deleted file, on that file.
 * Warnings, not errors: taking a bulletin down can be the intent; `check --strict` makes them fail.
 */
/** How many bulletins the feeds carry (site.ts `feedSize`, `tagFeedSize`): a renamed file matters while it is among them. */
export interface FeedSizes {
  feedSize: number;
  tagFeedSize: number;
}

export function findLostAddresses(earlier: readonly EarlierBulletin[], current: readonly Bulletin[], now: DateTime, feeds?: FeedSizes): Problem[] {
  const kept = keptIdentities(current, now);
  const byFile = new Map(current.map((b) => [b.file, b]));
  const problems: Problem[] = [];
  for (const { bulletin: before, nowIn } of earlier) {
    const lost = lostClaims(before, kept, now);
    if (!lost.length) continue;
    const holder = holderOf(nowIn, byFile);
    if (holder === undefined) problems.push(deletedProblem(before, lost));
    else if (holder && !reachable([holder], now).length) problems.push(hiddenProblem(before, holder, lost));
    else if (holder) for (const claim of lost) problems.push(movedProblem(before, holder, claim));
  }
  const changed = earlierPublished(earlier, byFile, now);
  problems.push(...lostListPages(changed, current, kept, now));
  problems.push(...lostArchivePages(changed, current, kept, now));
  if (feeds) problems.push(...renamedFeedEntries(changed, current, now, feeds));
  return problems;
}

/**
 * A feed entry's id comes from its file's path (render/feeds.ts `entryId`: it survives a new title).
 * A published bulletin whose file was renamed or moved gets another id, and news readers show it
 * again as new to everyone who follows the site, its section or its topic: said while it is among a
 * feed's entries (past them, no reader sees it again).
 */
function renamedFeedEntries(changed: ReturnType<typeof earlierPublished>, current: readonly Bulletin[], now: DateTime, feeds: FeedSizes): Problem[] {
  const renamed = changed.filter(({ before, holder }) => holder && holder.id !== before.id && published([holder], now).length);
  if (!renamed.length) return [];
  // Newest first, as the feeds list them (ties by id).
  const newest = published(current, now).sort((a, b) => b.date!.epochMs - a.date!.epochMs || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const rank = (b: Bulletin, among: (x: Bulletin) => boolean) => newest.filter(among).indexOf(b);
  return renamed.flatMap(({ before, holder }) => {
    const b = holder!;
    const inFeeds =
      rank(b, () => true) < feeds.feedSize ||
      rank(b, (x) => x.section.slug === b.section.slug) < feeds.feedSize ||
      b.tags.some((t) => rank(b, (x) => x.tags.some((u) => u.slug === t.slug)) < feeds.tagFeedSize);
    if (!inFeeds) return [];
    return [
      {
        severity: "warning" as const,
        code: "feed-entry-renamed",
        file: b.file,
        message: `Este archivo se llamaba ${before.file}: su entrada en los feeds cambia de identificador (sale de la ruta del archivo), y los lectores de noticias de quienes siguen el sitio la mostrarían otra vez como nueva.`,
        hint: `Si el nombre nuevo no hace falta, devuélvele el anterior: git mv ${b.file} ${before.file}. Cuando el boletín ya no esté entre los más recientes, cambiarle el nombre no se nota.`,
      },
    ];
  });
}

/** The earlier bulletins readers could open, by file, each with the bulletin that holds it now (undefined: deleted); files now in error left out. */
function earlierPublished(earlier: readonly EarlierBulletin[], byFile: ReadonlyMap<string, Bulletin>, now: DateTime): Array<{ before: Bulletin; holder: Bulletin | undefined }> {
  return [...earlier]
    .sort((a, b) => (a.bulletin.file < b.bulletin.file ? -1 : 1))
    .flatMap(({ bulletin: before, nowIn }) => {
      const holder = holderOf(nowIn, byFile);
      return !published([before], now).length || holder === null ? [] : [{ before, holder }];
    });
}

/**
 * A year's and a month's page of the archive (`/boletines/2024/`, `/boletines/2024/04/`) exist while a
 * published bulletin is dated then. When the change leaves none (the month's only bulletin deleted, or
 * its date moved), the page goes with the links to it: said once per page, on a file that was dated
 * then, with the forward file that sends it to the year's page (or the archive's, for a year).
 */
function lostArchivePages(changed: ReturnType<typeof earlierPublished>, current: readonly Bulletin[], kept: ReadonlySet<string>, now: DateTime): Problem[] {
  const datedNow = published(current, now).flatMap((b) => (b.date ? [b.date] : []));
  const yearsNow = new Set(datedNow.map((d) => d.year));
  const monthsNow = new Set(datedNow.map((d) => `${d.year}/${d.monthPadded}`));
  const said = new Set<string>();
  const problems: Problem[] = [];
  for (const { before, holder } of changed) {
    const date = before.date;
    if (!date) continue;
    const pages = [
      ...(yearsNow.has(date.year) ? [] : [{ what: `de ${date.year}`, path: yearUrl(date.year), to: PATHS.bulletins, name: `archivo-${date.year}` }]),
      ...(monthsNow.has(`${date.year}/${date.monthPadded}`) ? [] : [{ what: `de ${monthName(date.month)} de ${date.year}`, path: monthUrl(date.year, date.monthPadded), to: yearsNow.has(date.year) ? yearUrl(date.year) : PATHS.bulletins, name: `archivo-${date.year}-${date.monthPadded}` }]),
    ];
    for (const page of pages) {
      // What a forward file (redirect_to:) already keeps is not lost.
      if (said.has(page.path) || kept.has(pathIdentity(page.path))) continue;
      said.add(page.path);
      problems.push({
        severity: "warning",
        code: ADDRESS_LOST,
        ...(holder ? at(holder, "date") : { file: before.file }),
        message: `Ya ningún boletín publicado es ${page.what}: la página del archivo ${page.path} dejaría de existir, y los enlaces ya compartidos llevarían a «no encontrado».`,
        hint: `Si se quiere conservar, que lleve a ${page.to} con un archivo de reenvío (con title: y date:): content/redirecciones/${page.name}.md con redirect_to: ${page.to} y redirect_from: ${page.path}.`,
      });
    }
  }
  return problems;
}

/**
 * A topic's or a section's page exists while a published bulletin has it. When the change leaves none
 * (a tag renamed, or its last bulletin deleted), the page and its feed go, with the links to them and
 * their subscribers; said once per topic or section, on a file that had it, naming what keeps the
 * addresses: a forward file (`redirect_to:`) whose `redirect_from` holds them. Bulletins the change did
 * not touch still have theirs, so the earlier versions of the changed files are all it needs.
 */
function lostListPages(changed: ReturnType<typeof earlierPublished>, current: readonly Bulletin[], kept: ReadonlySet<string>, now: DateTime): Problem[] {
  const publishedNow = published(current, now);
  const tagsNow = new Set(publishedNow.flatMap((b) => b.tags.map((t) => t.slug)));
  const sectionsNow = new Set(publishedNow.map((b) => b.section.slug));
  const said = new Set<string>();
  const problems: Problem[] = [];
  for (const { before, holder } of changed) {
    const lists: Array<{ field: "tags" | "section"; what: string; label: Label; page: string; feed: string; base: string }> = [
      ...before.tags.filter((t) => !tagsNow.has(t.slug)).map((t) => ({ field: "tags" as const, what: "el tema", label: t, page: tagUrl(t.slug), feed: tagFeedUrl(t.slug), base: PATHS.tags })),
      ...(sectionsNow.has(before.section.slug)
        ? []
        : [{ field: "section" as const, what: "la sección", label: before.section, page: sectionUrl(before.section.slug), feed: sectionFeedUrl(before.section.slug), base: PATHS.sections }]),
    ];
    for (const list of lists) {
      const key = `${list.field}:${list.label.slug}`;
      // What a forward file (redirect_to:) already keeps is not lost.
      const gone = [{ what: "su página", path: list.page }, { what: "su feed", path: list.feed }].filter((a) => !kept.has(pathIdentity(a.path)));
      if (said.has(key) || !gone.length) continue;
      said.add(key);
      const name = `${list.field === "tags" ? "tema" : "seccion"}-${list.label.slug}`;
      // The new name, when the change put exactly one in place of the old (a rename); else a placeholder.
      const renamed = holder ? replacementOf(before, holder, list.field) : undefined;
      const target = `${list.base}${renamed ?? "<nuevo>"}/`;
      // A forward of the page to another topic's page carries the feed too (corpus.ts forwardRoutes): one file.
      const pageGone = gone.some((a) => a.what === "su página");
      const file = pageGone
        ? `content/redirecciones/${name}.md con redirect_to: ${target} y redirect_from: ${list.page}${gone.length > 1 ? ` (lleva también el feed a ${target}feed.xml)` : ""}`
        : `content/redirecciones/${name}-feed.md con redirect_to: ${target}feed.xml y redirect_from: ${list.feed}`;
      problems.push({
        severity: "warning",
        code: ADDRESS_LOST,
        ...(holder ? at(holder, list.field) : { file: before.file }),
        message: `Ya ningún boletín publicado tiene ${list.what} «${list.label.label}»: ${gone.map((a) => `${a.what} (${a.path})`).join(" y ")} ${gone.length > 1 ? "dejarían" : "dejaría"} de existir. Los enlaces ya compartidos llevarían a «no encontrado»${gone.some((a) => a.what === "su feed") ? ", y quienes siguen ese feed dejarían de recibir boletines" : ""}.`,
        hint: `Si cambió de nombre, que ${gone.length > 1 ? "sus direcciones lleven a las" : "su dirección lleve a la"} del nuevo con un archivo de reenvío (con title: y date:): ${file}.`,
      });
    }
  }
  return problems;
}

/**
 * The slug of the topic (or section) the holder has in place of one `before` had: the one new tag when
 * there is exactly one, or the new section; undefined when the change is no plain rename.
 */
function replacementOf(before: Bulletin, holder: Bulletin, field: "tags" | "section"): string | undefined {
  if (field === "section") return holder.section.slug !== before.section.slug ? holder.section.slug : undefined;
  const had = new Set(before.tags.map((t) => t.slug));
  const added = holder.tags.filter((t) => !had.has(t.slug));
  return added.length === 1 ? added[0]!.slug : undefined;
}

/** The addresses `bulletins` give readers: pages, redirects, and the feeds forwards carry (corpus.ts `forwardRoutes`). */
function readersClaims(bulletins: readonly Bulletin[], now: DateTime): PathClaim[] {
  const open = reachable(bulletins, now);
  const claims = claimsOfBulletins(open);
  for (const f of open) {
    if (f.redirectTo === undefined) continue;
    for (const r of forwardRoutes(f)) if (r.carried) claims.push({ path: r.from, bulletin: f, kind: "redirect" });
  }
  return claims;
}

/** Every address `bulletins` give readers, as `pathIdentity` compares them. */
function keptIdentities(bulletins: readonly Bulletin[], now: DateTime): Set<string> {
  return new Set(readersClaims(bulletins, now).map((c) => pathIdentity(c.path)));
}

/** The addresses `before` gave readers that none of `kept` has, each once. */
function lostClaims(before: Bulletin, kept: ReadonlySet<string>, now: DateTime): PathClaim[] {
  const seen = new Set<string>();
  return readersClaims([before], now).filter((c) => {
    const key = pathIdentity(c.path);
    if (kept.has(key) || seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * The addresses the `replaced` bulletins gave readers that `replacement` would not: what a file written
 * in their place (`import --force`) keeps in its `redirect_from`, so that nothing already shared breaks.
 */
export function addressesToKeep(replaced: readonly Bulletin[], replacement: Bulletin, now: DateTime): string[] {
  const kept = keptIdentities([replacement], now);
  const keep: string[] = [];
  for (const before of replaced) {
    for (const claim of lostClaims(before, kept, now)) {
      kept.add(pathIdentity(claim.path));
      keep.push(claim.path);
    }
  }
  return keep;
}

const AFTER = "Los enlaces ya compartidos, impresos o guardados en buscadores llevarían a «no encontrado».";

function others(lost: readonly PathClaim[]): string {
  const n = lost.filter((c) => c.kind !== "page").length;
  return n === 0 ? "" : n === 1 ? ` y desde ${lost.find((c) => c.kind !== "page")!.path}` : ` y desde ${n} direcciones antiguas`;
}

function deletedProblem(before: Bulletin, lost: readonly PathClaim[]): Problem {
  const first = lost[0]!.path;
  const page = lost.find((c) => c.kind === "page");
  const where = page ? `publicado en ${page.path}${others(lost)}` : `al que llevaba ${first}${lost.length > 1 ? ` (y ${lost.length - 1} direcciones más)` : ""}`;
  return {
    severity: "warning",
    code: ADDRESS_LOST,
    file: before.file,
    message: `Se borró este boletín, ${where}: ${lost.length === 1 ? "esa dirección ya no llevará" : "esas direcciones ya no llevarán"} a ninguna página. ${AFTER}`,
    hint: `Si otro boletín lo reemplaza, agrega en él redirect_from: ${first}. Si debe seguir en línea, recupera el archivo de la historia de git.`,
  };
}

function hiddenProblem(before: Bulletin, holder: Bulletin, lost: readonly PathClaim[]): Problem {
  const draft = holder.draft;
  const field = draft ? "draft" : "date";
  const why = draft ? "ahora es borrador (draft: true)" : holder.date ? `ahora tiene una fecha que no ha llegado (${holder.date.text}): no se publica hasta entonces` : "ahora no tiene fecha";
  const page = lost.find((c) => c.kind === "page")?.path ?? lost[0]!.path;
  return {
    severity: "warning",
    code: ADDRESS_LOST,
    ...at(holder, field),
    message: `Este boletín estaba publicado en ${page}${others(lost)} y ${why}: ${lost.length === 1 ? "esa dirección ya no llevará" : "esas direcciones ya no llevarán"} a ninguna página. ${AFTER}`,
    hint: draft ? "Si debe seguir en línea, quita draft: true." : `Si debe seguir en línea, deja la fecha con que se publicó: date: ${before.date ? (before.date.hasTime ? before.date.iso : before.date.day) : "…"}.`,
  };
}

function movedProblem(before: Bulletin, holder: Bulletin, claim: PathClaim): Problem {
  if (claim.kind === "page") {
    const { field, why } = moveCause(before, holder);
    const slug = field === "title" ? `, o conserva la dirección anterior con slug: ${before.slug}` : "";
    return {
      severity: "warning",
      code: ADDRESS_LOST,
      ...at(holder, field),
      message: `La dirección de este boletín cambió (${why}): era ${claim.path}, ahora es ${holder.url}. ${AFTER}`,
      hint: `Agrega redirect_from: ${claim.path} para que sigan llegando aquí${slug}.`,
    };
  }
  if (claim.automatic) {
    return {
      severity: "warning",
      code: ADDRESS_LOST,
      ...at(holder, "number"),
      message: `La dirección ${claim.path}, la del número ${before.number ?? ""}, ya no lleva a ninguna página. ${AFTER}`,
      hint: `Si el número cambió, agrega redirect_from: ${claim.path} para conservarla.`,
    };
  }
  return {
    severity: "warning",
    code: ADDRESS_LOST,
    ...at(holder, "redirect_from"),
    message: `La dirección antigua ${claim.path} llevaba a este boletín (redirect_from) y ya no lleva a ninguna página. ${AFTER}`,
    hint: `Si se quitó sin querer, vuelve a escribirla: redirect_from: ${claim.path}. Si ahora es de otro boletín, escríbela en el suyo.`,
  };
}

/** Which field moved a bulletin's page, in the editor's words. */
function moveCause(before: Bulletin, holder: Bulletin): { field: string; why: string } {
  if (holder.hasPermalink || before.hasPermalink) return { field: "permalink", why: "cambió permalink" };
  if (holder.slug !== before.slug) return holder.positions["slug"] || before.positions["slug"] ? { field: "slug", why: "cambió slug" } : { field: "title", why: "cambió el título" };
  return { field: "date", why: "cambió el mes de la fecha" };
}

function at(holder: Bulletin, field: string): Pick<Problem, "file" | "field" | "line" | "column"> {
  const position = holder.positions[field];
  return { file: holder.file, field, ...(position ? { line: position.line, column: position.column } : {}) };
}
