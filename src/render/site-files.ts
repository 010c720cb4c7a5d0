import { copyFile, mkdir } from "node:fs/promises";
import path from "node:path";
import { outputFileFor } from "../policy/urls.ts";
import { generatePictures } from "./images.ts";
import type { SiteData } from "./views.ts";

/** Writes the binary files the site data names (fonts, pictures) into the output folder. */
export async function writeSiteAssets(data: SiteData, outputDir: string): Promise<void> {
  for (const font of data.assets.fonts) {
    const target = path.join(outputDir, outputFileFor(font.url));
    await mkdir(path.dirname(target), { recursive: true });
    await copyFile(font.source, target);
  }
  await generatePictures(data.pictures, data.sharedPictures, outputDir);
}
