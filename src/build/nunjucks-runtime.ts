/**
 * Faster versions of three functions of Nunjucks' runtime that every rendered page calls thousands
 * of times, each giving the same result as the one it replaces:
 *
 * - `Frame.set` splits every variable name on dots at every call; a `{% for %}` sets seven `loop.*`
 *   names per item (at 10,000 bulletins, millions of splits: the most costly function in a cold
 *   build's CPU profile, though the profiler inflates it). Here each name is split once and the parts
 *   are reused. The three together: 3 % fewer instructions in a cold build (docs/benchmarks.md).
 * - `lib.escape` runs a global replace with a callback on every printed value; most values (titles,
 *   dates, URLs) have nothing to escape and are returned as they are.
 * - `runtime.memberLookup` reads `obj[name]` twice (to see whether it is a function, then to return
 *   it), so a getter runs twice: a post's `seo` (JSON-LD) was built twice per page. Here it is read
 *   once; a method is still bound to its object the same way. Every getter a layout reads
 *   (render/site-data.ts) returns the same value each time, so pages are byte for byte the same.
 *
 * Nunjucks' compiled templates call these through the runtime and lib modules' properties, so
 * replacing the properties is enough. Installed once per process, by the build's renderer
 * (build/pages.ts), on the module instance Eleventy shares. `BOLETINES_PLAIN_NUNJUCKS=1` leaves
 * Nunjucks as it is: tests/build/nunjucks-runtime.test.ts builds a site both ways and compares them.
 */

/** The parts of Nunjucks' runtime replaced here, as nunjucks/src/runtime.js and lib.js define them. */
interface FrameLike {
  variables: Record<string, unknown>;
  resolve(name: string, forWrite?: boolean): FrameLike | undefined;
  set(name: string, value: unknown, resolveUp?: boolean): void;
}
export interface NunjucksRuntimeParts {
  runtime: {
    Frame: { prototype: FrameLike };
    memberLookup: (obj: unknown, name: string) => unknown;
  };
  lib: { escape: (value: string) => string };
}

const INSTALLED = Symbol.for("boletines.nunjucksRuntime");

/** Installs the faster functions (once; later calls do nothing). */
export function speedUpNunjucks(nunjucks: NunjucksRuntimeParts): void {
  if (process.env["BOLETINES_PLAIN_NUNJUCKS"] === "1") return;
  const marked = nunjucks.runtime as { [INSTALLED]?: true };
  if (marked[INSTALLED]) return;
  marked[INSTALLED] = true;
  nunjucks.runtime.Frame.prototype.set = frameSet;
  nunjucks.lib.escape = escapeWith(nunjucks.lib.escape);
  nunjucks.runtime.memberLookup = memberLookup;
}

/** Variable names split on dots, by name (names come from templates: a few hundred at most). */
const nameParts = new Map<string, string[]>();

/** Nunjucks' `Frame.prototype.set`, with each name split once. */
export function frameSet(this: FrameLike, name: string, value: unknown, resolveUp?: boolean): void {
  let parts = nameParts.get(name);
  if (parts === undefined) nameParts.set(name, (parts = name.split(".")));
  if (resolveUp) {
    const frame = this.resolve(parts[0]!, true);
    if (frame) {
      frame.set(name, value);
      return;
    }
  }
  let obj = this.variables;
  for (let i = 0; i < parts.length - 1; i++) {
    const id = parts[i]!;
    if (!obj[id]) obj[id] = {};
    obj = obj[id] as Record<string, unknown>;
  }
  obj[parts[parts.length - 1]!] = value;
}

/** The characters Nunjucks escapes (nunjucks/src/lib.js). */
const ESCAPED = /[&"'<>\\]/;

/** Nunjucks' `lib.escape`, called only when there is something to escape. */
export function escapeWith(escape: (value: string) => string): (value: string) => string {
  return (value) => (ESCAPED.test(value) ? escape(value) : value);
}

/** Nunjucks' `runtime.memberLookup`, reading the member once. */
export function memberLookup(obj: unknown, name: string): unknown {
  if (obj === undefined || obj === null) return undefined;
  const value = (obj as Record<string, unknown>)[name];
  if (typeof value === "function") {
    return (...args: unknown[]) => ((obj as Record<string, (...a: unknown[]) => unknown>)[name]!).apply(obj, args);
  }
  return value;
}
