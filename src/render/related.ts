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
  /** Tag slugs. */
  tags: readonly string[];
  section: string;
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
  const byTag = groupPositions(subjects, (s) => s.tags);
  const bySection = groupPositions(subjects, (s) => [s.section]);
  // Scratch space shared by every subject: `seenBy[i] === self + 1` marks i as already a candidate.
  const seenBy = new Int32Array(subjects.length);
  const score = new Int32Array(subjects.length);
  const candidates: number[] = [];
  const best = new Best(subjects, options.limit);
  // Tags as small integers: comparing them is most of the work.
  const tagIds = new Map<string, number>();
  const tagsOf = subjects.map((s) =>
    s.tags.map((t) => {
      let id = tagIds.get(t);
      if (id === undefined) tagIds.set(t, (id = tagIds.size));
      return id;
    }),
  );
  return subjects.map((subject, self) => {
    const mine = tagsOf[self]!;
    const mark = self + 1;
    candidates.length = 0;
    for (const tag of subject.tags) {
      forWindow(byTag.get(tag)!, self, options.window, (other) => {
        if (seenBy[other] === mark) return;
        seenBy[other] = mark;
        score[other] = sharedCount(mine, tagsOf[other]!);
        candidates.push(other);
      });
    }
    const chosen = best.of(candidates, score, self);
    if (chosen.length < options.limit) {
      candidates.length = 0;
      forWindow(bySection.get(subject.section)!, self, options.window, (other) => {
        if (chosen.includes(other)) return;
        score[other] = 0;
        candidates.push(other);
      });
      chosen.push(...best.of(candidates, score, self).slice(0, options.limit - chosen.length));
    }
    return chosen;
  });
}

interface Positions {
  /** Subject indexes in this group, in subject order (newest first). */
  members: number[];
  /** Subject index → position in `members`. */
  at: Map<number, number>;
}

function groupPositions(subjects: readonly RelatedSubject[], keysOf: (s: RelatedSubject) => readonly string[]): Map<string, Positions> {
  const groups = new Map<string, Positions>();
  subjects.forEach((s, i) => {
    for (const key of new Set(keysOf(s))) {
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { members: [], at: new Map() }));
      g.at.set(i, g.members.length);
      g.members.push(i);
    }
  });
  return groups;
}

/** Calls `visit` for the members up to `window` positions on each side of `self` in the group. */
function forWindow(group: Positions, self: number, window: number, visit: (other: number) => void): void {
  const pos = group.at.get(self)!;
  const to = Math.min(group.members.length - 1, pos + window);
  for (let p = Math.max(0, pos - window); p <= to; p++) if (p !== pos) visit(group.members[p]!);
}

function sharedCount(a: readonly number[], b: readonly number[]): number {
  let n = 0;
  for (const t of a) if (b.includes(t)) n++;
  return n;
}

/**
 * The `limit` best candidates, best first: more shared tags, then closer in time, then smaller id
 * (a total order, so the result is what sorting every candidate would give, without the sort).
 */
class Best {
  constructor(
    private readonly subjects: readonly RelatedSubject[],
    private readonly limit: number,
  ) {}

  of(candidates: readonly number[], score: Int32Array, self: number): number[] {
    const at = this.subjects[self]!.epochMs;
    const kept: number[] = [];
    const before = (a: number, b: number): boolean => {
      if (score[a] !== score[b]) return score[a]! > score[b]!;
      const da = Math.abs(this.subjects[a]!.epochMs - at);
      const db = Math.abs(this.subjects[b]!.epochMs - at);
      if (da !== db) return da < db;
      return this.subjects[a]!.id < this.subjects[b]!.id;
    };
    for (const c of candidates) {
      if (kept.length === this.limit && !before(c, kept[kept.length - 1]!)) continue;
      let i = kept.length;
      while (i > 0 && before(c, kept[i - 1]!)) i--;
      kept.splice(i, 0, c);
      if (kept.length > this.limit) kept.pop();
    }
    return kept;
  }
}
