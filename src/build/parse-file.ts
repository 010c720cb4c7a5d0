import { sha1Bytes } from "./digest.ts";
import { loadAndNormalize } from "../model/corpus.ts";
import type { ContentFile } from "../model/load.ts";
import type { SiteConfig } from "../site.ts";
import type { FileJobResult } from "./file-workers.ts";
import { renderPackRecord } from "./pack-record.ts";

/**
 * What a thread other than the main one makes of one content file for the build cache: the file
 * read once, hashed from the bytes it parsed, normalized, and its body rendered (HTML, plain text,
 * reading time), with the images it asked about. The same functions as the main thread. The
 * markdown, field positions, HTML and text come as the pack record the cache stores.
 */
export async function parseForCache(file: ContentFile, site: SiteConfig, imageExists: (sitePath: string) => boolean): Promise<FileJobResult> {
  const images: Array<[string, boolean]> = [];
  let hash: string | undefined;
  const result = await loadAndNormalize(file, {
    site,
    imageExists: (p) => {
      const exists = imageExists(p);
      images.push([p, exists]);
      return exists;
    },
  }, (bytes) => (hash = sha1Bytes(bytes)));
  const found = { images, ...(hash ? { hash } : {}) };
  if (!result.bulletin) return { result: { problems: result.problems }, ...found };
  const { body, positions, ...fields } = result.bulletin;
  const { record, minutes } = renderPackRecord(body, JSON.stringify(positions));
  return { result: { problems: result.problems, bulletin: fields }, ...found, texts: record, minutes };
}
