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
  return subjects.map((subject, self) => {
    const scores = new Map<number, number>();
    for (const tag of subject.tags) {
      for (const other of windowAround(byTag.get(tag)!, self, options.window)) {
        if (!scores.has(other)) scores.set(other, sharedCount(subject.tags, subjects[other]!.tags));
      }
    }
    const byTags = rank(scores, subjects, self);
    const chosen = byTags.slice(0, options.limit);
    if (chosen.length < options.limit) {
      const taken = new Set(chosen);
      const sectionScores = new Map<number, number>();
      for (const other of windowAround(bySection.get(subject.section)!, self, options.window)) {
        if (!taken.has(other)) sectionScores.set(other, 0);
      }
      chosen.push(...rank(sectionScores, subjects, self).slice(0, options.limit - chosen.length));
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

function* windowAround(group: Positions, self: number, window: number): Generator<number> {
  const pos = group.at.get(self)!;
  const from = Math.max(0, pos - window);
  const to = Math.min(group.members.length - 1, pos + window);
  for (let p = from; p <= to; p++) if (p !== pos) yield group.members[p]!;
}

function sharedCount(a: readonly string[], b: readonly string[]): number {
  let n = 0;
  for (const t of a) if (b.includes(t)) n++;
  return n;
}

function rank(scores: Map<number, number>, subjects: readonly RelatedSubject[], self: number): number[] {
  const at = subjects[self]!.epochMs;
  return [...scores.entries()]
    .sort(([ia, sa], [ib, sb]) => {
      if (sa !== sb) return sb - sa;
      const da = Math.abs(subjects[ia]!.epochMs - at);
      const db = Math.abs(subjects[ib]!.epochMs - at);
      if (da !== db) return da - db;
      const a = subjects[ia]!.id;
      const b = subjects[ib]!.id;
      return a < b ? -1 : a > b ? 1 : 0;
    })
    .map(([i]) => i);
}
