import type { RawFile } from "./views.ts";

/**
 * A file whose bytes are made when first read, with what its digest is made from instead of them
 * (`RawFile.madeFrom` or `RawFile.inputs`): a rebuild that leaves that unchanged never makes it.
 */
export function madeWhenRead(url: string, make: () => string, digestBasis: Pick<RawFile, "madeFrom" | "inputs">): RawFile {
  let content: string | undefined;
  return {
    url,
    get content() {
      return (content ??= make());
    },
    ...digestBasis,
  };
}

/**
 * A file made by a function of plain data only (`make` reads its argument, the code and the
 * settings, nothing else): its digest input is that data serialized (`RawFile.inputs`). A sitemap
 * of 18,000 addresses or the redirect maps cost tens of milliseconds to print; comparing their
 * inputs costs a few.
 */
export function fileMadeOf<T>(url: string, inputs: T, make: (inputs: T) => string): RawFile {
  return madeWhenRead(url, () => make(inputs), { inputs: JSON.stringify(inputs) });
}
