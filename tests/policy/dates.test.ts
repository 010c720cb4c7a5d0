import assert from "node:assert/strict";
import { test } from "node:test";
import { Settings } from "luxon";
import { daysInMonth, parseBulletinDate } from "../../src/policy/dates.ts";
import { tabledZone } from "../../src/policy/zone-offsets.ts";
import { transitions } from "./transitions.ts";

const MX = "America/Mexico_City";

/** input → [iso, local day, Spanish text, time] */
const valid: Array<[string, string, string, string, string]> = [
  // Explicit offsets are kept as written.
  ["2021-08-19T18:08:00.000-06:00", "2021-08-19T18:08:00-06:00", "2021-08-19", "jueves 19 de agosto de 2021", "18:08"],
  ["2021-12-13T22:48:00.000-06:00", "2021-12-13T22:48:00-06:00", "2021-12-13", "lunes 13 de diciembre de 2021", "22:48"],
  ["2023-05-02 09:30:00 -0600", "2023-05-02T09:30:00-06:00", "2023-05-02", "martes 2 de mayo de 2023", "09:30"],
  ["2023-05-02 09:30:00 -06:00", "2023-05-02T09:30:00-06:00", "2023-05-02", "martes 2 de mayo de 2023", "09:30"],
  // Near midnight with an offset: the local day, never the UTC day.
  ["2021-08-19T23:30:00-06:00", "2021-08-19T23:30:00-06:00", "2021-08-19", "jueves 19 de agosto de 2021", "23:30"],
  ["2024-01-01T00:15:00-08:00", "2024-01-01T00:15:00-08:00", "2024-01-01", "lunes 1 de enero de 2024", "00:15"],
  // Z times are shown in the site's zone (here the UTC day is the next one).
  ["2024-04-10T03:30:00Z", "2024-04-09T21:30:00-06:00", "2024-04-09", "martes 9 de abril de 2024", "21:30"],
  // Mexico City kept DST until October 2022: summer 2021 is -05:00, summer 2023 is -06:00.
  ["2021-08-19T18:08:00Z", "2021-08-19T13:08:00-05:00", "2021-08-19", "jueves 19 de agosto de 2021", "13:08"],
  ["2021-08-19 18:08", "2021-08-19T18:08:00-05:00", "2021-08-19", "jueves 19 de agosto de 2021", "18:08"],
  ["2023-08-19 18:08", "2023-08-19T18:08:00-06:00", "2023-08-19", "sábado 19 de agosto de 2023", "18:08"],
  ["2022-10-29T12:00:00", "2022-10-29T12:00:00-05:00", "2022-10-29", "sábado 29 de octubre de 2022", "12:00"],
  ["2022-10-31T12:00:00", "2022-10-31T12:00:00-06:00", "2022-10-31", "lunes 31 de octubre de 2022", "12:00"],
  ["2022-10-30T01:30:00Z", "2022-10-29T20:30:00-05:00", "2022-10-29", "sábado 29 de octubre de 2022", "20:30"],
  // UTC written as an offset (sites set to UTC export `+00:00`) is UTC too: the site's zone, the local day.
  ["2023-09-01T02:00:00+00:00", "2023-08-31T20:00:00-06:00", "2023-08-31", "jueves 31 de agosto de 2023", "20:00"],
  ["2023-09-01 02:00:00 +0000", "2023-08-31T20:00:00-06:00", "2023-08-31", "jueves 31 de agosto de 2023", "20:00"],
  ["2023-09-01T02:00:00-00:00", "2023-08-31T20:00:00-06:00", "2023-08-31", "jueves 31 de agosto de 2023", "20:00"],
  // Bare dates: the site zone, no time shown.
  ["2024-04-09", "2024-04-09T00:00:00-06:00", "2024-04-09", "martes 9 de abril de 2024", ""],
  ["2021-06-01", "2021-06-01T00:00:00-05:00", "2021-06-01", "martes 1 de junio de 2021", ""],
  ["2024-2-9", "2024-02-09T00:00:00-06:00", "2024-02-09", "viernes 9 de febrero de 2024", ""],
  // Mexican day/month/year.
  ["15/07/2023", "2023-07-15T00:00:00-06:00", "2023-07-15", "sábado 15 de julio de 2023", ""],
  ["1/2/2024", "2024-02-01T00:00:00-06:00", "2024-02-01", "jueves 1 de febrero de 2024", ""],
  ["15/07/2023 10:45", "2023-07-15T10:45:00-06:00", "2023-07-15", "sábado 15 de julio de 2023", "10:45"],
  ["29/02/2024", "2024-02-29T00:00:00-06:00", "2024-02-29", "jueves 29 de febrero de 2024", ""],
  // Whitespace around the value.
  ["  2024-04-09T10:00:00-06:00  ", "2024-04-09T10:00:00-06:00", "2024-04-09", "martes 9 de abril de 2024", "10:00"],
  // Fractions and other offsets.
  ["2024-04-09T10:00:00.123456+05:30", "2024-04-09T10:00:00.123+05:30", "2024-04-09", "martes 9 de abril de 2024", "10:00"],
  ["2024-04-09T10:00-07:00", "2024-04-09T10:00:00-07:00", "2024-04-09", "martes 9 de abril de 2024", "10:00"],
];

