import { formatCalendarDay } from "../../src/import/spanish-dates.ts";
import type { ReleaseParts } from "../../src/import/text.ts";

/** The parts a test states, in comparable form (date as AAAA-MM-DD). */
export function comparableParts(parts: ReleaseParts) {
  return {
    title: parts.title,
    date: parts.date ? formatCalendarDay(parts.date) : undefined,
    number: parts.number,
    city: parts.city,
    highlights: parts.highlights,
    photos: parts.photos,
    video: parts.video,
    audio: parts.audio,
    body: parts.body,
  };
}

/** Only the letterhead-derived parts (what Word and PDF tests compare). */
export function headParts(parts: ReleaseParts) {
  const { video: _video, audio: _audio, body: _body, ...head } = comparableParts(parts);
  return head;
}
