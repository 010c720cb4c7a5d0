import { outputFileFor } from "../policy/urls.ts";
import type { PostView } from "../render/views.ts";

/** One page per bulletin (layout: layouts/bulletin.njk). */
export const data = {
  pagination: { data: "boletines.posts", size: 1, alias: "post" },
  permalink: (d: { post: PostView }) => outputFileFor(d.post.url),
  layout: "bulletin.njk",
  eleventyExcludeFromCollections: true,
};

export function render(): string {
  return "";
}