for (const [input, iso, day, text, time] of valid) {
  test(`date ${JSON.stringify(input)}`, () => {
    const r = parseBulletinDate(input, MX);
    assert.ok(r.ok, r.ok ? "" : r.message);
    assert.equal(r.date.iso, iso);
    assert.equal(r.date.day, day);
    assert.equal(r.date.text, text);
    assert.equal(r.date.time, time);
    assert.equal(r.date.hasTime, time !== "");
    assert.equal(r.date.monthPadded, day.slice(5, 7));
    assert.equal(r.date.year, Number(day.slice(0, 4)));
  });
}

const invalid: Array<[string, RegExp]> = [
  ["2023-14-40", /mes 14/],
  ["2023-02-29", /día 29 no existe en febrero de 2023/],
  ["31/02/2023", /día 31 no existe en febrero/],
  ["31/04/2024", /día 31 no existe en abril/],
  ["2024-04-31", /día 31/],
  ["2024-00-10", /mes 0/],
  ["2024-04-09T24:00:00-06:00", /hora 24/],
  ["2024-04-09T10:60:00-06:00", /minuto 60/],
  ["2024-04-09T10:00:61-06:00", /segundo 61/],
  ["2024-04-09T10:00:00+15:00", /desfase/],
  ["9 de abril de 2024", /no es una fecha reconocible/],
  ["04/09/2024/", /no es una fecha reconocible/],
  ["ayer", /no es una fecha reconocible/],
  ["", /no es una fecha reconocible/],
  ["Invalid Date", /no es una fecha reconocible/],
  ["0000-01-01", /año 0 está fuera de rango/],
  ["20240409", /no es una fecha reconocible/],
  // An offset without a time: midnight UTC would be the day before in Mexico; the editor says which day.
  ["2023-08-16Z", /desfase horario pero no hora.*2023-08-16\)/],
  ["2023-08-16 -06:00", /desfase horario pero no hora/],
];

for (const [input, message] of invalid) {
  test(`invalid date ${JSON.stringify(input)}`, () => {
    const r = parseBulletinDate(input, MX);
    assert.equal(r.ok, false);
    if (!r.ok) assert.match(r.message, message);
  });
}

test("a day-first date that could be read the other way round is read day first, with a warning giving both unambiguous forms", () => {
  const r = parseBulletinDate("04/09/2024", MX);
  assert.ok(r.ok);
  assert.equal(r.date.day, "2024-09-04");
  assert.deepEqual(r.warning, {
    code: "date-day-month",
    message: "«04/09/2024» se lee como día/mes/año: 4 de septiembre de 2024.",
    hint: "Para que no haya duda, escribe 2024-09-04; si era 9 de abril de 2024, escribe 2024-04-09.",
  });
  assert.match(parseBulletinDate("1/2/2024 10:30", MX).ok ? String((parseBulletinDate("1/2/2024 10:30", MX) as { warning?: { hint?: string } }).warning?.hint) : "", /escribe 2024-02-01 con la hora;/);
  // Only one reading: no warning (a day over 12, the same day and month, or ISO).
  for (const input of ["15/07/2023", "05/05/2024", "2024-04-09"]) {
    const other = parseBulletinDate(input, MX);
    assert.ok(other.ok && other.warning === undefined, input);
  }
});

test("a local time inside the spring DST gap is moved forward with a warning", () => {
  // 2021-04-04 02:30 did not exist in Mexico City (clocks jumped from 02:00 to 03:00).
  const r = parseBulletinDate("2021-04-04 02:30", MX);
  assert.ok(r.ok);
  assert.equal(r.date.iso, "2021-04-04T03:30:00-05:00");
  assert.equal(r.warning?.code, "date-dst-gap");
  assert.match(r.warning?.message ?? "", /La hora 02:30 no existe .* se usa 03:30/);
  assert.match(r.warning?.hint ?? "", /2021-04-04 03:30/);
});

