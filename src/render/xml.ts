/** Escaping for XML text and attribute values (feeds, sitemaps). */
export function escapeXml(value: string): string {
  return stripInvalidXmlChars(value).replace(/[<>&"']/g, (c) => XML_ENTITIES[c] ?? c);
}

const XML_ENTITIES: Record<string, string> = { "<": "&lt;", ">": "&gt;", "&": "&amp;", '"': "&quot;", "'": "&apos;" };

/** XML 1.0 forbids most control characters even when escaped. */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, "");
}
