import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { SiteConfig } from "../site.ts";
import { accentCount, LabelChooser, labelSlug, shoutedLabel, type AcronymLexicon } from "../policy/labels.ts";
import { hasHtmlStub } from "../policy/site-paths.ts";
import { bulletinNumberPaths, listFeedOf, pathIdentity } from "../policy/urls.ts";
import type { Bulletin, ShoutedLabel } from "./bulletin.ts";
import { listContentFiles, loadContentFile, type ContentFile, type Listing } from "./load.ts";
import { normalizeBulletin, type NormalizeContext, type NormalizeResult } from "./normalize.ts";
import { hasErrors, type Problem } from "./problems.ts";

/**
 * The whole content folder, loaded once: every valid bulletin plus every problem found,
 * in every file (never just the first).
 */
export interface Corpus {
  bulletins: Bulletin[];
  problems: Problem[];
  fileCount: number;
  /**
   * Files with errors, read as far as their addresses (`NormalizeResult.partial`): compared here with the
   * bulletins, and by the build with the site's own pages (`findCollisionsOfFilesWithErrors`).
   */
  withErrors: Bulletin[];
}

export interface CorpusOptions {
  contentDir: string;
  publicDir: string;
  site: SiteConfig;
  /** Reads and normalizes one file; injectable so a cache can stand in front of it. */
  loadFile?: (file: ContentFile, ctx: NormalizeContext) => Promise<NormalizeResult>;
  /** The listing of `contentDir`, made elsewhere (build/prefetch.ts); undefined: listed here. */
  listing?: Promise<Listing | undefined>;
}

/** One file, read and normalized (what `loadFile` stands in for); `onBytes` sees the bytes read. */
export async function loadAndNormalize(file: ContentFile, ctx: NormalizeContext, onBytes?: (bytes: Buffer) => void): Promise<NormalizeResult> {
  const loaded = loadContentFile(file, onBytes);
  if (!loaded.ok) return { problems: loaded.problems };
  return normalizeBulletin(loaded.doc, ctx);
}

const READ_CONCURRENCY = 64;

export async function loadCorpus({ contentDir, publicDir, site, loadFile = loadAndNormalize, listing: listed }: CorpusOptions): Promise<Corpus> {
  if (!existsSync(contentDir) || !statSync(contentDir).isDirectory()) {
    return {
      bulletins: [],
      fileCount: 0,
      problems: [{ severity: "error", code: "content-missing", file: contentDir, message: "La carpeta de contenido no existe.", hint: "Crea la carpeta o indica otra con --content DIR." }],
      withErrors: [],
    };
  }
  const listing = (await listed) ?? (await listContentFiles(contentDir));
  const problems: Problem[] = [...listing.problems];
  const imageExists = makeImageExists(publicDir);
  const results: Array<Bulletin | undefined> = new Array(listing.files.length);
  // Files with errors whose addresses are known all the same (`NormalizeResult.partial`).
  const partial: Array<Bulletin | undefined> = [];
  let next = 0;
  async function worker(): Promise<void> {
    while (next < listing.files.length) {
      const index = next++;
      const file = listing.files[index]!;
      const ctx = { site, imageExists };
      const normalized = await loadFile(file, ctx);
      problems.push(...normalized.problems);
      results[index] = normalized.bulletin;
      if (!normalized.bulletin && hasErrors(normalized.problems)) {
        // A cache keeps no partial bulletin: the few files with errors are read again.
        partial[index] = normalized.partial ?? (loadFile === loadAndNormalize ? undefined : (await loadAndNormalize(file, ctx)).partial);
      }
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, listing.files.length) }, worker));
  const bulletins = results.filter((b): b is Bulletin => b !== undefined);
  const withErrors = partial.filter((b): b is Bulletin => b !== undefined);
  problems.push(...findProblemsOfFilesWithErrors(bulletins, withErrors));
  problems.push(...findForwardChains(withErrors.length ? [...bulletins, ...withErrors] : bulletins));
  const labels = chooseCorpusLabels(bulletins);
  problems.push(...findShoutedLabels(bulletins, labels));
  return { bulletins: applyCorpusLabels(bulletins, labels), problems, fileCount: listing.files.length, withErrors };
}