test("a local time the clocks went through twice is the first one, with a warning naming the offset of the second", () => {
  // 2021-10-31: Mexico City went from 02:00 CDT back to 01:00 CST, so 01:30 happened twice.
  const r = parseBulletinDate("2021-10-31 01:30", MX);
  assert.ok(r.ok);
  assert.equal(r.date.iso, "2021-10-31T01:30:00-05:00");
  assert.equal(r.warning?.code, "date-dst-ambiguous");
  assert.match(r.warning?.message ?? "", /01:30 ocurrió dos veces .* la primera \(-05:00\)/);
  assert.equal(r.warning?.hint, "Si es la segunda, escribe el desfase: 2021-10-31 01:30 -0600");
  // Written as the hint says, it is the second one, without a warning.
  const second = parseBulletinDate("2021-10-31 01:30 -0600", MX);
  assert.ok(second.ok);
  assert.equal(second.date.epochMs - r.date.epochMs, 60 * 60 * 1000);
  assert.equal(second.warning, undefined);
  // Just outside the repeated hour: one reading, no warning.
  for (const [input, iso] of [["2021-10-31 00:59", "2021-10-31T00:59:00-05:00"], ["2021-10-31 02:00", "2021-10-31T02:00:00-06:00"]] as const) {
    const p = parseBulletinDate(input, MX);
    assert.ok(p.ok);
    assert.equal(p.date.iso, iso);
    assert.equal(p.warning, undefined);
  }
});

test("a date means the same instant whatever the date of the build (luxon's guess starts from the zone's offset now)", () => {
  const realNow = Settings.now;
  try {
    const seen = new Set<string>();
    // Built in winter and in summer, in a zone that still changes its clocks.
    for (const now of [Date.UTC(2026, 0, 15), Date.UTC(2026, 6, 15)]) {
      Settings.now = () => now;
      for (const input of ["2024-11-03 01:30", "2024-03-10 02:30", "2024-07-01 12:00"]) {
        const r = parseBulletinDate(input, "America/Tijuana");
        assert.ok(r.ok);
        seen.add(`${input} → ${r.date.iso}`);
      }
    }
    assert.deepEqual([...seen].sort(), ["2024-03-10 02:30 → 2024-03-10T03:30:00-07:00", "2024-07-01 12:00 → 2024-07-01T12:00:00-07:00", "2024-11-03 01:30 → 2024-11-03T01:30:00-07:00"]);
  } finally {
    Settings.now = realNow;
  }
});

test("the site zone is configurable", () => {
  const r = parseBulletinDate("2024-04-09 10:00", "America/Tijuana");
  assert.ok(r.ok);
  assert.equal(r.date.iso, "2024-04-09T10:00:00-07:00");
  const z = parseBulletinDate("2024-04-09T05:00:00Z", "America/Cancun");
  assert.ok(z.ok);
  assert.equal(z.date.iso, "2024-04-09T00:00:00-05:00");
  assert.equal(z.date.day, "2024-04-09");
});

test("days in month", () => {
  assert.deepEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map((m) => daysInMonth(2024, m)), [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]);
  assert.equal(daysInMonth(2023, 2), 28);
  assert.equal(daysInMonth(1900, 2), 28);
  assert.equal(daysInMonth(2000, 2), 29);
});

/**
 * Around every clock change of a few years in zones with odd ones (half-hour DST, a skipped day, DST
 * reversed for Ramadan, two-hour DST), each wall time read without an offset is checked against every
 * instant that shows it (found minute by minute): one instant, that one; two, the first, with a warning;
 * none, a gap warning and the time moved forward by the jump.
 */
test("wall times around clock changes are read as the instants that show them", () => {
  const MINUTE = 60 * 1000;
  const zones = ["America/Mexico_City", "America/Tijuana", "Australia/Lord_Howe", "Pacific/Apia", "Africa/Casablanca", "Antarctica/Troll"];
  const pad = (n: number) => String(n).padStart(2, "0");
  let checked = 0;
  for (const name of zones) {
    const zone = tabledZone(name);
    for (const year of [1996, 2011, 2021, 2024]) {
      const changes = transitions(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
      for (const change of changes) {
        const before = zone.offset(change - MINUTE);
        for (let k = -150; k <= 150; k += 10) {
          const wall = change + before * MINUTE + k * MINUTE;
          const shows: number[] = [];
          for (let ts = wall - 18 * 60 * MINUTE; ts <= wall + 18 * 60 * MINUTE; ts += MINUTE) if (ts + zone.offset(ts) * MINUTE === wall) shows.push(ts);
          const w = new Date(wall);
          const input = `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`;
          const r = parseBulletinDate(input, name);
          assert.ok(r.ok, input);
          const where = `${name} ${input}`;
          if (shows.length === 1) {
            assert.equal(r.date.epochMs, shows[0], where);
            assert.equal(r.warning, undefined, where);
          } else if (shows.length === 2) {
            assert.equal(r.date.epochMs, shows[0], where);
            assert.equal(r.warning?.code, "date-dst-ambiguous", where);
          } else {
            assert.equal(shows.length, 0, where);
            assert.equal(r.warning?.code, "date-dst-gap", where);
            assert.equal(r.date.epochMs, wall - before * MINUTE, where);
          }
          checked++;
        }
      }
    }
  }
  assert.ok(checked > 500, `${checked} wall times checked`);
});
