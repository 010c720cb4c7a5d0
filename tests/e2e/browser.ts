import { chromium, type Browser } from "playwright-core";
import { CHROMIUM_ARGS, ensureChromium } from "./tools.ts";

/** One Debian Chromium per test file (installed with apt when missing), headless, offline-friendly. */
export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: ensureChromium(), headless: true, args: CHROMIUM_ARGS });
}

/**
 * Ceiling for one navigation or wait (Playwright's default is 30 s). Not a delay: waits end as soon
 * as their condition holds; a shared, loaded CI machine just needs more headroom before failing.
 */
export const E2E_TIMEOUT_MS = 90_000;
