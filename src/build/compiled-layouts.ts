import type * as Nunjucks from "nunjucks";
import { NUNJUCKS_OPTIONS } from "../eleventy/configure.ts";
import { sha1 } from "./digest.ts";

/**
 * Layouts as Nunjucks compiles them (JavaScript source), kept between builds in the build cache
 * (cache.ts): compiling the layouts costs ~50 ms of every rebuild that renders a page, evaluating
 * their compiled source ~4 ms (docs/benchmarks.md). An entry is named by the template's path, its
 * source and the compile options; the cache's fingerprint covers the Nunjucks version.
 */
export type CompiledLayouts = Map<string, string>;

/** The compile options, as part of each entry's name. */
const OPTIONS_KEY = JSON.stringify(NUNJUCKS_OPTIONS);

/** A `FileSystemLoader` that hands Nunjucks each template already compiled, compiling (and recording) what `compiled` lacks. */
export function compilingLoader(nunjucks: Pick<typeof Nunjucks, "FileSystemLoader" | "compiler">, searchPath: string, compiled: CompiledLayouts): Nunjucks.FileSystemLoader {
  class CompiledLoader extends nunjucks.FileSystemLoader {
    override getSource(name: string): Nunjucks.LoaderSource | null {
      const info = super.getSource(name);
      if (!info || typeof info.src !== "string") return info;
      const key = sha1(`${info.path}\0${OPTIONS_KEY}\0${info.src}`);
      let code = compiled.get(key);
      if (code === undefined) {
        try {
          code = nunjucks.compiler.compile(info.src, [], [], info.path, NUNJUCKS_OPTIONS);
        } catch {
          // A template that does not compile is left to Nunjucks, which reports it with its path and line.
          return info;
        }
        compiled.set(key, code);
      }
      // The same call Nunjucks makes on the source it compiles (Template#_compile).
      return { ...info, src: { type: "code", obj: new Function(code)() as object } };
    }
  }
  return new CompiledLoader(searchPath);
}
