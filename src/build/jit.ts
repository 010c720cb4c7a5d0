import { setFlagsFromString } from "node:v8";

/**
 * Two settings of V8's optimizing compiler for a build, process-wide (threads started later compile
 * with them too). Only how V8 compiles changes, never what the code does. Measured in
 * scripts/bench/NOTES.md (session 23).
 */

/**
 * How much TurboFan inlines into a hot function: at most this many bytes of bytecode in all (V8's
 * default in Node 20 is 920). Every thread of a build is an isolate of its own that optimizes its own
 * copy of the same hot functions (the main thread, the file and page threads), and a build runs each
 * of them only some thousands of times: in a cold build of 10,000 bulletins, compiling cost ~2 s of
 * the ~12 s of CPU, much of it on large inlined graphs (one compilation of `normalizeBulletin` took
 * 45–130 ms; 20–40 ms since it reads each field in a function of its own, model/normalize.ts). With this budget that build took ~0.4 s less CPU and ~0.2 s less time; a rebuild after
 * an edit, the same within the noise.
 */
const INLINED_BYTECODE_BUDGET = 150;

/**
 * How soon V8 optimizes a function: after this much bytecode has run in it (V8's default in Node 20 is
 * 67,584, four times this). When every file of a large site is read or every page written, the hot
 * functions run thousands of times in each thread, and spending fewer of those runs in the
 * interpreter took another ~0.3 s and ~0.5 s of CPU off that cold build of 10,000 bulletins (5,000:
 * ~0.14 s less). It compiles more functions, sooner: a cold build of 1,000 took ~0.18 s longer, and
 * a rebuild after an edit, which runs most code a few times, gains nothing. Hence only from
 * `BULK_FILES` content files, and only for that work.
 */
const INTERRUPT_BUDGET_BULK = 16_896;
const BULK_FILES = 3_000;

export function limitInlining(): void {
  setFlagsFromString(`--max-inlined-bytecode-size-cumulative=${INLINED_BYTECODE_BUDGET}`);
}

/** For a build about to read every file or write every page of a site of `files` content files. */
export function optimizeSooner(files: number): void {
  if (files >= BULK_FILES) setFlagsFromString(`--interrupt-budget=${INTERRUPT_BUDGET_BULK}`);
}
