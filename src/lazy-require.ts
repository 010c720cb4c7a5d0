import { createRequire } from "node:module";

/**
 * A CommonJS package loaded on first use instead of at startup. Loading sanitize-html, gray-matter,
 * js-yaml and nunjucks costs about 0.15 s, and a rebuild that parses no file and renders no page
 * needs none of them (docs/benchmarks.md). The type comes from a type-only import of the package.
 */
export function lazyRequire<T>(id: string): () => T {
  let loaded: T | undefined;
  return () => (loaded ??= createRequire(import.meta.url)(id) as T);
}
