import { normalizeBulletinNumber } from "../model/normalize.ts";

/**
 * The bulletin number: `No. 171/2024`, `No.88/2023`, `Núm. 45/2023`, `No. 154 /2022`,
 * `Boletín No. 12/2024`, `Comunicado de prensa Núm. 3/2023`. It counts only when it is the whole
 * line, or shares the line with nothing but the dateline (letterhead tables put them side by side),
 * so `UMF No. 68` or `No. 1/2024` inside a sentence is never taken for it.
 */
const NO = String.raw`(?:n[úu]m(?:ero)?|no|nº|n°|nro)\.?\s*`;
/** `No. `, or `Boletín `/`Comunicado de prensa ` with or without `No. ` after it. */
const PREFIX = String.raw`(?:(?:bolet[ií]n|comunicado)(?:\s+de\s+prensa)?\s*(?:${NO})?|${NO})`;
const NUMBER_LINE_RE = new RegExp(String.raw`^[\s.,;:|–—-]*${PREFIX}(\d{1,5}\s*\/\s*\d{4})\s*\.?$`, "iu");
const NUMBER_TOKEN_RE = new RegExp(String.raw`(^|[\s.,;:|–—-])${PREFIX}(\d{1,5}\s*\/\s*\d{4})(?=$|[\s.,;:|–—-])`, "iu");

export function matchNumberLine(line: string): string | undefined {
  const m = NUMBER_LINE_RE.exec(line.trim());
  return m?.[1] ? normalizeBulletinNumber(m[1]) : undefined;
}

/** The number and what else the line says (`No. 171/2024   Ciudad de México, 9 de abril de 2024`). */
export function splitNumber(line: string): { number: string; rest: string } | undefined {
  const m = NUMBER_TOKEN_RE.exec(line);
  const number = m?.[2] ? normalizeBulletinNumber(m[2]) : undefined;
  if (!m || !number) return undefined;
  const before = line.slice(0, m.index + (m[1]?.length ?? 0));
  const after = line.slice(m.index + m[0].length);
  const rest = `${before} ${after}`.replace(/\s+/g, " ").replace(/^[\s.,;:|–—-]+|[\s,;:|–—-]+$/g, "").trim();
  return { number, rest };
}
