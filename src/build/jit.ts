import { setFlagsFromString } from "node:v8";

/**
 * How much TurboFan inlines into a hot function: at most this many bytes of bytecode in all (V8's
 * default in Node 20 is 920). Every thread of a build is an isolate of its own that optimizes its own
 * copy of the same hot functions (the main thread, the file and page threads), and a build runs each
 * of them only some thousands of times: in a cold build of 10,000 bulletins, compiling cost ~2 s of
 * the ~12 s of CPU, much of it on large inlined graphs (one compilation of `normalizeBulletin` took
 * 45–130 ms). With this budget that build took ~0.5 s less CPU and ~0.3 s less time (alternating
 * rounds, scripts/bench/NOTES.md, session 23); a rebuild after an edit, the same within the noise.
 * Only how V8 compiles changes, never what the code does. Process-wide: threads started later
 * compile with it too.
 */
const INLINED_BYTECODE_BUDGET = 150;

export function limitInlining(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_BUDGET}`);
}
