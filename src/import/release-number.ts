import { normalizeBulletinNumber } from "../model/normalize.ts";

/**
 * The bulletin number line: `No. 171/2024`, `No.88/2023`, `Núm. 45/2023`, `No. 154 /2022`,
 * `Boletín No. 12/2024`, `Comunicado de prensa Núm. 3/2023`. The whole line must be the number
 * (or the tail of a dateline), so `UMF No. 68` inside a sentence is never taken for it.
 */
const NUMBER_LINE_RE =
  /^[\s.,;:–—-]*(?:(?:bolet[ií]n|comunicado)(?:\s+de\s+prensa)?\s*)?(?:n[úu]m(?:ero)?|no|nº|n°|nro)\.?\s*(\d{1,5}\s*\/\s*\d{4})\s*\.?$/iu;

export function matchNumberLine(line: string): string | undefined {
  const m = NUMBER_LINE_RE.exec(line.trim());
  return m?.[1] ? normalizeBulletinNumber(m[1]) : undefined;
}
