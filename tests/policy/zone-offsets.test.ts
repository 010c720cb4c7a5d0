import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime, IANAZone } from "luxon";
import { TABLE_AFTER, TabledZone } from "../../src/policy/zone-offsets.ts";
import { transitions } from "./transitions.ts";

/** Zones with DST, half- and quarter-hour offsets, a day skipped (Apia 2011), wartime and LMT changes. */
const ZONES = [
  "America/Mexico_City",
  "America/Tijuana",
  "America/Cancun",
  "America/Chihuahua",
  "America/Ciudad_Juarez",
  "America/Hermosillo",
  "Europe/London",
  "Australia/Adelaide",
  "Australia/Lord_Howe",
  "Asia/Kathmandu",
  "Pacific/Apia",
  "Africa/Casablanca",
  "America/Sao_Paulo",
  "Antarctica/Troll",
];

const HOUR = 60 * 60 * 1000;

/** Forces the table for a year (the first TABLE_AFTER questions are answered directly). */
function warm(zone: TabledZone, year: number): void {
  for (let i = 0; i < TABLE_AFTER; i++) zone.offset(Date.UTC(year, 5, 1));
}

test("the tabled zone answers IANAZone's offset around every transition and at random instants", () => {
  const years = [1922, 1942, 1996, 2011, 2019, 2022, 2038];
  let checked = 0;
  let changes = 0;
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (const name of ZONES) {
    const iana = IANAZone.create(name);
    const tabled = new TabledZone(name);
    for (const year of years) {
      warm(tabled, year);
      const start = Date.UTC(year, 0, 1);
      const end = Date.UTC(year + 1, 0, 1);
      for (const at of transitions(iana, start, end)) {
        changes++;
        for (const t of [at - HOUR, at - 1, at, at + 1, at + HOUR]) {
          if (t < start || t >= end) continue;
          assert.equal(tabled.offset(t), iana.offset(t), `${name} ${new Date(t).toISOString()}`);
          checked++;
        }
      }
      for (let i = 0; i < 200; i++) {
        const t = start + Math.floor(random() * (end - start));
        assert.equal(tabled.offset(t), iana.offset(t), `${name} ${new Date(t).toISOString()}`);
        checked++;
      }
    }
  }
  assert.ok(changes > 100, `only ${changes} transitions checked`);
  assert.ok(checked > 15_000);
});

test("dates built in the tabled zone equal dates built in the IANA zone, gaps and repeated hours included", () => {
  for (const name of ["America/Mexico_City", "America/Tijuana", "Europe/London", "Australia/Lord_Howe"]) {
    const tabled = new TabledZone(name);
    for (const year of [2010, 2021, 2022]) warm(tabled, year);
    for (const year of [2010, 2021, 2022]) {
      for (const month of [3, 4, 10, 11]) {
        for (let day = 1; day <= 28; day++) {
          for (const [hour, minute] of [[0, 0], [1, 30], [2, 0], [2, 30], [3, 0], [12, 45], [23, 59]] as const) {
            const fields = { year, month, day, hour, minute };
            const expected = DateTime.fromObject(fields, { zone: name });
            const actual = DateTime.fromObject(fields, { zone: tabled });
            assert.equal(actual.toISO(), expected.toISO(), `${name} ${JSON.stringify(fields)}`);
            assert.equal(actual.weekday, expected.weekday);
            assert.equal(actual.toFormat("HH:mm ZZ"), expected.toFormat("HH:mm ZZ"));
          }
        }
      }
    }
  }
});

test("the tabled zone formats like the IANA zone and equals it", () => {
  const tabled = new TabledZone("America/Mexico_City");
  const iana = IANAZone.create("America/Mexico_City");
  const t = Date.UTC(2021, 7, 19, 23, 8);
  assert.equal(tabled.name, "America/Mexico_City");
  assert.equal(tabled.type, "iana");
  assert.ok(tabled.equals(iana) && iana.equals(tabled));
  assert.equal(tabled.formatOffset(t, "short"), "-05:00");
  const dt = DateTime.fromMillis(t, { zone: tabled });
  assert.equal(dt.toLocaleString(DateTime.DATETIME_FULL, { locale: "es-MX" }), DateTime.fromMillis(t, { zone: iana }).toLocaleString(DateTime.DATETIME_FULL, { locale: "es-MX" }));
  assert.equal(new TabledZone("Marte/Olimpo").isValid, false);
  assert.equal(DateTime.fromObject({ year: 2024 }, { zone: new TabledZone("Marte/Olimpo") }).isValid, false);
});
