import { DateTime } from "luxon";

/** The environment variable that fixes "now" for reproducible builds and tests (ISO 8601 with offset). */
export const NOW_ENV = "BOLETINES_NOW";

export class ClockError extends Error {
  // By name, so that the CLI tells it apart without loading this module (src/cli/index.ts).
  override name = "ClockError";
}

/** The single source of "now": drafts, embargoes and "last 48 hours" all ask here. */
export function resolveNow(env: NodeJS.ProcessEnv = process.env): DateTime {
  const fixed = env[NOW_ENV]?.trim();
  if (!fixed) return DateTime.now();
  const dt = DateTime.fromISO(fixed, { setZone: true });
  if (!dt.isValid) throw new ClockError(`${NOW_ENV}=«${fixed}» no es una fecha ISO 8601 válida (ejemplo: 2024-04-09T12:00:00-06:00).`);
  return dt;
}