/**
 * What the site-wide checks (a shared address, a shared number) find in files with errors, which have
 * no bulletin: an error in one file must not hide another problem until the next run. `withErrors` are
 * those files read as far as they could be (`NormalizeResult.partial`, only when their addresses are
 * known); the problems between valid bulletins alone are found by the build's checks (prepare.ts).
 */
function findProblemsOfFilesWithErrors(bulletins: readonly Bulletin[], withErrors: readonly Bulletin[]): Problem[] {
  if (withErrors.length === 0) return [];
  const files = new Set(withErrors.map((b) => b.file));
  const all = [...bulletins, ...withErrors];
  const involved = (p: Problem) => files.has(p.file) || (p.otherFile !== undefined && files.has(p.otherFile));
  return [...findPathCollisions(claimsOfBulletins(all)), ...findDuplicateNumbers(all)].filter(involved);
}

/**
 * The collisions of files with errors with the site's own paths (`siteClaims`: generated pages, public/
 * files), which `loadCorpus` cannot see: those with bulletins and between themselves are found there.
 */
export function findCollisionsOfFilesWithErrors(withErrors: readonly Bulletin[], siteClaims: readonly PathClaim[]): Problem[] {
  if (withErrors.length === 0) return [];
  const files = new Set(withErrors.map((b) => b.file));
  return findPathCollisions([...siteClaims, ...claimsOfBulletins(withErrors)]).filter((p) => files.has(p.file) && p.otherFile === undefined);
}

export function makeImageExists(publicDir: string): (sitePath: string) => boolean {
  const root = path.resolve(publicDir);
  return (sitePath) => {
    const abs = path.resolve(root, `.${sitePath}`);
    if (!abs.startsWith(root + path.sep)) return false;
    try {
      return statSync(abs).isFile();
    } catch {
      return false;
    }
  };
}

/** The corpus-wide choice of each tag's and section's label (see `policy/labels.ts`). */
export interface CorpusLabels {
  tags: LabelChooser;
  sections: LabelChooser;
  /** The acronyms the corpus's prose vouches for (`acronymLexicon`). */
  acronyms: AcronymLexicon;
}

export function chooseCorpusLabels(bulletins: readonly Bulletin[]): CorpusLabels {
  const acronyms = acronymLexicon(bulletins);
  const tags = new LabelChooser(acronyms);
  const sections = new LabelChooser(acronyms);
  for (const b of bulletins) {
    sections.add(b.section.slug, b.section.label);
    for (const t of b.tags) tags.add(t.slug, t.label);
  }
  return { tags, sections, acronyms };
}

/**
 * How many bulletins must use a word in capitals in running text for it to be an acronym; one that
 * introduces it in parentheses (`Sistema de Abasto Institucional (SAI)`) is enough by itself. One
 * use could be emphasis (`es MUY importante`); the same word so written by two files is a name.
 */
const ACRONYM_USES = 2;

/** The words in capitals the corpus uses as acronyms although they read as words (policy/labels.ts `AcronymLexicon`). */
export function acronymLexicon(bulletins: readonly Bulletin[]): AcronymLexicon {
  const uses = new Map<string, number>();
  const lexicon = new Set<string>();
  for (const b of bulletins) {
    if (!b.acronyms) continue;
    for (const { word, introduced } of b.acronyms) {
      const n = (uses.get(word) ?? 0) + 1;
      uses.set(word, n);
      if (introduced || n >= ACRONYM_USES) lexicon.add(word);
    }
  }
  return lexicon;
}

