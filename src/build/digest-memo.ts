import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import type { Bulletin } from "../model/bulletin.ts";
import type { ListGroupData, PostView, RedirectStub } from "../render/views.ts";

/**
 * The inputs and digests of the last build's cards and pages, kept in the cache folder, so that a
 * rebuild hashes only what changed: at 10,000 bulletins, hashing every card, bulletin page, list page
 * and redirect stub again was ~200 ms of an edit's ~1.5 s, for a few dozen digests that differ.
 *
 * A digest is a function of its inputs (build/pages.ts); the memo answers with the digest it saved
 * only when it can tell the inputs are the ones it saved, and the caller computes the digest otherwise:
 * - a card's inputs are its bulletin (named by its source key, build/cache.ts `sourceKeyOf`, plus the
 *   labels chosen over the corpus for its section and tags), its status and its picture. A post whose
 *   URL, source key, status, picture or any label differs from what was saved is *changed*;
 * - a bulletin's page: its card and the cards of its links (previous, next, related): the same posts
 *   in the same places, none of them changed;
 * - a list's page: its list's shared part (titles, page URLs, size, count) and the posts it shows,
 *   in order, none of them changed;
 * - a redirect stub: its old path, and the bulletin it leads to, unchanged.
 * Anything else (code, layouts, settings, the layouts' globals) is named by `validFor`: a memo made
 * under another is not read. The memo is a pure cache of "these inputs give this digest": whichever
 * build wrote it, reusing a digest whose inputs are equal is right, so a failed build never spoils it,
 * and deleting it costs only time. tests/build/incremental-properties.test.ts checks every rebuild
 * against a build from scratch; tests/build/digest-memo.test.ts checks the digests themselves.
 */
export class DigestMemo {
  private readonly old: OldMemo | undefined;
  private readonly next: SavedMemo;
  /** Index of each post of this build, by URL. */
  private readonly indexOf = new Map<string, number>();
  /** By this build's post index: 1 when its card's inputs are not the saved ones (or nothing was saved). */
  private changed = new Uint8Array(0);
  /** By this build's post index: its index in the saved memo, or -1. */
  private oldIndex = new Int32Array(0);
  /** Decisions and new records of the lists already met, by group. */
  private readonly groups = new Map<ListGroupData, { saved: SavedMemo["groups"][number] | undefined; digests: string[] }>();
  /** How many digests were reused and computed (tests and timing). */
  readonly counts = { reused: 0, computed: 0 };

  private constructor(
    readonly validFor: string,
    saved: SavedMemo | undefined,
  ) {
    this.old = saved ? new OldMemo(saved) : undefined;
    this.next = { format: FORMAT, validFor, urls: [], tokens: [], cards: [], pages: [], links: [], sectionLabels: [], tagLabels: [], groups: [], stubs: [] };
  }

  /** The memo saved in `cacheDir` if it was made under `validFor`; an empty one otherwise. */
  static read(cacheDir: string, validFor: string): DigestMemo {
    let saved: SavedMemo | undefined;
    try {
      const parsed = JSON.parse(readFileSync(path.join(cacheDir, MEMO_FILE), "utf8")) as Partial<SavedMemo>;
      if (parsed.format === FORMAT && parsed.validFor === validFor && isComplete(parsed)) saved = parsed;
    } catch {
      // Missing or unreadable: every digest is computed.
    }
    return new DigestMemo(validFor, saved);
  }

  /** A memo that remembers nothing (every digest computed, and recorded). */
  static empty(validFor: string): DigestMemo {
    return new DigestMemo(validFor, undefined);
  }

