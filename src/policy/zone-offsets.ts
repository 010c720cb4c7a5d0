import { IANAZone, Zone } from "luxon";

/**
 * A luxon zone that answers the same offsets as `IANAZone` for the same name, from a table of the
 * zone's transitions instead of one `Intl` call per question.
 *
 * luxon asks the zone for its offset two or three times per date it builds, and each answer from
 * `IANAZone` formats the instant with `Intl.DateTimeFormat` (about 25 µs): most of the cost of
 * reading the dates of a large archive. Here a year's transitions are found once, by asking
 * `IANAZone` at every UTC midnight of the year and bisecting to the millisecond wherever the offset
 * changed between two midnights. That misses only a change and its reversal within one day, which no
 * zone in the tz database has. A year is tabled only once it has been asked about `TABLE_AFTER`
 * times: a small site with a few dates a year keeps asking `IANAZone` directly.
 *
 * Everything else (name, formatting of offsets and names, equality) is `IANAZone`'s, and the zone's
 * type is "iana", so luxon formats dates in it exactly as in the `IANAZone`.
 */
export class TabledZone extends Zone {
  private readonly iana: IANAZone;
  private readonly years = new Map<number, YearTable>();
  private readonly asked = new Map<number, number>();

  constructor(name: string) {
    super();
    this.iana = IANAZone.create(name);
  }

  override get type(): string {
    return "iana";
  }

  override get name(): string {
    return this.iana.name;
  }

  override get isUniversal(): boolean {
    return false;
  }

  override get isValid(): boolean {
    return this.iana.isValid;
  }

  override offsetName(ts: number, opts: Parameters<Zone["offsetName"]>[1]): string | null {
    return this.iana.offsetName(ts, opts);
  }

  override formatOffset(ts: number, format: Parameters<Zone["formatOffset"]>[1]): string {
    return this.iana.formatOffset(ts, format);
  }

  override equals(other: Zone): boolean {
    return other.type === "iana" && other.name === this.name;
  }

  override offset(ts: number): number {
    if (!Number.isFinite(ts) || !this.iana.isValid) return this.iana.offset(ts);
    const year = new Date(ts).getUTCFullYear();
    let table = this.years.get(year);
    if (!table) {
      const count = (this.asked.get(year) ?? 0) + 1;
      this.asked.set(year, count);
      if (count < TABLE_AFTER) return this.iana.offset(ts);
      table = yearTable(this.iana, year);
      this.years.set(year, table);
    }
    return table.offsetAt(ts);
  }
}

/** Questions about one UTC year answered by `IANAZone` before the year is tabled (a table costs ~370 of them). */
export const TABLE_AFTER = 64;

export const DAY_MS = 24 * 60 * 60 * 1000;

/** One UTC year of a zone: the offset at its start and each change inside it. */
class YearTable {
  constructor(
    private readonly startOffset: number,
    /** Instants (ms) at which the offset changes, ascending, and the offset from each one on. */
    private readonly changes: Array<{ at: number; offset: number }>,
  ) {}

  offsetAt(ts: number): number {
    let offset = this.startOffset;
    for (const change of this.changes) {
      if (ts < change.at) break;
      offset = change.offset;
    }
    return offset;
  }
}

function yearTable(zone: IANAZone, year: number): YearTable {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const changes: Array<{ at: number; offset: number }> = [];
  let from = start;
  let fromOffset = zone.offset(start);
  const startOffset = fromOffset;
  while (from < end) {
    const to = Math.min(from + DAY_MS, end);
    const toOffset = zone.offset(to);
    // Several changes within one day (never seen in tzdata, but cheap to handle if they do not cancel out).
    let lo = from;
    let loOffset = fromOffset;
    while (loOffset !== toOffset) {
      const at = firstDifferent(zone, lo, loOffset, to);
      const offset = zone.offset(at);
      changes.push({ at, offset });
      lo = at;
      loOffset = offset;
    }
    from = to;
    fromOffset = toOffset;
  }
  return new YearTable(startOffset, changes);
}

/** The first millisecond in (lo, hi] whose offset is not `loOffset`, knowing that hi's is not. */
function firstDifferent(zone: IANAZone, lo: number, loOffset: number, hi: number): number {
  while (hi - lo > 1) {
    const mid = lo + Math.floor((hi - lo) / 2);
    if (zone.offset(mid) === loOffset) lo = mid;
    else hi = mid;
  }
  return hi;
}

const zones = new Map<string, TabledZone>();

/** The tabled zone for an IANA name (one per name and thread). */
export function tabledZone(name: string): TabledZone {
  let zone = zones.get(name);
  if (!zone) {
    zone = new TabledZone(name);
    zones.set(name, zone);
  }
  return zone;
}
