import { outputFileFor } from "../policy/urls.ts";

/** What an Eleventy JavaScript template module exports. */
export interface PageDefinition<D> {
  data: Record<string, unknown>;
  render: (data: D) => string;
}

/**
 * One output file per item of a list in the site data (`boletines.posts`, …), at the item's site path,
 * rendered by a layout. Templates in `src/pages/` are one call to this each.
 */
export function pagePerItem<T, K extends string>(options: {
  /** Dotted path in the data cascade, e.g. `boletines.posts`. */
  items: string;
  /** Name the layout sees the item under. */
  as: K;
  path: (item: T) => string;
  layout?: string;
  /** Keep only some items (evaluated by Eleventy before paginating). */
  filter?: (items: T[]) => T[];
  /** Body for templates without a layout. */
  body?: (item: T) => string;
  extraData?: Record<string, unknown>;
}): PageDefinition<Record<K, T>> {
  return {
    data: {
      pagination: { data: options.items, size: 1, alias: options.as, ...(options.filter ? { before: options.filter } : {}) },
      permalink: (d: Record<K, T>) => outputFileFor(options.path(d[options.as])),
      ...(options.layout ? { layout: options.layout } : {}),
      eleventyExcludeFromCollections: true,
      ...options.extraData,
    },
    render: (d) => (options.body ? options.body(d[options.as]) : ""),
  };
}

/** A single page at a fixed site path, rendered by a layout. */
export function singlePage(path: string, layout: string): PageDefinition<unknown> {
  return { data: { permalink: outputFileFor(path), layout, eleventyExcludeFromCollections: true }, render: () => "" };
}
