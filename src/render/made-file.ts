import type { RawFile } from "./views.ts";

/**
 * A file made by a function of plain data only (`make` reads its argument, the code and the
 * settings, nothing else): its digest input is that data serialized (`RawFile.inputs`), and its
 * bytes are made when first read. A sitemap of 18,000 addresses or the redirect maps cost tens of
 * milliseconds to print; comparing their inputs costs a few.
 */
export function fileMadeOf<T>(url: string, inputs: T, make: (inputs: T) => string): RawFile {
  let content: string | undefined;
  return {
    url,
    get content() {
      return (content ??= make(inputs));
    },
    inputs: JSON.stringify(inputs),
  };
}
