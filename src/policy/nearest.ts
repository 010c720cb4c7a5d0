/**
 * Finding the word an editor most likely meant (a field name written `Title`, `fechа`, `descripcion`,
 * `tittle`). Comparison ignores case and accents.
 */

/** Lower case, without accents, `-` and spaces as `_`: `Título` → `titulo`, `Redirect-From` → `redirect_from`. */
export function foldName(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().trim().replace(/[\s-]+/g, "_");
}

/** Levenshtein distance: insertions, deletions and substitutions (a swap of two letters counts 2). */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length]!;
}

/**
 * What `word` most likely means among `candidates` (each name with its meaning): the meaning of the
 * name equal to it once folded (`foldName`), else of the name nearest by edit distance when near
 * enough (one edit for words of up to four letters, two for longer ones). Undefined when none is, or
 * when names of different meanings are equally near.
 */
export function nearestName<T>(word: string, candidates: ReadonlyArray<readonly [name: string, meaning: T]>): T | undefined {
  const folded = foldName(word);
  const same = candidates.find(([name]) => foldName(name) === folded);
  if (same) return same[1];
  const limit = folded.length <= 4 ? 1 : 2;
  let best: { meaning: T; distance: number; tie: boolean } | undefined;
  for (const [name, meaning] of candidates) {
    const distance = editDistance(folded, foldName(name));
    if (distance > limit) continue;
    if (!best || distance < best.distance) best = { meaning, distance, tie: false };
    else if (distance === best.distance && meaning !== best.meaning) best.tie = true;
  }
  return best && !best.tie ? best.meaning : undefined;
}
