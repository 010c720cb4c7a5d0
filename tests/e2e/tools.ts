import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";

/**
 * Debian tools the browser and validity suites use. A missing one is installed with apt (the
 * only source this project's machines reach), and the suite says so on stderr.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const JAVA = "/usr/bin/java";
export const DEBIAN_PYTHON = "/usr/bin/python3";

/** Flags for a closed network: nothing phones home, nothing waits for one. */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

function aptInstall(pkg: string, why: string): void {
  process.stderr.write(`[e2e] ${why}: instalando el paquete Debian «${pkg}» con apt-get…\n`);
  execFileSync("apt-get", ["-o", "DPkg::Lock::Timeout=600", "install", "-y", "--no-install-recommends", pkg], { stdio: ["ignore", "inherit", "inherit"] });
}

export function ensureChromium(): string {
  if (!existsSync(CHROMIUM)) aptInstall("chromium", `${CHROMIUM} no existe`);
  return CHROMIUM;
}

export function ensureJava(): string {
  if (!existsSync(JAVA)) aptInstall("default-jre-headless", `${JAVA} no existe`);
  return JAVA;
}

export function ensureFeedparser(): string {
  const ok = (): boolean => {
    try {
      execFileSync(DEBIAN_PYTHON, ["-c", "import feedparser"], { stdio: "ignore" });
      return true;
    } catch {
      return false;
    }
  };
  if (!ok()) aptInstall("python3-feedparser", "falta el módulo feedparser de Debian");
  return DEBIAN_PYTHON;
}
