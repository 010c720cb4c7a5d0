import assert from "node:assert/strict";
import { test } from "node:test";
import { DateTime } from "luxon";
import type { Bulletin } from "../../src/model/bulletin.ts";
import { addressesToKeep, findLostAddresses, type EarlierBulletin } from "../../src/model/kept-addresses.ts";
import { fm, normalizeText } from "./helpers.ts";

const NOW = DateTime.fromISO("2024-06-01T12:00:00-06:00", { setZone: true });
const FILE = "content/2024/vacunacion.md";

function bulletin(fields: string, file = FILE): Bulletin {
  const made = normalizeText(fm(fields), { file });
  assert.ok(made.bulletin, JSON.stringify(made.problems));
  return made.bulletin;
}

const BEFORE = `title: "Arranca campaña de vacunación"
date: 2024-04-09T10:00:00-06:00
number: 171/2024
redirect_from: /news/190812`;

/** Another published bulletin in the site's default section and in the same month, as every site has: its section's and its month's pages stay. */
const NEIGHBOUR = `title: "Otro boletín"\ndate: 2024-04-01`;

function lost(before: string, after: string | undefined, others: Bulletin[] = [], nowIn: string | undefined = after === undefined ? undefined : FILE) {
  const earlier: EarlierBulletin[] = [{ bulletin: bulletin(before), ...(nowIn ? { nowIn } : {}) }];
  const current = [...(after === undefined ? [] : [bulletin(after, nowIn)]), ...others, bulletin(NEIGHBOUR, "content/2024/otro.md")];
  return findLostAddresses(earlier, current, NOW);
}

test("nothing changed, or only the body and tags: no address is lost", () => {
  assert.deepEqual(lost(BEFORE, BEFORE), []);
  assert.deepEqual(lost(BEFORE, `${BEFORE}\ntags: [salud]\ndescription: "Nueva"`), []);
});