/** Replace each tag's and section's label by the corpus-wide choice (see `policy/labels.ts`). */
export function applyCorpusLabels(bulletins: Bulletin[], { tags, sections }: CorpusLabels = chooseCorpusLabels(bulletins)): Bulletin[] {
  return bulletins.map((b) => {
    // Most bulletins already spell every label as chosen: kept as they are (no copy).
    if (sections.labelOf(b.section.slug) === b.section.label && b.tags.every((t) => tags.labelOf(t.slug) === t.label)) return b;
    // The copy keeps the prototype and the own symbols: a bulletin of the build cache reads its
    // markdown through them when asked (build/cache.ts `CachedBulletinParts`).
    return {
      __proto__: Object.getPrototypeOf(b) as object,
      ...b,
      section: { slug: b.section.slug, label: sections.labelOf(b.section.slug) },
      tags: b.tags.map((t) => ({ slug: t.slug, label: tags.labelOf(t.slug) })),
    } as Bulletin;
  });
}

/**
 * Tags and sections written all in capitals (`SALUD`, `NUEVO LEÓN`; not acronyms such as `IMSS`,
 * `COVID-19`: policy/labels.ts `shoutedLabel`): a warning on each file that writes one, on its
 * `tags:` or `section:` line, saying how the site shows it — as written, shouting on the topic's page,
 * the cards and the breadcrumbs, or as another file writes it (the corpus-wide choice prefers any
 * spelling not in capitals) — and what to write. One pass over the labels, each spelling judged once.
 */
export function findShoutedLabels(bulletins: readonly Bulletin[], { tags, sections, acronyms }: CorpusLabels): Problem[] {
  // What is said of a spelling in a field is the same in every file that writes it: judged once (a
  // large archive has thousands of these warnings and a few hundred spellings).
  const judged = new Map<string, LabelWarning | null>();
  const problems: Problem[] = [];
  for (const b of bulletins) {
    if (!b.shouted) continue;
    for (const s of b.shouted) {
      const key = `${s.field}\0${s.label}`;
      let said = judged.get(key);
      if (said === undefined) judged.set(key, (said = shoutedLabelWarning(s.field, s.label, s.field === "section" ? sections : tags, acronyms)));
      // Its words in capitals are acronyms the corpus uses (`SAI`): not shouting.
      if (said === null) continue;
      const { line, column } = s;
      problems.push({ severity: "warning", code: "label-capitals", file: b.file, field: s.field, ...(line !== undefined ? { line, column: column ?? 1 } : {}), message: said.message, hint: said.hint });
    }
  }
  return problems;
}

/** What a capitals warning says: the same for every file that writes the spelling in that field. */
interface LabelWarning {
  message: string;
  hint: string;
}

/** What the warning says of `written` in `field`, or null when the corpus's acronyms make it no shouting. */
function shoutedLabelWarning(field: ShoutedLabel["field"], written: string, chosen: LabelChooser, acronyms: AcronymLexicon): LabelWarning | null {
  const capitalized = shoutedLabel(written, acronyms);
  if (capitalized === undefined) return null;
  const shown = chosen.labelOf(labelSlug(written));
  const [what, where] =
    field === "section"
      ? ["La sección", "la página de la sección, en las tarjetas de sus boletines y en la ruta de navegación"]
      : ["La etiqueta", "la página del tema, en los temas de cada boletín y en la ruta de navegación"];
  const how = shown === written ? `, y así se muestra en ${where}` : `; el sitio muestra «${shown}», como la escriben otros boletines`;
  // Another file's spelling, when it is not shouted and keeps the accents; else this one with its capitals put right.
  const instead = shown !== written && shoutedLabel(shown, acronyms) === undefined && accentCount(shown) >= accentCount(capitalized) ? shown : capitalized;
  return {
    message: `${what} «${written}» está escrita toda en mayúsculas${how}.`,
    hint: `Escribe «${instead}» (las siglas, como IMSS o VIH, se quedan en mayúsculas).`,
  };
}

export interface PublishOptions {
  drafts: boolean;
  future: boolean;
  now: DateTime;
}

/** Production builds leave out drafts and bulletins dated after "now" (embargoes); forwards are no bulletin pages (`selectForwards`). */
export function selectPublished(bulletins: readonly Bulletin[], { drafts, future, now }: PublishOptions): Bulletin[] {
  const nowMs = now.toMillis();
  return bulletins.filter((b) => {
    if (b.redirectTo !== undefined) return false;
    if (b.draft && !drafts) return false;
    if (!b.date) return drafts;
    if (b.date.epochMs > nowMs && !future) return false;
    return true;
  });
}

