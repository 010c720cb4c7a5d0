// Wiring only: what Eleventy renders and where. Logic lives in src/ (see README, "Where things live").
import path from "node:path";
import { configureEleventy, ELEVENTY_DIRS, type EleventyUserConfig } from "./src/eleventy/configure.ts";
import { takeEleventyHandoff } from "./src/eleventy/inputs.ts";
import { prepareFromEnvironment } from "./src/build/prepare.ts";
import { PROJECT_ROOT } from "./src/project-root.ts";

export default function (eleventyConfig: EleventyUserConfig): void {
  // A caller running Eleventy itself hands over its inputs; a bare `eleventy --config=.eleventy.ts [--serve]` loads content/ itself.
  configureEleventy(eleventyConfig, takeEleventyHandoff() ?? { inputs: prepareFromEnvironment, publicDir: "public", watch: ["content"] });
}

// Absolute, so the build works from any working directory (`boletines build` in another project folder).
export const config = { dir: { ...ELEVENTY_DIRS, input: path.join(PROJECT_ROOT, ELEVENTY_DIRS.input) } };
