import type { Bulletin } from "../model/bulletin.ts";
import { minutesToRead, renderBody } from "../render/markdown.ts";
import { LEAD_CHARS } from "../render/summary.ts";

/**
 * A bulletin as the build cache keeps it in its index: everything but the markdown and the field
 * positions, which go to the pack with the body's HTML and text (read only when something prints them).
 */
export type CachedBulletin = Omit<Bulletin, "body" | "positions">;

/** The texts of one body, as the pack stores them. */
export interface BodyTexts {
  body: string;
  html: string;
  /**
   * The start of its plain text, `LEAD_CHARS` characters (or all of a shorter text): all a build reads
   * of it, since the reading time is counted once and stored in the index. The whole text was a third
   * of the pack.
   */
  text: string;
  /** The bulletin's field positions, as JSON. */
  positions: string;
}

/**
 * One record of the pack: the four texts as UTF-16LE, one after the other (decoding is a copy), with
 * each one's length in bytes. Made by whichever thread parsed the file, in a buffer of its own, so a
 * worker thread hands it over without copying and the main thread writes it as it is.
 */
export interface PackRecord {
  bytes: Uint8Array;
  lengths: [body: number, html: number, text: number, positions: number];
}

export function encodePackRecord(texts: BodyTexts): PackRecord {
  const parts = [texts.body, texts.html, texts.text, texts.positions] as const;
  const lengths = parts.map((p) => p.length * 2) as PackRecord["lengths"];
  // Not from Buffer's shared pool: the record's memory is its own, so it can be transferred.
  const bytes = Buffer.allocUnsafeSlow(lengths[0] + lengths[1] + lengths[2] + lengths[3]);
  let offset = 0;
  parts.forEach((p, i) => {
    bytes.write(p, offset, "utf16le");
    offset += lengths[i]!;
  });
  return { bytes, lengths };
}

/**
 * A body rendered once (sanitized HTML and plain text) and encoded as its pack record, with its reading
 * time: what every thread that parses a file stores for it. The whole text is returned; the record
 * keeps its lead.
 */
export function renderPackRecord(body: string, positions: string): { record: PackRecord; html: string; text: string; minutes: number } {
  const { html, text, words } = renderBody(body);
  return { record: encodePackRecord({ body, html, text: text.slice(0, LEAD_CHARS), positions }), html, text, minutes: minutesToRead(words) };
}
