/**
 * What legacy Jekyll posts carry in their bodies that this site does not interpret, and would print
 * as written: Jekyll's template tags (Liquid: `{{ site.baseurl }}`, `{% post_url 2021-08-19-x %}`,
 * `{% include figura.html %}`; a body is never run through a template engine) and kramdown's
 * attribute lists (`[enlace](…){:target="_blank"}`, `{: .destacado}`; marked reads GFM). Each one is
 * said (model/body-references.ts), with what to write instead.
 */
export interface LiquidTag {
  /** As written, e.g. `{% post_url 2021-08-19-x %}`. */
  text: string;
  /** Offset in the body. */
  offset: number;
  /** For `{% post_url NAME %}`: the file name NAME ends in, without its extension (a legacy post's). */
  postUrl?: string;
  /** `{{ site.baseurl }}`, `{{ site.url }}` and the like: the site's own address, which paths here start without. */
  siteAddress?: boolean;
}

const TAG = /\{\{[^{}\n]*\}\}|\{%[^\n]*?%\}/g;

export function findLiquid(body: string): LiquidTag[] {
  if (!body.includes("{{") && !body.includes("{%")) return [];
  const tags: LiquidTag[] = [];
  for (const m of body.matchAll(TAG)) {
    const text = m[0];
    const tag: LiquidTag = { text, offset: m.index };
    const post = /^\{%-?\s*post_url\s+(\S+?)\s*-?%\}$/.exec(text);
    // Jekyll accepts the post's folder too (`{% post_url 2021/2021-08-19-x %}`): the file name is what identifies it.
    if (post) tag.postUrl = post[1]!.replace(/\.(md|markdown)$/i, "").replace(/^.*\//, "");
    else if (/^\{\{-?\s*site\.(baseurl|url)\s*-?\}\}$/.test(text)) tag.siteAddress = true;
    tags.push(tag);
  }
  return tags;
}

/** Whether an address holds a Liquid tag, as written or as a link's address encodes it (`%7B%7B`, `%7B%25`). */
export function holdsLiquid(address: string): boolean {
  return /\{\{|\{%|%7B%7B|%7B%25/i.test(address);
}

/** kramdown's attribute lists, `{:target="_blank"}`, `{: .clase}`, `{:#ancla}`: as written and where. */
export function findKramdownAttributes(body: string): Array<{ text: string; offset: number }> {
  if (!body.includes("{:")) return [];
  return [...body.matchAll(/\{:[^{}\n]*\}/g)].map((m) => ({ text: m[0], offset: m.index }));
}
