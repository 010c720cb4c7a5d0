/** Escaping for XML text and attribute values (feeds, sitemaps). */
export function escapeXml(value: string): string {
  // Most values (URLs, dates, slugs) need nothing: one scan instead of two replacements.
  if (!NEEDS_ESCAPING.test(value)) return value;
  return stripInvalidXmlChars(value).replace(/[<>&"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" };

/** XML 1.0 forbids most control characters even when escaped. */
const INVALID_XML_CHARS = "\\u0000-\\u0008\\u000B\\u000C\\u000E-\\u001F\\uFFFE\\uFFFF";
const INVALID_XML_CHAR = new RegExp(`[${INVALID_XML_CHARS}]`, "g");
const NEEDS_ESCAPING = new RegExp(`[<>&"'${INVALID_XML_CHARS}]`);

/** The text without the characters XML 1.0 forbids. */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(INVALID_XML_CHAR, "");
}