/**
 * The files that forward their addresses elsewhere (`redirect_to:`), whose stubs this build writes:
 * a draft's only in a preview; a date after "now" holds none back (a forward is no news).
 */
export function selectForwards(bulletins: readonly Bulletin[], { drafts }: Pick<PublishOptions, "drafts">): Bulletin[] {
  return bulletins.filter((b) => b.redirectTo !== undefined && (drafts || !b.draft));
}

export function isEmbargoed(b: Bulletin, now: DateTime): boolean {
  return !!b.date && b.date.epochMs > now.toMillis();
}

/** Something that owns a site path: a bulletin page, a redirect, or a page the site generates. */
export interface PathClaim {
  path: string;
  /** The bulletin claiming it; absent for generated pages. */
  bulletin?: Bulletin;
  kind: "page" | "redirect" | "generated";
  /** A redirect the site makes by itself (from the bulletin number), not one the editor wrote. */
  automatic?: boolean;
  /** For generated pages: what it is, in Spanish (`la página del tema «IMSS»`). */
  description?: string;
  /** For a file of public/: the file, as the user should see it (a problem about it names it). */
  source?: string;
  /**
   * A folder the site keeps for itself: `whole`, nothing else goes inside (the search indexes,
   * rewritten after the pages); `pages`, no bulletin page or redirect stub (folders of files cached for
   * a year, or not published at all), while public/ files and plain redirect rules may.
   */
  holdsFolder?: "whole" | "pages";
}

/**
 * Two things never share a path: a clear error naming both files instead of a silent overwrite.
 * Identity ignores case and the trailing slash (case-insensitive file systems would merge them).
 * Nor does anything go where the site needs a folder that is a file (`/robots.txt/x/`), or inside a
 * folder the site keeps for itself (`holdsFolder`).
 */
export function findPathCollisions(claims: Iterable<PathClaim>): Problem[] {
  // Nearly every path has one claim, which can collide with nothing: only the claims of shared paths
  // are ordered and compared below (the same problems, in the same order, as ordering every claim).
  const byIdentity = new Map<string, PathClaim | PathClaim[]>();
  // Bulletins' and public/'s claims with their identities, for the folders they need (nestingProblems).
  const placed: Array<[PathClaim, string]> = [];
  const held: Array<{ key: string; claim: PathClaim }> = [];
  for (const claim of claims) {
    const key = pathIdentity(claim.path);
    if (claim.bulletin || claim.source) placed.push([claim, key]);
    if (claim.holdsFolder) held.push({ key, claim });
    const known = byIdentity.get(key);
    if (known === undefined) byIdentity.set(key, claim);
    else if (Array.isArray(known)) known.push(claim);
    else byIdentity.set(key, [known, claim]);
  }
  const shared: PathClaim[] = [];
  for (const claimed of byIdentity.values()) if (Array.isArray(claimed)) shared.push(...claimed);
  const owners = new Map<string, PathClaim>();
  const problems: Problem[] = [];
  const ordered = shared.sort((a, b) => claimRank(a) - claimRank(b) || compare(a.bulletin?.file ?? a.source ?? "", b.bulletin?.file ?? b.source ?? "") || compare(a.path, b.path));
  for (const claim of ordered) {
    const key = pathIdentity(claim.path);
    const owner = owners.get(key);
    if (!owner) {
      owners.set(key, claim);
      continue;
    }
    if (owner.bulletin && claim.bulletin && owner.bulletin === claim.bulletin) {
      if (claim.kind === "redirect" && owner.kind === "page") {
        problems.push(problemFor(claim, `La redirección ${claim.path} apunta a la misma página del boletín.`, "Quita esa línea de redirect_from."));
      }
      continue;
    }
    const reported = reportable(claim, owner);
    if (reported) problems.push(reported);
  }
  problems.push(...nestingProblems(placed, held, byIdentity));
  return problems;
}

