import { plainText } from "./inline.ts";

/**
 * `LINK DE FOTOS` / `Liga del video:` / `LINK DE AUDIO` labels and the address that follows, on the same line or on the
 * next non-blank one, bare, between `<…>` or as a markdown link.
 */
export type LinkKind = "photos" | "video" | "audio";

const LABEL_RE =
  /^(?:links?|ligas?|enlaces?|v[ií]nculos?)\s+(?:(?:de|del|a|al|para)\s+)?(?:(?:las?|los?)\s+)?(fotos?|fotograf[ií]as?|im[aá]genes|galer[ií]a|v[ií]deos?|[aá]udios?)\b\s*:?\s*(.*)$/iu;
/**
 * `Fotos: https://…`, `Ver fotos: …`, `Descarga el video aquí: …`, `Fotos en el siguiente enlace: …`
 * (a bare word label counts only with the address on the same line, and a few words at most before
 * the colon: see `isLabelRest` for what may follow it).
 */
const SHORT_LABEL_RE =
  /^(?:(?:ver|vea|mira|consulta|consulte|descarga|descargue)\s+(?:(?:las?|los?|el)\s+)?)?(fotos?|fotograf[ií]as?|im[aá]genes|v[ií]deos?|[aá]udios?)(?:\s+[^\s:.,;!?]+){0,4}\s*:\s*(\S.*)$/iu;

export interface LinkLabel {
  kind: LinkKind;
  /** Address on the label's own line, if any. */
  url?: string;
}

/**
 * What may follow a label on its line: the address (the next line holds it otherwise), a few words
 * before it (`aquí`, `en el siguiente enlace`, `Y VIDEO:`), punctuation after it. A sentence with more
 * words, or any text after the address, is body text that mentions the photos or a video, and stays.
 */
const MAX_LABEL_WORDS = 4;
const ADDRESS_TOKEN_RE = /\[[^\]]*\]\([^)]*\)|<[^>\s]*>|\S*https?:\/\/\S*/i;

function isLabelRest(rest: string): boolean {
  const address = ADDRESS_TOKEN_RE.exec(rest);
  const before = address ? rest.slice(0, address.index) : rest;
  const after = address ? rest.slice(address.index + address[0].length) : "";
  const words = before.replace(/[*_:.,;()«»"“”]+/g, " ").trim().split(/\s+/).filter(Boolean);
  return words.length <= MAX_LABEL_WORDS && /^[\s.,;:)\]>*_]*$/.test(after);
}

export function matchLinkLabel(line: string): LinkLabel | undefined {
  const label = LABEL_RE.exec(plainText(line));
  if (label && isLabelRest(label[2] ?? "")) {
    const url = findUrl(line);
    return { kind: kindOf(label[1]), ...(url ? { url } : {}) };
  }
  const short = SHORT_LABEL_RE.exec(line.trim().replace(/\*\*/g, ""));
  const url = short && isLabelRest(short[2] ?? "") ? findUrl(short[2] ?? "") : undefined;
  return short && url ? { kind: kindOf(short[1]), url } : undefined;
}

function kindOf(word: string | undefined): LinkKind {
  if (/^v/i.test(word ?? "")) return "video";
  return /^[aá]u/i.test(word ?? "") ? "audio" : "photos";
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
