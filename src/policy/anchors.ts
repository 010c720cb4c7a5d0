/**
 * Anchors of a bulletin's headings (`## Datos importantes` → `id="datos-importantes"`), so a section
 * can be linked to, and so in-page links of legacy posts keep working: Jekyll's GFM markdown gave
 * headings these ids, the way GitHub does. The text is lower-cased; only letters, marks, digits,
 * `_`, `-` and spaces stay, and spaces become `-`; a repeated anchor gets `-1`, `-2`… An empty one
 * (a heading of signs alone) gets none.
 */

/** Ids the bulletin page's own layout uses (layouts/base.njk, layouts/bulletin.njk): a heading never takes one. */
export const LAYOUT_IDS: readonly string[] = ["buscar-encabezado", "contenido", "temas-del-boletin", "compartir", "relacionados"];

export function anchorOf(text: string): string {
  return text
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc}\- ]/gu, "")
    .replace(/ /g, "-");
}

/** The anchors of one page's headings, in order: each unique, none equal to the layout's ids. */
export class HeadingAnchors {
  readonly #used = new Set<string>(LAYOUT_IDS);

  /** The anchor of the next heading, or undefined when its text has no letter or digit to make one. */
  next(text: string): string | undefined {
    const base = anchorOf(text);
    if (base === "" || /^[-_]*$/.test(base)) return undefined;
    let id = base;
    for (let n = 1; this.#used.has(id); n++) id = `${base}-${n}`;
    this.#used.add(id);
    return id;
  }
}
