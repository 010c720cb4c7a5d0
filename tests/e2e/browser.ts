import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./tools.ts";

/** One Debian Chromium per test file (installed with apt when missing), headless, offline-friendly. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}
