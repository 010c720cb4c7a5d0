import { existsSync, statSync } from "node:fs";
import path from "node:path";
import type { DateTime } from "luxon";
import type { SiteConfig } from "../site.ts";
import { LabelChooser } from "../policy/labels.ts";
import { bulletinNumberPaths, pathIdentity } from "../policy/urls.ts";
import type { Bulletin } from "./bulletin.ts";
import { listContentFiles, loadContentFile, type ContentFile, type Listing } from "./load.ts";
import { normalizeBulletin, type NormalizeContext, type NormalizeResult } from "./normalize.ts";
import type { Problem } from "./problems.ts";

/**
 * The whole content folder, loaded once: every valid bulletin plus every problem found,
 * in every file (never just the first).
 */
export interface Corpus {
  bulletins: Bulletin[];
  problems: Problem[];
  fileCount: number;
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
    };
  }
  const listing = (await listed) ?? (await listContentFiles(contentDir));
  const problems: Problem[] = [...listing.problems];
  const imageExists = makeImageExists(publicDir);
  const results: Array<Bulletin | undefined> = new Array(listing.files.length);
  let next = 0;
  async function worker(): Promise<void> {
    while (next < listing.files.length) {
      const index = next++;
      const file = listing.files[index]!;
      const normalized = await loadFile(file, { site, imageExists });
      problems.push(...normalized.problems);
      results[index] = normalized.bulletin;
    }
  }
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, listing.files.length) }, worker));
  const bulletins = results.filter((b): b is Bulletin => b !== undefined);
  return { bulletins: applyCorpusLabels(bulletins), problems, fileCount: listing.files.length };
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

/** Replace each tag's and section's label by the corpus-wide choice (see `policy/labels.ts`). */
export function applyCorpusLabels(bulletins: Bulletin[]): Bulletin[] {
  const tags = new LabelChooser();
  const sections = new LabelChooser();
  for (const b of bulletins) {
    sections.add(b.section.slug, b.section.label);
    for (const t of b.tags) tags.add(t.slug, t.label);
  }
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

export interface PublishOptions {
  drafts: boolean;
  future: boolean;
  now: DateTime;
}

/** Production builds leave out drafts and bulletins dated after "now" (embargoes). */
export function selectPublished(bulletins: readonly Bulletin[], { drafts, future, now }: PublishOptions): Bulletin[] {
  const nowMs = now.toMillis();
  return bulletins.filter((b) => {
    if (b.draft && !drafts) return false;
    if (!b.date) return drafts;
    if (b.date.epochMs > nowMs && !future) return false;
    return true;
  });
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
}

/**
 * Two things never share a path: a clear error naming both files instead of a silent overwrite.
 * Identity ignores case and the trailing slash (case-insensitive file systems would merge them).
 */
export function findPathCollisions(claims: Iterable<PathClaim>): Problem[] {
  // Nearly every path has one claim, which can collide with nothing: only the claims of shared paths
  // are ordered and compared below (the same problems, in the same order, as ordering every claim).
  const byIdentity = new Map<string, PathClaim | PathClaim[]>();
  for (const claim of claims) {
    const key = pathIdentity(claim.path);
    const known = byIdentity.get(key);
    if (known === undefined) byIdentity.set(key, claim);
    else if (Array.isArray(known)) known.push(claim);
    else byIdentity.set(key, [known, claim]);
  }
  const shared: PathClaim[] = [];
  for (const claimed of byIdentity.values()) if (Array.isArray(claimed)) shared.push(...claimed);
  const owners = new Map<string, PathClaim>();
  const problems: Problem[] = [];
  const ordered = shared.sort((a, b) => claimRank(a) - claimRank(b) || compare(a.bulletin?.file ?? "", b.bulletin?.file ?? "") || compare(a.path, b.path));
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
    problems.push(collisionProblem(claim, owner));
  }
  return problems;
}

function claimRank(c: PathClaim): number {
  // Number paths belong to their bulletin: an explicit redirect onto one is the mistake to report.
  return c.kind === "generated" ? 0 : c.kind === "page" ? 1 : c.automatic ? 2 : 3;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function problemFor(claim: PathClaim, message: string, hint: string, otherFile?: string): Problem {
  const b = claim.bulletin!;
  const field = claim.automatic ? "number" : claim.kind === "redirect" ? "redirect_from" : b.hasPermalink ? "permalink" : "title";
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

function collisionProblem(claim: PathClaim, owner: PathClaim): Problem {
  const what = claim.automatic
    ? `La dirección por número ${claim.path}`
    : claim.kind === "redirect"
      ? `La redirección ${claim.path}`
      : `La URL ${claim.path} de este boletín`;
  if (!owner.bulletin) {
    return problemFor(claim, `${what} coincide con ${owner.description ?? "una página del sitio"}.`, claim.kind === "redirect" ? "Quita esa ruta de redirect_from." : "Agrega slug: o permalink: con otra ruta.");
  }
  const ownerWhat = owner.kind === "redirect" ? `una redirección de ${owner.bulletin.file}` : `la URL de ${owner.bulletin.file}`;
  const hint =
    claim.kind === "page"
      ? `Agrega slug: con otro valor a uno de los dos archivos (${owner.bulletin.file}, ${claim.bulletin!.file}).`
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

/** `number` is unique per year. */
export function findDuplicateNumbers(bulletins: readonly Bulletin[]): Problem[] {
  const seen = new Map<string, Bulletin>();
  const problems: Problem[] = [];
  for (const b of [...bulletins].sort((x, y) => compare(x.file, y.file))) {
    if (!b.number) continue;
    const other = seen.get(b.number);
    if (other) {
      problems.push({
        severity: "error",
        code: "number-duplicate",
        file: b.file,
        field: "number",
        ...(b.positions["number"] ? { line: b.positions["number"].line, column: b.positions["number"].column } : {}),
        message: `El número ${b.number} ya lo tiene ${other.file}.`,
        hint: "Cada número de boletín se usa una sola vez por año: corrige uno de los dos.",
        otherFile: other.file,
      });
    } else seen.set(b.number, b);
  }
  return problems;
}
