import type { Zone } from "luxon";

const HOUR = 60 * 60 * 1000;

/**
 * Every change of a zone's offset between two instants, to the millisecond: found by 5-hour steps
 * (not the daily ones src/policy/zone-offsets.ts tables by) and bisected. Each is the first instant
 * of the new offset.
 */
export function transitions(zone: Pick<Zone, "offset">, from: number, to: number): number[] {
  const found: number[] = [];
  const step = 5 * HOUR;
  let next = zone.offset(from);
  for (let t = from; t < to; t += step) {
    const a = next;
    next = zone.offset(t + step);
    if (next === a) continue;
    let lo = t;
    let hi = t + step;
    while (hi - lo > 1) {
      const mid = lo + Math.floor((hi - lo) / 2);
      if (zone.offset(mid) === a) lo = mid;
      else hi = mid;
    }
    found.push(hi);
  }
  return found;
}