/** A collision as a problem of the claim that came second (or of the public file, when the other is the site's own). */
function reportable(claim: PathClaim, owner: PathClaim): Problem | undefined {
  if (claim.bulletin) return collisionProblem(claim, owner);
  const file = claim.source ? claim : owner.source ? owner : undefined;
  if (!file) return undefined;
  const other = file === claim ? owner : claim;
  const described = describeClaim(other);
  return publicFileProblem(file, `tiene la misma ruta que ${described}${described.includes(other.path) ? "" : ` (${other.path})`}.`);
}

/**
 * Claims that need, as a folder, a path another claim writes as a file (`/robots.txt/x/` against
 * `/robots.txt`), and claims inside a folder the site keeps for itself (`holdsFolder`). Only
 * bulletins' and public/'s claims are looked at: the site's own pages are made not to.
 */
function nestingProblems(
  placed: ReadonlyArray<readonly [PathClaim, string]>,
  held: ReadonlyArray<{ key: string; claim: PathClaim }>,
  byIdentity: ReadonlyMap<string, PathClaim | PathClaim[]>,
): Problem[] {
  // The claim that writes each folder's path as a file, or null: bulletins share their few folders.
  const fileAt = new Map<string, PathClaim | null>();
  const fileOwner = (folder: string): PathClaim | null => {
    let owner = fileAt.get(folder);
    if (owner === undefined) {
      const c = byIdentity.get(folder);
      owner = (Array.isArray(c) ? c.find(writesFile) : c && writesFile(c) ? c : undefined) ?? null;
      fileAt.set(folder, owner);
    }
    return owner;
  };
  const problems: Problem[] = [];
  for (const [claim, key] of placed) {
    const writesPage = !!claim.bulletin && hasHtmlStub(claim.path);
    const holder = held.find((h) => key !== h.key && key.startsWith(h.key) && (h.claim.holdsFolder === "whole" || writesPage));
    if (holder) {
      problems.push(nestedProblem(claim, `queda dentro de ${holder.claim.description ?? holder.claim.path}`));
      continue;
    }
    // The folders its file goes in, from the innermost, not counting its own path (compared above).
    for (let end = key.lastIndexOf("/", key.length - 2); end > 0; end = key.lastIndexOf("/", end - 1)) {
      const folder = key.slice(0, end + 1);
      const owner = fileOwner(folder);
      if (owner && owner !== claim) {
        problems.push(nestedProblem(claim, `necesita la carpeta ${folder}, pero ${describeClaim(owner)} usa esa ruta como archivo`));
        break;
      }
    }
  }
  return problems;
}

/** Whether what a claim puts at its path is a file (`/feed.xml`, `/especial.html`), not a folder with its index.html. */
function writesFile(claim: PathClaim): boolean {
  const p = claim.path.toLowerCase();
  if (p.endsWith("/") || p.endsWith("/index.html")) return false;
  return !claim.bulletin || p.endsWith(".html");
}

function describeClaim(claim: PathClaim): string {
  if (!claim.bulletin) return claim.description ?? "una página del sitio";
  return claim.kind === "redirect" ? `una redirección de ${claim.bulletin.file}` : `la URL de ${claim.bulletin.file}`;
}

function nestedProblem(claim: PathClaim, what: string): Problem {
  if (!claim.bulletin) return publicFileProblem(claim, `${what}.`);
  const hint = claim.kind === "redirect" ? "Quita esa ruta de redirect_from." : `${capitalized(newAddress(claim.bulletin))}.`;
  return problemFor(claim, `${describeOwn(claim)} ${what}.`, hint);
}

function publicFileProblem(claim: PathClaim, what: string): Problem {
  return {
    severity: "error",
    code: "path-collision",
    file: claim.source!,
    message: `El archivo ${claim.source} ${what}`,
    hint: "Cambia el nombre o la carpeta del archivo en public/, o bórralo.",
  };
}

