/**
 * Related bulletins: those sharing the most tags first, then others of the same section.
 *
 * Scanning every bulletin of a popular tag for every bulletin would be quadratic (a tag like
 * «Salud» may hold thousands). Instead each bulletin looks only at a fixed window of its
 * neighbours in date order inside each of its tags and its section, so the cost is
 * O(N × (tags + 1) × window) and the result favours bulletins close in time — what a reader of
 * news wants next. Ties are broken by date distance, then id: deterministic.
 */
export interface RelatedSubject {
  id: string;
  /** Tag slugs (or any keys naming the same tags alike: only equality counts). */
  tags: ReadonlyArray<string | number>;
  section: string | number;
  epochMs: number;
}

export interface RelatedOptions {
  /** How many related bulletins to keep. */
  limit: number;
  /** Neighbours looked at on each side within one tag or section list. */
  window: number;
}

export const RELATED_DEFAULTS: RelatedOptions = { limit: 3, window: 12 };

/**
 * `subjects` must be sorted newest first (as the site's lists are).
 * Returns, for each subject index, the indexes of its related subjects, best first.
 */
export function findRelated(subjects: readonly RelatedSubject[], options: RelatedOptions = RELATED_DEFAULTS): number[][] {
  const n = subjects.length;
  // Tags and sections as small integers, groups as member lists with each subject's position in
  // them: the inner loops below touch only typed arrays.
  const tags = groupsOf(subjects, (s) => s.tags);
  const sections = groupsOf(subjects, (s) => [s.section]);
  // Scratch space shared by every subject: `seenBy[i] === self + 1` marks i as already a candidate;
  // `weight[t]` is how many times the current subject names tag t.
  const seenBy = new Int32Array(n);
  const score = new Int32Array(n);
  const weight = new Int32Array(tags.members.length);
  const candidates: number[] = [];
  const best = new Best(subjects, options.limit);
  const result: number[][] = new Array(n);
  for (let self = 0; self < n; self++) {
    const mark = self + 1;
    const [from, to] = [tags.start[self]!, tags.start[self + 1]!];
    for (let k = tags.namedStart[self]!; k < tags.namedStart[self + 1]!; k++) weight[tags.named[k]!]!++;
    candidates.length = 0;
    for (let k = from; k < to; k++) {
      const members = tags.members[tags.of[k]!]!;
      const pos = tags.positions[k]!;
      const last = Math.min(members.length - 1, pos + options.window);
      for (let p = Math.max(0, pos - options.window); p <= last; p++) {
        const other = members[p]!;
        if (p === pos || seenBy[other] === mark) continue;
        seenBy[other] = mark;
        // Tags shared, counted over this subject's tags as written (a repeated tag counts twice).
        let shared = 0;
        for (let j = tags.start[other]!; j < tags.start[other + 1]!; j++) shared += weight[tags.of[j]!]!;
        score[other] = shared;
        candidates.push(other);
      }
    }
    for (let k = from; k < to; k++) weight[tags.of[k]!] = 0;
    const chosen = best.of(candidates, score, self);
    if (chosen.length < options.limit) {
      candidates.length = 0;
      const k = sections.start[self]!;
      const members = sections.members[sections.of[k]!]!;
      const pos = sections.positions[k]!;
      const last = Math.min(members.length - 1, pos + options.window);
      for (let p = Math.max(0, pos - options.window); p <= last; p++) {
        const other = members[p]!;
        if (p === pos || chosen.includes(other)) continue;
        score[other] = 0;
        candidates.push(other);
      }
      chosen.push(...best.of(candidates, score, self).slice(0, options.limit - chosen.length));
    }
    result[self] = chosen;
  }
  return result;
}

/**
 * Groups (tags, or sections) as small integers, and each subject's groups in flat arrays: subject i's
 * distinct groups are `of[start[i]]` to `of[start[i + 1] - 1]` (in the order first named), with its
 * position in each at the same index of `positions`; `named` (from `namedStart`) lists them as
 * written, repeats included. A few arrays for the whole site instead of several per subject.
 */
interface Groups {
  /** Group number → subject indexes in it, in subject order (newest first). */
  members: number[][];
  start: Int32Array;
  of: Int32Array;
  positions: Int32Array;
  namedStart: Int32Array;
  named: Int32Array;
}