test("a title edit that moves a published page names the title's line, both addresses and the line to add", () => {
  const problems = lost(BEFORE, BEFORE.replace("Arranca campaña", "Inicia campaña"));
  assert.equal(problems.length, 1);
  const [p] = problems;
  assert.equal(p!.severity, "warning");
  assert.equal(p!.code, "address-lost");
  assert.equal(p!.file, FILE);
  assert.equal(p!.field, "title");
  assert.equal(p!.line, 2);
  assert.match(p!.message, /cambió \(cambió el título\): era \/boletines\/2024\/04\/arranca-campana-de-vacunacion\/, ahora es \/boletines\/2024\/04\/inicia-campana-de-vacunacion\//);
  assert.match(p!.hint!, /redirect_from: \/boletines\/2024\/04\/arranca-campana-de-vacunacion\//);
  assert.match(p!.hint!, /slug: arranca-campana-de-vacunacion/);
});

test("the old address kept as redirect_from, or by slug:, loses nothing", () => {
  const renamed = BEFORE.replace("Arranca campaña", "Inicia campaña");
  assert.deepEqual(lost(BEFORE, renamed.replace("redirect_from: /news/190812", "redirect_from:\n  - /news/190812\n  - /boletines/2024/04/arranca-campana-de-vacunacion/")), []);
  assert.deepEqual(lost(BEFORE, `${renamed}\nslug: arranca-campana-de-vacunacion`), []);
});

test("a date in another month moves the page: the date's line is named, with no slug advice", () => {
  const [p, ...rest] = lost(BEFORE, BEFORE.replace("2024-04-09", "2024-05-02"));
  // The number's archive path (/prensa/archivo/AAAAMM/…) moves with the month too.
  assert.equal(p!.field, "date");
  assert.match(p!.message, /cambió el mes de la fecha/);
  assert.doesNotMatch(p!.hint!, /slug:/);
  assert.deepEqual(rest.map((r) => [r.field, r.message.split(",")[0]]), [["number", "La dirección /prensa/archivo/202404/171/"]]);
});

test("an address another bulletin now takes over (its redirect_from) is not lost", () => {
  const successor = bulletin(`title: "Campaña de vacunación 2024"\ndate: 2024-04-10\nredirect_from:\n  - /boletines/2024/04/arranca-campana-de-vacunacion/\n  - /news/190812\n  - /prensa/archivo/202404/171/\n  - /boletines/numero/2024/171/`, "content/2024/otra.md");
  assert.deepEqual(lost(BEFORE, undefined, [successor]), []);
});

test("a deleted published bulletin: one warning on the deleted file, naming its page and old addresses", () => {
  const problems = lost(BEFORE, undefined);
  assert.equal(problems.length, 1);
  assert.equal(problems[0]!.file, FILE);
  assert.equal(problems[0]!.line, undefined);
  assert.match(problems[0]!.message, /^Se borró este boletín, publicado en \/boletines\/2024\/04\/arranca-campana-de-vacunacion\/ y desde 3 direcciones antiguas: esas direcciones ya no llevarán a ninguna página\./);
  assert.match(problems[0]!.hint!, /redirect_from: \/boletines\/2024\/04\/arranca-campana-de-vacunacion\//);
});

test("a published bulletin turned into a draft, or given a date still to come: one warning on that field", () => {
  const draft = lost(BEFORE, `${BEFORE}\ndraft: true`);
  assert.equal(draft.length, 1);
  assert.equal(draft[0]!.field, "draft");
  assert.match(draft[0]!.message, /estaba publicado en \/boletines\/2024\/04\/arranca-campana-de-vacunacion\/ y desde 3 direcciones antiguas y ahora es borrador/);
  const later = lost(BEFORE, BEFORE.replace("2024-04-09", "2024-07-09").replace("number: 171/2024\n", ""));
  assert.equal(later.length, 1);
  assert.equal(later[0]!.field, "date");
  assert.match(later[0]!.message, /fecha que no ha llegado \(martes 9 de julio de 2024\)/);
  assert.match(later[0]!.hint!, /date: 2024-04-09T10:00:00-06:00/);
});

test("a removed redirect_from or a changed number loses that address, named on its field", () => {
  const redirect = lost(BEFORE, BEFORE.replace("redirect_from: /news/190812", ""));
  assert.deepEqual(redirect.map((p) => [p.field, p.line]), [["redirect_from", undefined]]);
  assert.match(redirect[0]!.message, /La dirección antigua \/news\/190812\/? llevaba a este boletín/);
  const number = lost(BEFORE, BEFORE.replace("171/2024", "172/2024"));
  assert.deepEqual(number.map((p) => p.field), ["number", "number"]);
  assert.match(number[0]!.message, /la del número 171\/2024/);
});

test("what was never published (a draft, a date still to come) loses nothing", () => {
  assert.deepEqual(lost(`${BEFORE}\ndraft: true`, BEFORE.replace("Arranca", "Inicia")), []);
  assert.deepEqual(lost(BEFORE.replace("2024-04-09", "2024-09-09"), undefined), []);
});

test("a file that no longer loads is left to its own errors", () => {
  const earlier: EarlierBulletin[] = [{ bulletin: bulletin(BEFORE), nowIn: FILE }];
  assert.deepEqual(findLostAddresses(earlier, [], NOW), []);
});

test("an explicit slug or permalink that changes is named as the cause; a bulletin turned into a forward keeps its addresses", () => {
  const slug = lost(`${BEFORE}\nslug: campana`, `${BEFORE}\nslug: campana-2024`);
  assert.deepEqual(slug.map((p) => [p.field, p.line]), [["slug", 6]]);
  assert.match(slug[0]!.message, /\(cambió slug\): era \/boletines\/2024\/04\/campana\/, ahora es \/boletines\/2024\/04\/campana-2024\//);
  assert.doesNotMatch(slug[0]!.hint!, /conserva la dirección anterior/);
  const permalink = lost(`${BEFORE}\npermalink: /campana/`, `${BEFORE}\npermalink: /campana-2024/`);
  assert.deepEqual(permalink.map((p) => p.field), ["permalink"]);
  assert.match(permalink[0]!.message, /era \/campana\/, ahora es \/campana-2024\//);
  // redirect_to: its page becomes a redirect to the new place, so nothing shared stops working.
  assert.deepEqual(lost(BEFORE, `${BEFORE}\nredirect_to: https://www.gob.mx/imss/prensa/171`), []);
  // Without its number, the number's two paths go (as the warnings say).
  const unnumbered = lost(BEFORE, `${BEFORE.replace("number: 171/2024\n", "")}\nredirect_to: https://www.gob.mx/imss/prensa/171`);
  assert.deepEqual(unnumbered.map((p) => p.message.split(",")[0]), ["La dirección /boletines/numero/2024/171/", "La dirección /prensa/archivo/202404/171/"]);
});

test("addressesToKeep: what files replaced by another gave readers and it would not give, each once, in order", () => {
  // The release as imported again: a corrected date, and without the redirect_from an editor had added.
  const moved = bulletin(BEFORE.replace("2024-04-09", "2024-05-02").replace("redirect_from: /news/190812", ""));
  assert.deepEqual(addressesToKeep([bulletin(BEFORE)], moved, NOW), ["/boletines/2024/04/arranca-campana-de-vacunacion/", "/news/190812/", "/prensa/archivo/202404/171/"]);
  // Two replaced files with the same old address: kept once. The replacement's own addresses are not repeated.
  assert.deepEqual(addressesToKeep([bulletin(BEFORE), bulletin(BEFORE, "content/2024/otra.md")], bulletin(BEFORE), NOW), []);
  assert.deepEqual(addressesToKeep([bulletin(BEFORE), bulletin(BEFORE, "content/2024/otra.md")], moved, NOW).length, 3);
  // A draft, or a bulletin still to be published, gave readers nothing.
  assert.deepEqual(addressesToKeep([bulletin(`${BEFORE}\ndraft: true`), bulletin(BEFORE.replace("2024-04-09", "2024-09-09"))], moved, NOW), []);
});

test("a topic or section no published bulletin has any more: its page and feed are said once, with the forward file that keeps them", () => {
  const tagged = `${BEFORE}\ntags: [Vacunación, salud]`;
  const problems = lost(tagged, `${BEFORE}\ntags: [Vacunas, salud]`);
  assert.deepEqual(problems.map((p) => [p.field, p.line]), [["tags", 6]]);
  assert.match(problems[0]!.message, /^Ya ningún boletín publicado tiene el tema «Vacunación»: su página \(\/temas\/vacunacion\/\) y su feed \(\/temas\/vacunacion\/feed\.xml\) dejarían de existir\./);
  // One file: the page's forward carries the feed. The tag put in place of the old one is named.
  assert.equal(
    problems[0]!.hint,
    "Si cambió de nombre, que sus direcciones lleven a las del nuevo con un archivo de reenvío (con title: y date:): content/redirecciones/tema-vacunacion.md con redirect_to: /temas/vacunas/ y redirect_from: /temas/vacunacion/ (lleva también el feed a /temas/vacunas/feed.xml).",
  );
  // Two tags new, or none: no guess.
  assert.match(lost(tagged, `${BEFORE}\ntags: [Vacunas, Influenza, salud]`)[0]!.hint!, /redirect_to: \/temas\/<nuevo>\/ y redirect_from/);
  assert.match(lost(tagged, `${BEFORE}\ntags: [salud]`)[0]!.hint!, /redirect_to: \/temas\/<nuevo>\/ y redirect_from/);
  // Another published bulletin still has it: nothing is lost.
  assert.deepEqual(lost(tagged, `${BEFORE}\ntags: [Vacunas, salud]`, [bulletin(`title: "Tercero"\ndate: 2024-02-01\ntags: [vacunacion]`, "content/2024/tercero.md")]), []);
  // The page's forward to another topic keeps the page and the feed; so do the two files earlier versions asked for.
  const forward = (to: string, from: string, file: string) => bulletin(`title: "Reenvío ${file}"\ndate: 2024-02-01\nredirect_to: ${to}\nredirect_from: ${from}`, `content/redirecciones/${file}.md`);
  const page = forward("/temas/vacunas/", "/temas/vacunacion/", "tema-vacunacion");
  const feed = forward("/temas/vacunas/feed.xml", "/temas/vacunacion/feed.xml", "tema-vacunacion-feed");
  assert.deepEqual(lost(tagged, `${BEFORE}\ntags: [Vacunas, salud]`, [page]), []);
  assert.deepEqual(lost(tagged, `${BEFORE}\ntags: [Vacunas, salud]`, [page, feed]), []);
  // A forward of the page elsewhere (not a topic's page) carries no feed: the feed is said, with its own file.
  const elsewhere = forward("https://www.gob.mx/imss/vacunacion", "/temas/vacunacion/", "tema-vacunacion");
  const feedOnly = lost(tagged, `${BEFORE}\ntags: [Vacunas, salud]`, [elsewhere]);
  assert.match(feedOnly[0]!.message, /tema «Vacunación»: su feed \(\/temas\/vacunacion\/feed\.xml\) dejaría de existir\. Los enlaces ya compartidos llevarían a «no encontrado», y quienes siguen ese feed/);
  assert.match(feedOnly[0]!.hint!, /que su dirección lleve a la del nuevo con un archivo de reenvío \(con title: y date:\): content\/redirecciones\/tema-vacunacion-feed\.md con redirect_to: \/temas\/vacunas\/feed\.xml y redirect_from: \/temas\/vacunacion\/feed\.xml\.$/);
  // The page's forward deleted later: the feed it carried is said lost too.
  const gone = findLostAddresses([{ bulletin: page }], [], NOW);
  assert.match(gone[0]!.message, /desde 2 direcciones antiguas/, gone.map((p) => p.message).join("\n"));
  // A section renamed on its only bulletin.
  const section = lost(`${BEFORE}\nsection: Local`, `${BEFORE}\nsection: Estados`);
  assert.deepEqual(section.map((p) => p.field), ["section"]);
  assert.match(section[0]!.message, /la sección «Local»: su página \(\/secciones\/local\/\)/);
  // The last bulletin of a topic deleted: said on the deleted file, with the bulletin's own addresses.
  const deleted = lost(tagged, undefined);
  assert.deepEqual(deleted.map((p) => [p.file, p.message.slice(0, 30)]), [[FILE, "Se borró este boletín, publica"], [FILE, "Ya ningún boletín publicado ti"], [FILE, "Ya ningún boletín publicado ti"]]);
  // A draft's topic was never a page.
  assert.deepEqual(lost(`${tagged}\ndraft: true`, `${BEFORE}\ndraft: true`), []);
});

test("a month's or a year's archive page no published bulletin is dated in any more: said once, on the date's line, with the forward file that keeps it", () => {
  const alone = (date: string) => `title: "Único de su mes"\ndate: ${date}`;
  const earlier = (date: string): EarlierBulletin[] => [{ bulletin: bulletin(alone(date), "content/2023/unico.md"), nowIn: "content/2023/unico.md" }];
  const neighbour = bulletin(NEIGHBOUR, "content/2024/otro.md");
  // Moved from May to June 2024: May's page goes (the year stays, with April's bulletin).
  const moved = findLostAddresses(earlier("2024-05-10"), [bulletin(alone("2024-06-10"), "content/2023/unico.md"), neighbour], NOW);
  const months = moved.filter((p) => /archivo/.test(p.message));
  assert.deepEqual(months.map((p) => [p.file, p.field, p.line]), [["content/2023/unico.md", "date", 3]]);
  assert.equal(months[0]!.message, "Ya ningún boletín publicado es de mayo de 2024: la página del archivo /boletines/2024/05/ dejaría de existir, y los enlaces ya compartidos llevarían a «no encontrado».");
  assert.equal(months[0]!.hint, "Si se quiere conservar, que lleve a /boletines/2024/ con un archivo de reenvío (con title: y date:): content/redirecciones/archivo-2024-05.md con redirect_to: /boletines/2024/ y redirect_from: /boletines/2024/05/.");
  // The only bulletin of 2023 deleted: the year's page and the month's, both to the archive's first page, on the deleted file.
  const deleted = findLostAddresses([{ bulletin: bulletin(alone("2023-11-02"), "content/2023/unico.md") }], [neighbour], NOW).filter((p) => /archivo/.test(p.message));
  assert.deepEqual(deleted.map((p) => [p.file, /\/boletines\/2023\/(11\/)? /.exec(p.message)?.[0], p.hint!.match(/redirect_to: (\S+)/)![1]]), [
    ["content/2023/unico.md", "/boletines/2023/ ", "/boletines/"],
    ["content/2023/unico.md", "/boletines/2023/11/ ", "/boletines/"],
  ]);
  // A forward file that keeps the page: nothing said. Another bulletin still dated then: nothing either.
  const forward = bulletin('title: "Reenvío"\ndate: 2024-02-01\nredirect_to: /boletines/2024/\nredirect_from: /boletines/2024/05/', "content/redirecciones/archivo-2024-05.md");
  assert.deepEqual(findLostAddresses(earlier("2024-05-10"), [bulletin(alone("2024-06-10"), "content/2023/unico.md"), neighbour, forward], NOW).filter((p) => /archivo/.test(p.message)), []);
  const sameMonth = bulletin('title: "Otro de mayo"\ndate: 2024-05-20', "content/2024/mayo.md");
  assert.deepEqual(findLostAddresses(earlier("2024-05-10"), [bulletin(alone("2024-06-10"), "content/2023/unico.md"), neighbour, sameMonth], NOW).filter((p) => /archivo/.test(p.message)), []);
  // A draft was never in the archive.
  assert.deepEqual(findLostAddresses([{ bulletin: bulletin(`${alone("2024-05-10")}\ndraft: true`, "content/2023/unico.md") }], [neighbour], NOW), []);
});

test("a published bulletin's file renamed: its feed entries change id, said while it is among a feed's entries", () => {
  const renamedTo = "content/2024/2024-04-09-arranca-campana.md";
  const earlier: EarlierBulletin[] = [{ bulletin: bulletin(BEFORE), nowIn: renamedTo }];
  const sizes = { feedSize: 50, tagFeedSize: 20 };
  const warned = findLostAddresses(earlier, [bulletin(BEFORE, renamedTo), bulletin(NEIGHBOUR, "content/2024/otro.md")], NOW, sizes);
  assert.deepEqual(warned.map((p) => [p.code, p.file]), [["feed-entry-renamed", renamedTo]]);
  assert.match(warned[0]!.message, /^Este archivo se llamaba content\/2024\/vacunacion\.md: su entrada en los feeds cambia de identificador/);
  assert.equal(warned[0]!.hint, `Si el nombre nuevo no hace falta, devuélvele el anterior: git mv ${renamedTo} ${FILE}. Cuando el boletín ya no esté entre los más recientes, cambiarle el nombre no se nota.`);
  // Past every feed's entries (here: feeds of one entry, and a newer bulletin in its section), nothing to say.
  const newer = bulletin('title: "Más nuevo"\ndate: 2024-05-01', "content/2024/nuevo.md");
  assert.deepEqual(findLostAddresses(earlier, [bulletin(BEFORE, renamedTo), newer], NOW, { feedSize: 1, tagFeedSize: 1 }), []);
  // Not renamed: nothing.
  assert.deepEqual(findLostAddresses([{ bulletin: bulletin(BEFORE), nowIn: FILE }], [bulletin(BEFORE)], NOW, sizes), []);
});