function claimRank(c: PathClaim): number {
  // Number paths belong to their bulletin: an explicit redirect onto one is the mistake to report.
  return c.kind === "generated" ? 0 : c.kind === "page" ? 1 : c.automatic ? 2 : 3;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * How to give a bulletin's page another address, as fits what its file has: its `permalink:` or its
 * `slug:` to change, or a `slug:` to add (its address comes from its title).
 */
function newAddress(b: Bulletin): string {
  if (b.hasPermalink) return `cambia su permalink: ${b.url} por otra ruta`;
  if (b.hasSlug) return `cambia su slug: ${b.slug} por otro valor (o escribe un permalink: con otra ruta)`;
  return "agrega slug: con otro valor (su dirección sale del título)";
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function problemFor(claim: PathClaim, message: string, hint: string, otherFile?: string): Problem {
  const b = claim.bulletin!;
  const field = claim.automatic ? "number" : claim.kind === "redirect" ? "redirect_from" : b.hasPermalink ? "permalink" : b.hasSlug ? "slug" : "title";
  const pos = b.positions[field] ?? (field === "title" ? b.positions["date"] : undefined);
  return {
    severity: "error",
    code: "path-collision",
    file: b.file,
    ...(pos ? { line: pos.line, column: pos.column } : {}),
    field,
    message,
    hint,
    ...(otherFile ? { otherFile } : {}),
  };
}

/** How a problem names a bulletin's claim: `La redirección /news/1/`. */
function describeOwn(claim: PathClaim): string {
  return claim.automatic ? `La dirección por número ${claim.path}` : claim.kind === "redirect" ? `La redirección ${claim.path}` : `La URL ${claim.path} de este boletín`;
}

function collisionProblem(claim: PathClaim, owner: PathClaim): Problem {
  const what = describeOwn(claim);
  if (!owner.bulletin) {
    return problemFor(claim, `${what} coincide con ${owner.description ?? "una página del sitio"}.`, claim.kind === "redirect" ? "Quita esa ruta de redirect_from." : `${capitalized(newAddress(claim.bulletin!))}.`);
  }
  const ownerWhat = owner.kind === "redirect" ? `una redirección de ${owner.bulletin.file}` : `la URL de ${owner.bulletin.file}`;
  const hint =
    claim.kind === "page"
      ? `Cambia la dirección de uno de los dos: en ${owner.bulletin.file}, ${newAddress(owner.bulletin)}; o en ${claim.bulletin!.file}, ${newAddress(claim.bulletin!)}.`
      : `Una ruta antigua solo puede llevar a un boletín: quítala de uno de los dos archivos.`;
  return problemFor(claim, `${what} ya es ${ownerWhat}.`, hint, owner.bulletin.file);
}

export function claimsOfBulletins(bulletins: readonly Bulletin[]): PathClaim[] {
  const claims: PathClaim[] = [];
  for (const b of bulletins) {
    claims.push({ path: b.url, bulletin: b, kind: "page" });
    for (const r of b.redirectFrom) claims.push({ path: r, bulletin: b, kind: "redirect" });
    for (const r of automaticRedirects(b)) claims.push({ path: r, bulletin: b, kind: "redirect", automatic: true });
  }
  return claims;
}

/** Redirects the site makes by itself for a bulletin (today: from its number). */
export function automaticRedirects(b: Bulletin): string[] {
  return b.number && b.date ? bulletinNumberPaths(b.number, b.date.year, b.date.monthPadded) : [];
}

/** Every old path that leads to the bulletin: the editor's, then the automatic ones, without repeats. */
export function redirectsOf(b: Bulletin): string[] {
  const seen = new Set(b.redirectFrom.map(pathIdentity));
  return [...b.redirectFrom, ...automaticRedirects(b).filter((p) => !seen.has(pathIdentity(p)))];
}

/** A redirect: an old path and where it leads now. */
export interface Route {
  from: string;
  to: string;
  /** A feed's redirect the forward of its page makes by itself (`forwardRoutes`), not a path the file names. */
  carried?: true;
}

/**
 * The redirects a forward file (`redirect_to:`) makes: its own address and its old ones lead to its
 * `redirect_to`. A forward from a topic's or a section's page to another's (a renamed topic:
 * `redirect_from: /temas/vacunacion/`, `redirect_to: /temas/vacunas/`) also takes the old page's feed
 * to the new one's, so that one file keeps both the links and the feed's subscribers; a feed path the
 * file names itself keeps what it says. Where another file already redirects that feed, its redirect
 * is the one written (site-data.ts): the feed forward is never a collision of its own.
 */
export function forwardRoutes(f: Bulletin): Route[] {
  const to = f.redirectTo!;
  const own = [f.url, ...redirectsOf(f)];
  const routes: Route[] = own.map((from) => ({ from, to }));
  const toFeed = listFeedOf(to);
  if (!toFeed) return routes;
  const named = new Set(own.map(pathIdentity));
  for (const from of own) {
    const feed = listFeedOf(from);
    if (feed && !named.has(pathIdentity(feed))) {
      named.add(pathIdentity(feed));
      routes.push({ from: feed, to: toFeed, carried: true });
    }
  }
  return routes;
}

/**
 * Forwards (`redirect_to:` a path of this site) that lead to another forward's address: round in a
 * loop (A → B → A, or a `redirect_to` onto a `redirect_from` of a file that forwards back), an error
 * for every file of the loop and every one that leads into it; or along a chain that ends somewhere
 * (A → B → a page), a warning on the first, with the final address to write instead. A chain still
 * works, and what the editor wrote is published as written; but each hop is one more request, and a
 * host or browser gives up after a few. A `redirect_to` onto an old address (`redirect_from`) of a
 * bulletin is a chain of two as well. Drafts and embargoed files count: they will be published.
 */
export function findForwardChains(bulletins: readonly Bulletin[]): Problem[] {
  if (!bulletins.some((b) => b.redirectTo?.startsWith("/"))) return [];
  const forwardAt = new Map<string, Bulletin>();
  const oldAddressOf = new Map<string, Bulletin>();
  for (const b of bulletins) {
    if (b.redirectTo !== undefined) {
      for (const a of [b.url, ...redirectsOf(b)]) if (!forwardAt.has(pathIdentity(a))) forwardAt.set(pathIdentity(a), b);
    } else for (const r of b.redirectFrom) oldAddressOf.set(pathIdentity(r), b);
  }
  const problems: Problem[] = [];
  const sorted = [...bulletins].sort((x, y) => compare(x.file, y.file));
  for (const first of sorted) {
    if (!first.redirectTo?.startsWith("/")) continue;
    const chain: Bulletin[] = [first];
    let loopFrom = -1;
    for (let at = first; at.redirectTo?.startsWith("/"); ) {
      const next = forwardAt.get(pathIdentity(at.redirectTo));
      if (!next) break;
      loopFrom = chain.indexOf(next);
      if (loopFrom !== -1) break;
      chain.push(next);
      at = next;
    }
    const pos = first.positions["redirect_to"];
    const problem = (severity: Problem["severity"], code: string, message: string, hint: string, otherFile?: string): Problem => ({
      severity,
      code,
      file: first.file,
      field: "redirect_to",
      ...(pos ? { line: pos.line, column: pos.column } : {}),
      message,
      hint,
      ...(otherFile ? { otherFile } : {}),
    });
    const steps = (files: readonly Bulletin[]) => files.map((b) => `${b.file} → ${b.redirectTo}`).join(", ");
    if (loopFrom === 0) {
      problems.push(
        problem(
          "error",
          "redirect-loop",
          `redirect_to: ${first.redirectTo} lleva a otro reenvío, y los reenvíos dan vueltas sin llegar a ninguna página: ${steps(chain)}, de vuelta a ${first.file}.`,
          "Haz que uno de ellos lleve a la página que los reemplaza (la dirección de un boletín publicado, o https://…), o quítale el redirect_to.",
          chain[1]?.file ?? first.file,
        ),
      );
    } else if (loopFrom > 0) {
      const loop = chain.slice(loopFrom);
      problems.push(
        problem(
          "error",
          "redirect-loop",
          `redirect_to: ${first.redirectTo} es una dirección de ${chain[1]!.file}, y desde ahí los reenvíos dan vueltas sin llegar a ninguna página: ${steps(loop)}, de vuelta a ${loop[0]!.file}.`,
          "Escribe en redirect_to la dirección de la página que debe abrirse (la de un boletín publicado, o https://…), y corrige el reenvío que da vueltas.",
          chain[1]!.file,
        ),
      );
    } else {
      const last = chain[chain.length - 1]!;
      const page = last.redirectTo!.startsWith("/") ? oldAddressOf.get(pathIdentity(last.redirectTo!)) : undefined;
      const final = page ? page.url : last.redirectTo!;
      const hops = chain.length + (page ? 1 : 0);
      if (hops < 2) continue;
      const through = chain.length > 1 ? `es una dirección de ${chain[1]!.file}, que también reenvía` : `es una dirección antigua (redirect_from) de ${page!.file}`;
      const route = [...(chain.length > 1 ? [steps(chain)] : []), ...(page ? [`${last.redirectTo} → ${page.url} (redirect_from de ${page.file})`] : [])].join(", ");
      problems.push(
        problem(
          "warning",
          "redirect-chain",
          `redirect_to: ${first.redirectTo} ${through}: los lectores pasan por ${hops} redirecciones (${route}) para llegar a ${final}.`,
          `Escribe redirect_to: ${final} para llevarlos en una sola.`,
          (chain[1] ?? page)!.file,
        ),
      );
    }
  }
  return problems;
}

/** `number` is unique per year. */
function numberHint(b: Bulletin, other: Bulletin): string {
  // A legacy post forwarded to its new bulletin often keeps the number: the bulletin is the one to keep it.
  const forward = b.redirectTo !== undefined ? "este archivo" : other.redirectTo !== undefined ? other.file : undefined;
  if (forward && (b.redirectTo === undefined) !== (other.redirectTo === undefined)) return `${forward} reenvía a otra dirección (redirect_to): quita su number:, que es del boletín publicado.`;
  return "Cada número de boletín se usa una sola vez por año: corrige uno de los dos.";
}

/**
 * Bulletins that share a key (`keyOf`; undefined: none) with one before them in file order, each with
 * the first one that has it. Most builds have none: the keys are counted first, and only the bulletins
 * of a repeated key are put in file order (sorting every bulletin cost every build).
 */
function repeatedKeys(bulletins: readonly Bulletin[], keyOf: (b: Bulletin) => string | undefined): Array<[Bulletin, Bulletin]> {
  const counts = new Map<string, number>();
  for (const b of bulletins) {
    const key = keyOf(b);
    if (key !== undefined) counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  const repeated = bulletins.filter((b) => (counts.get(keyOf(b) ?? "") ?? 0) > 1);
  const first = new Map<string, Bulletin>();
  const pairs: Array<[Bulletin, Bulletin]> = [];
  for (const b of repeated.sort((x, y) => compare(x.file, y.file))) {
    const key = keyOf(b)!;
    const other = first.get(key);
    if (other) pairs.push([b, other]);
    else first.set(key, b);
  }
  return pairs;
}

/**
 * Two files whose paths differ only by their extension (`2023/dup.md`, `2023/dup.markdown`) have one
 * `id`: feed readers would take their entries for one (the feeds' ids are made of it), and one bulletin
 * would never reach subscribers.
 */
export function findDuplicateIds(bulletins: readonly Bulletin[]): Problem[] {
  return repeatedKeys(bulletins, (b) => b.id).map(([b, other]) => ({
    severity: "error",
    code: "file-name-duplicate",
    file: b.file,
    message: `${other.file} tiene el mismo nombre con otra extensión: los feeds identifican cada boletín por su archivo sin la extensión, y los lectores de noticias mostrarían uno solo de los dos.`,
    hint: "Cambia el nombre de uno de los dos archivos, o borra el que sobre.",
    otherFile: other.file,
  }));
}

export function findDuplicateNumbers(bulletins: readonly Bulletin[]): Problem[] {
  return repeatedKeys(bulletins, (b) => b.number).map(([b, other]) => ({
    severity: "error",
    code: "number-duplicate",
    file: b.file,
    field: "number",
    ...(b.positions["number"] ? { line: b.positions["number"].line, column: b.positions["number"].column } : {}),
    message: `El número ${b.number} ya lo tiene ${other.file}.`,
    hint: numberHint(b, other),
    otherFile: other.file,
  }));
}