  /**
   * Every post's card digest, by URL: the saved one when the post is unchanged, `compute`'s otherwise.
   * `token` names what the card is made of besides its labels (undefined: unknown, always computed).
   */
  cards(posts: readonly PostView[], token: (post: PostView) => string | undefined, compute: (post: PostView) => string): Map<string, string> {
    const cards = new Map<string, string>();
    const n = posts.length;
    this.changed = new Uint8Array(n);
    this.oldIndex = new Int32Array(n);
    const next = this.next;
    const sectionLabels = new Map<string, string>();
    const tagLabels = new Map<string, string>();
    for (let i = 0; i < n; i++) {
      const post = posts[i]!;
      const b = post.bulletin;
      this.indexOf.set(post.url, i);
      sectionLabels.set(b.section.slug, b.section.label);
      for (const t of b.tags) tagLabels.set(t.slug, t.label);
      const t = token(post);
      const j = this.old?.indexOf.get(post.url) ?? -1;
      this.oldIndex[i] = j;
      let card: string;
      if (t !== undefined && j >= 0 && this.old!.saved.tokens[j] === t && this.old!.sameLabels(b)) {
        card = this.old!.saved.cards[j]!;
      } else {
        this.changed[i] = 1;
        card = compute(post);
      }
      cards.set(post.url, card);
      next.urls.push(post.url);
      next.tokens.push(t ?? "");
      next.cards.push(card);
    }
    next.sectionLabels = [...sectionLabels];
    next.tagLabels = [...tagLabels];
    return cards;
  }

  /** Posts whose card was computed (changed or new) in the last `cards` call. */
  get changedCount(): number {
    let count = 0;
    for (const c of this.changed) count += c;
    return count;
  }

  /** The digest of a bulletin's own page (after `cards`); `links` are its previous, next and related posts' URLs (undefined: none). */
  bulletinPage(post: PostView, links: ReadonlyArray<string | undefined>, compute: () => string): string {
    const i = this.indexOf.get(post.url)!;
    const mine = links.map((url) => (url === undefined ? NO_LINK : (this.indexOf.get(url) ?? NOT_A_POST)));
    const j = this.oldIndex[i]!;
    let digest: string | undefined;
    if (j >= 0 && !this.changed[i] && this.sameLinks(mine, this.old!.saved.links[j]!)) digest = this.old!.saved.pages[j];
    digest = this.count(digest) ?? compute();
    this.next.pages[i] = digest;
    this.next.links[i] = mine;
    return digest;
  }

  /** The digest of page `pageNumber` of a list (after `cards`); `head` is its group's shared part as the digest hashes it. */
  listPage(group: ListGroupData, head: string, pageNumber: number, compute: () => string): string {
    let known = this.groups.get(group);
    if (!known) {
      const saved = this.old?.groups.get(group.urls[0]!);
      // Its shared part covers its length and its pages' URLs: the same pages, each with as many items.
      known = { saved: saved && saved[1] === head && saved[3].length === group.pageCount ? saved : undefined, digests: [] };
      this.groups.set(group, known);
      this.next.groups.push([group.urls[0]!, head, group.items.map((p) => this.indexOf.get(p.url) ?? NOT_A_POST), known.digests]);
    }
    const reused = known.saved && this.sameItems(group, pageNumber, known.saved[2]) ? known.saved[3][pageNumber - 1] : undefined;
    const digest = this.count(reused) ?? compute();
    known.digests[pageNumber - 1] = digest;
    return digest;
  }

  /** The digest of a redirect stub (after `cards`). */
  stub(redirect: RedirectStub, compute: () => string): string {
    const i = this.indexOf.get(redirect.to) ?? NOT_A_POST;
    const saved = this.old?.stubs.get(redirect.from);
    let digest: string | undefined;
    if (saved && i >= 0 && !this.changed[i] && this.old!.saved.urls[saved[0]] === redirect.to) digest = saved[1];
    digest = this.count(digest) ?? compute();
    this.next.stubs.push([redirect.from, i, digest]);
    return digest;
  }

  /** Writes what this build recorded, replacing the saved memo. */
  write(cacheDir: string): void {
    const file = path.join(cacheDir, MEMO_FILE);
    const tmp = `${file}.${process.pid}`;
    try {
      writeFileSync(tmp, JSON.stringify(this.next));
      renameSync(tmp, file);
    } catch (error) {
      rmSync(tmp, { force: true });
      throw error;
    }
  }

