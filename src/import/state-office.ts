/**
 * Whether a press release comes from one of the IMSS's state offices (Oficinas de Representación)
 * rather than from the national press office. State offices name themselves the same way in their
 * titles and leads: «Reconoce IMSS Chihuahua labor de…», «IMSS Nuevo León realiza…», «El Instituto
 * Mexicano del Seguro Social (IMSS) en Chihuahua cuenta…». The national office writes «IMSS»,
 * «IMSS-Bienestar», «el IMSS inauguró en Puebla…» or «Hospital del IMSS en Sonora» (the place where
 * the IMSS acts), none of which names an office.
 *
 * The importer gives such a release the site's section for state offices (as the legacy site's
 * `section: Local`), and says so.
 */

/**
 * The 32 federal entities as the IMSS names its offices, and the names of the offices that split one
 * (CDMX Norte and Sur, Estado de México Oriente and Poniente, Veracruz Norte and Sur).
 */
export const ENTITIES = [
  "Aguascalientes",
  "Baja California Sur",
  "Baja California",
  "Campeche",
  "Chiapas",
  "Chihuahua",
  "Ciudad de México Norte",
  "Ciudad de México Sur",
  "Ciudad de México",
  "CDMX Norte",
  "CDMX Sur",
  "CDMX",
  "Coahuila",
  "Colima",
  "Durango",
  "Estado de México Oriente",
  "Estado de México Poniente",
  "Estado de México",
  "Edomex",
  "Guanajuato",
  "Guerrero",
  "Hidalgo",
  "Jalisco",
  "Michoacán",
  "Morelos",
  "Nayarit",
  "Nuevo León",
  "Oaxaca",
  "Puebla",
  "Querétaro",
  "Quintana Roo",
  "San Luis Potosí",
  "Sinaloa",
  "Sonora",
  "Tabasco",
  "Tamaulipas",
  "Tlaxcala",
  "Veracruz Norte",
  "Veracruz Sur",
  "Veracruz",
  "Yucatán",
  "Zacatecas",
] as const;

/** Lower case without accents, for matching what converted text spells either way («Querétaro», «QUERETARO»). */
function fold(text: string): string {
  return text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

/** The entities folded (`nuevo\s+leon`), as a regular expression's alternatives: for matching folded text. */
export const ENTITY_PATTERN = ENTITIES.map((e) => fold(e).replace(/ /g, "\\s+")).join("|");
/** The name must end there (not «IMSS Colima» of «Colimán»). */
const ENTITY_END = String.raw`(?![\p{L}\p{N}])`;
/**
 * «IMSS Chihuahua», «(IMSS) en Chihuahua», «El IMSS en Yucatán»: the office as the subject. Not where
 * the IMSS is a complement, «Hospital del IMSS en Sonora», «del Instituto Mexicano del Seguro Social
 * (IMSS) en Sonora», «se afilió al IMSS en Puebla»: there the place is where the national IMSS acts.
 */
const OFFICE_RE = new RegExp(
  String.raw`\bimss\)?\s+(${ENTITY_PATTERN})${ENTITY_END}|(?<!\b(?:del|al|de)\s+(?:instituto\s+mexicano\s+del\s+seguro\s+social\s+\()?)\bimss\)?\s+en\s+(?:el\s+)?(${ENTITY_PATTERN})${ENTITY_END}`,
  "u",
);

/**
 * The office a release names in its title, or else in its first paragraph, as the list above spells
 * it (`Nuevo León`); `undefined` for a national release.
 */
export function stateOfficeOf(title: string, firstParagraph: string | undefined): string | undefined {
  for (const text of [title, firstParagraph ?? ""]) {
    const m = OFFICE_RE.exec(fold(text));
    const name = m?.[1] ?? m?.[2];
    if (name) return ENTITIES.find((e) => fold(e) === name.replace(/\s+/g, " "));
  }
  return undefined;
}
