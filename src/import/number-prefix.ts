/**
 * What introduces a bulletin's number on its line: `No. `, `Núm. `, `Boletín `, `Comunicado de prensa No. `
 * (regular-expression source, case-insensitive). Shared by `release-number.ts`, which reads the number, and
 * `spanish-dates.ts`, which lets a dateline end with one.
 */
const NO = String.raw`(?:n[úu]m(?:ero)?|no|nº|n°|nro)\.?\s*`;
export const NUMBER_PREFIX = String.raw`(?:(?:bolet[ií]n|comunicado)(?:\s+de\s+prensa)?\s*(?:${NO})?|${NO})`;