  private count(digest: string | undefined): string | undefined {
    if (digest === undefined) this.counts.computed++;
    else this.counts.reused++;
    return digest;
  }

  /** The same links as saved: the same posts (by URL) in the same places, none changed. */
  private sameLinks(mine: readonly number[], saved: readonly number[]): boolean {
    if (mine.length !== saved.length) return false;
    const oldUrls = this.old!.saved.urls;
    for (let k = 0; k < mine.length; k++) {
      const i = mine[k]!;
      if (i === NO_LINK) {
        if (saved[k] !== NO_LINK) return false;
      } else if (i === NOT_A_POST || this.changed[i] || saved[k]! < 0 || oldUrls[saved[k]!] !== this.next.urls[i]) {
        return false;
      }
    }
    return true;
  }

  /** A list page shows the posts it showed (by URL, in order), none changed. */
  private sameItems(group: ListGroupData, pageNumber: number, saved: readonly number[]): boolean {
    const oldUrls = this.old!.saved.urls;
    const end = Math.min(group.items.length, pageNumber * group.pageSize);
    for (let k = (pageNumber - 1) * group.pageSize; k < end; k++) {
      const url = group.items[k]!.url;
      const i = this.indexOf.get(url);
      if (i === undefined || this.changed[i] || saved[k] === undefined || saved[k]! < 0 || oldUrls[saved[k]!] !== url) return false;
    }
    return true;
  }
}

/** The saved memo, with its lookups. */
class OldMemo {
  readonly indexOf = new Map<string, number>();
  readonly groups = new Map<string, SavedMemo["groups"][number]>();
  readonly stubs = new Map<string, [to: number, digest: string]>();
  private readonly sectionLabels: Map<string, string>;
  private readonly tagLabels: Map<string, string>;

  constructor(readonly saved: SavedMemo) {
    saved.urls.forEach((url, i) => this.indexOf.set(url, i));
    for (const g of saved.groups) this.groups.set(g[0], g);
    for (const [from, to, digest] of saved.stubs) this.stubs.set(from, [to, digest]);
    this.sectionLabels = new Map(saved.sectionLabels);
    this.tagLabels = new Map(saved.tagLabels);
  }

  /** The bulletin's section and tags carry the labels that were chosen for them then. */
  sameLabels(b: Bulletin): boolean {
    if (this.sectionLabels.get(b.section.slug) !== b.section.label) return false;
    for (const t of b.tags) if (this.tagLabels.get(t.slug) !== t.label) return false;
    return true;
  }
}

const MEMO_FILE = "digests.json";
const FORMAT = 1;
/** A link index for "no link here" (a first or last bulletin has one neighbour). */
const NO_LINK = -2;
/** A link index for a link to something that is not a post of this build (never reused). */
const NOT_A_POST = -1;

/** The memo as saved: columns by post, in the site's order, then lists and stubs. */
interface SavedMemo {
  format: number;
  validFor: string;
  urls: string[];
  /** What each card was made of besides its labels ("" when unknown: never reused). */
  tokens: string[];
  cards: string[];
  /** The digest of each post's own page, and its links (previous, next, related) as post indices. */
  pages: string[];
  links: number[][];
  /** The label of each section and tag slug, as chosen over the corpus. */
  sectionLabels: Array<[string, string]>;
  tagLabels: Array<[string, string]>;
  /** Each list: its first page's URL, its shared part, its members (post indices) and its pages' digests. */
  groups: Array<[first: string, head: string, members: number[], digests: string[]]>;
  /** Each redirect stub: its old path, the post it leads to, its digest. */
  stubs: Array<[from: string, to: number, digest: string]>;
}

function isComplete(m: Partial<SavedMemo>): m is SavedMemo {
  const n = m.urls?.length;
  return (
    typeof n === "number" &&
    m.tokens?.length === n &&
    m.cards?.length === n &&
    m.pages?.length === n &&
    m.links?.length === n &&
    Array.isArray(m.sectionLabels) &&
    Array.isArray(m.tagLabels) &&
    Array.isArray(m.groups) &&
    Array.isArray(m.stubs)
  );
}
