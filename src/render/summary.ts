import type { Bulletin } from "../model/bulletin.ts";
import { firstBlockText, markdownToText } from "./markdown.ts";

/**
 * A bulletin's summary (cards, feeds, the page's meta description): its description or, without one, the
 * start of its body's plain text, cut at a word. Small on purpose: the threads that render bodies
 * (build/pack-record.ts) store the start of the text a summary reads without loading the site's data code.
 */

/** Characters of body text in a summary when a bulletin has no description. */
export const SUMMARY_LENGTH = 220;

/** Characters of plain text a summary reads: one more than it shows, to know whether to cut. */
export const LEAD_CHARS = SUMMARY_LENGTH + 1;

/** `text` cut to at most `max` characters at a word, ending in «…» when cut. */
export function truncateText(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const space = cut.lastIndexOf(" ");
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s,;:.]+$/, "")}…`;
}

/**
 * The one summary function. `text` is the body's plain text: all of it, or its first `LEAD_CHARS`
 * characters (all the build cache keeps); both give the same summary.
 *
 * A body that begins by repeating the title as a paragraph or heading of its own (converted press releases
 * and legacy posts: `**IMSS inaugura clínica.**`, `## IMSS INAUGURA CLINICA`) is summarized from the text
 * after it, so a card does not print the title twice. Only the summary changes: the body is never altered.
 * `bulletin.body` is read only when the text starts like the title (a cached bulletin reads it from disk).
 */
export function bulletinSummary(bulletin: Pick<Bulletin, "title" | "description" | "body">, text: string): string {
  return bulletin.description ?? truncateText(textAfterTitle(bulletin, text), SUMMARY_LENGTH);
}

/**
 * `text` without a first paragraph or heading that is the title again (compared by `titleKey`), or `text`
 * itself. Whether to look is decided on the first `LEAD_CHARS` characters, whatever `text` holds: a title
 * longer than a summary is never looked for, with or without the cache.
 */
function textAfterTitle(bulletin: Pick<Bulletin, "title" | "body">, text: string): string {
  const lead = text.length > LEAD_CHARS ? text.slice(0, LEAD_CHARS) : text;
  const title = bulletin.title;
  // Nearly every body starts otherwise: said by its first character, before folding anything.
  if (!lead || fold(lead.charAt(0)) !== fold(title.charAt(0))) return text;
  const key = titleKey(title);
  if (!key || !fold(lead).startsWith(key)) return text;
  // The text starts with the title's words: is it a paragraph or heading of its own, or a sentence going on?
  const body = bulletin.body;
  const first = firstBlockText(body);
  if (first === undefined || titleKey(first) !== key) return text;
  // The whole text, not a lead, so what follows the title fills the summary (rare: only these bodies).
  const whole = text.length !== LEAD_CHARS ? text : markdownToText(body);
  if (!whole.startsWith(first)) return text;
  const rest = whole.slice(first.length).trimStart();
  // A body that is only its title keeps it as its summary.
  return rest || text;
}

/** A text compared without case, accents or spacing: `IMSS INAUGURA CLINICA` and `IMSS inaugura  clínica`. */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ");
}

/** A title or a body's first block as compared: folded, trimmed, without a trailing period, colon or ellipsis. */
function titleKey(text: string): string {
  return fold(text).trim().replace(/[\s.:;,…]+$/u, "");
}
