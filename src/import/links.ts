import { plainText } from "./inline.ts";

/**
 * `LINK DE FOTOS` / `Liga del video:` labels and the address that follows, on the same line or on the
 * next non-blank one, bare, between `<…>` or as a markdown link.
 */
export type LinkKind = "photos" | "video";

const LABEL_RE =
  /^(?:links?|ligas?|enlaces?|v[ií]nculos?)\s+(?:(?:de|del|a|al|para)\s+)?(?:(?:las?|los?)\s+)?(fotos?|fotograf[ií]as?|im[aá]genes|galer[ií]a|v[ií]deos?)\b\s*:?\s*(.*)$/iu;
/**
 * `Fotos: https://…`, `Ver fotos: …`, `Descarga el video aquí: …` (a bare word label counts only with
 * the address on the same line).
 */
const SHORT_LABEL_RE =
  /^(?:(?:ver|vea|mira|consulta|consulte|descarga|descargue)\s+(?:(?:las?|los?|el)\s+)?)?(fotos?|fotograf[ií]as?|im[aá]genes|v[ií]deos?)(?:\s+(?:aqu[ií]|en))?\s*:\s*(\S.*)$/iu;

export interface LinkLabel {
  kind: LinkKind;
  /** Address on the label's own line, if any. */
  url?: string;
}

export function matchLinkLabel(line: string): LinkLabel | undefined {
  const label = LABEL_RE.exec(plainText(line));
  if (label) {
    const url = findUrl(line);
    return { kind: kindOf(label[1]), ...(url ? { url } : {}) };
  }
  const short = SHORT_LABEL_RE.exec(line.trim().replace(/\*\*/g, ""));
  const url = short ? findUrl(short[2] ?? "") : undefined;
  return short && url ? { kind: kindOf(short[1]), url } : undefined;
}

function kindOf(word: string | undefined): LinkKind {
  return /^v/i.test(word ?? "") ? "video" : "photos";
}

/** The line is nothing but an address. */
export function urlOnlyLine(line: string): string | undefined {
  const t = line.trim();
  const url = findUrl(t);
  if (!url) return undefined;
  const rest = t.replace(/\[[^\]]*\]\([^)]*\)|<[^>]*>|\S*https?:\/\/\S*/g, "").trim();
  return rest === "" ? url : undefined;
}

/** First http(s) address in the text: `<…>`, `[…](…)` or bare; escapes removed, trailing punctuation trimmed. */
export function findUrl(text: string): string | undefined {
  const m = /\]\((https?:\/\/[^)\s]+)\)|<(https?:\/\/[^>\s]+)>|(https?:\/\/[^\s<>"[\]]+)/i.exec(text);
  const raw = m ? (m[1] ?? m[2] ?? m[3]) : undefined;
  if (!raw) return undefined;
  const url = raw.replace(/\\([_*~()[\]#-])/g, "$1").replace(/[.,;:)\]>*]+$/, "");
  try {
    const parsed = new URL(url);
    return parsed.hostname ? url : undefined;
  } catch {
    return undefined;
  }
}