function groupsOf(subjects: readonly RelatedSubject[], keysOf: (s: RelatedSubject) => ReadonlyArray<string | number>): Groups {
  const ids = new Map<string | number, number>();
  const members: number[][] = [];
  const start = new Int32Array(subjects.length + 1);
  const namedStart = new Int32Array(subjects.length + 1);
  const of: number[] = [];
  const positions: number[] = [];
  const named: number[] = [];
  subjects.forEach((s, i) => {
    start[i] = of.length;
    namedStart[i] = named.length;
    for (const key of keysOf(s)) {
      let id = ids.get(key);
      if (id === undefined) {
        ids.set(key, (id = members.length));
        members.push([]);
      }
      named.push(id);
      // Distinct groups only: a repeated key was already joined.
      let seen = false;
      for (let k = start[i]!; k < of.length; k++) if (of[k] === id) seen = true;
      if (seen) continue;
      of.push(id);
      positions.push(members[id]!.push(i) - 1);
    }
  });
  start[subjects.length] = of.length;
  namedStart[subjects.length] = named.length;
  return { members, start, of: Int32Array.from(of), positions: Int32Array.from(positions), namedStart, named: Int32Array.from(named) };
}

/**
 * The `limit` best candidates, best first: more shared tags, then closer in time, then smaller id
 * (a total order, so the result is what sorting every candidate would give, without the sort).
 */
class Best {
  private readonly epochMs: Float64Array;

  constructor(
    private readonly subjects: readonly RelatedSubject[],
    private readonly limit: number,
  ) {
    this.epochMs = Float64Array.from(subjects, (s) => s.epochMs);
  }

  of(candidates: readonly number[], score: Int32Array, self: number): number[] {
    const at = this.epochMs[self]!;
    const kept: number[] = [];
    for (const c of candidates) {
      if (kept.length === this.limit && !this.before(c, kept[kept.length - 1]!, score, at)) continue;
      let i = kept.length;
      while (i > 0 && this.before(c, kept[i - 1]!, score, at)) i--;
      kept.splice(i, 0, c);
      if (kept.length > this.limit) kept.pop();
    }
    return kept;
  }

  private before(a: number, b: number, score: Int32Array, at: number): boolean {
    if (score[a] !== score[b]) return score[a]! > score[b]!;
    const da = Math.abs(this.epochMs[a]! - at);
    const db = Math.abs(this.epochMs[b]! - at);
    if (da !== db) return da < db;
    return this.subjects[a]!.id < this.subjects[b]!.id;
  }
}

/**
 * Subjects as a few arrays another thread receives without copying object by object (build/prefetch.ts):
 * ids in one string, tags and sections as numbers (equal slugs, equal numbers), dates as a typed array.
 */
export interface PackedSubjects {
  ids: string;
  tagStart: Int32Array;
  tags: Int32Array;
  sections: Int32Array;
  epochMs: Float64Array;
}

/** Ids never hold this character (they are file paths). */
const ID_SEPARATOR = "\0";

export function packSubjects(subjects: readonly RelatedSubject[]): PackedSubjects {
  const numbers = new Map<string | number, number>();
  const numberOf = (key: string | number): number => {
    let n = numbers.get(key);
    if (n === undefined) numbers.set(key, (n = numbers.size));
    return n;
  };
  const tagStart = new Int32Array(subjects.length + 1);
  const tags: number[] = [];
  const sections = new Int32Array(subjects.length);
  const epochMs = new Float64Array(subjects.length);
  subjects.forEach((s, i) => {
    tagStart[i] = tags.length;
    for (const t of s.tags) tags.push(numberOf(`t${t}`));
    sections[i] = numberOf(`s${s.section}`);
    epochMs[i] = s.epochMs;
  });
  tagStart[subjects.length] = tags.length;
  return { ids: subjects.map((s) => s.id).join(ID_SEPARATOR), tagStart, tags: Int32Array.from(tags), sections, epochMs };
}

export function unpackSubjects(packed: PackedSubjects): RelatedSubject[] {
  const ids = packed.ids === "" && packed.sections.length === 0 ? [] : packed.ids.split(ID_SEPARATOR);
  return ids.map((id, i) => ({ id, tags: Array.from(packed.tags.subarray(packed.tagStart[i]!, packed.tagStart[i + 1]!)), section: packed.sections[i]!, epochMs: packed.epochMs[i]! }));
}

/** `findRelated`'s result as two typed arrays: subject i's related are `flat[start[i]]` to `flat[start[i + 1] - 1]`. */
export interface PackedRelated {
  start: Int32Array;
  flat: Int32Array;
}

export function packRelated(related: readonly number[][]): PackedRelated {
  const start = new Int32Array(related.length + 1);
  const flat: number[] = [];
  related.forEach((r, i) => {
    start[i] = flat.length;
    flat.push(...r);
  });
  start[related.length] = flat.length;
  return { start, flat: Int32Array.from(flat) };
}

export function unpackRelated({ start, flat }: PackedRelated): number[][] {
  return Array.from({ length: start.length - 1 }, (_, i) => Array.from(flat.subarray(start[i]!, start[i + 1]!)));
}
