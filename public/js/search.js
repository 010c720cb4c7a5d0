// Search results for /buscar/ with Pagefind (the site has one other script: the 404 page's, not-found.js).
// The form is a plain GET form: this script reads the same URL parameters and renders results.
// There is one Pagefind index per year, or per part of a large year (src/build/search-index.ts),
// listed newest first in the form's `data-indices`, and, with two indexes or more, an index of which
// words, sections and tags each of them has (`data-palabras`). Words and the chosen section and tag
// are looked up there first, and only the indexes that have them are searched, together (or only
// the chosen year's): an index asked for a word it lacks would answer with the pages of a shorter
// word (Pagefind issue #780; src/build/search-words.ts), and one without the section or tag has no
// result to give. A word that no bulletin has at all would be answered the same way by every index
// («hemodialisis» by the pages with «h»): such words are found out (`absentWords`) and said, with no
// results, by the words index when it can tell (before any other index is downloaded).
const PAGE_SIZE = 10;
const FILTERS = { seccion: "section", anio: "year", tema: "tag" };
// The words index's pages (search-words.ts): each names its index, and all are left out of results.
const INDEX_OF_WORDS = "indice";
const NOT_WORDS = { not: { pagina: "palabras" } };
// Bulletin pages' sort key (layouts/bulletin.njk `data-pagefind-sort`): their date.
const NEWEST_FIRST = { date: "desc" };
// Bulletin pages' filter with their date's text, shown under each result: no search names it, so
// Pagefind never downloads its list of values (each result's own page data carries its value).
const DATE_FILTER = "date";
// An excerpt's length in words, as Pagefind's (its `excerptLength`).
const EXCERPT_WORDS = 30;
// Counts as Mexican Spanish writes them, «1,234 boletines encontrados» (as the pages do: src/policy/numbers.ts).
const COUNT = new Intl.NumberFormat("es-MX", { maximumFractionDigits: 0 });

const form = document.getElementById("buscador");
const status = document.getElementById("estado-busqueda");
const list = document.getElementById("resultados");
const more = document.getElementById("mas-resultados");

const params = new URLSearchParams(window.location.search);
const query = (params.get("q") || "").trim();
const filters = {};
for (const [param, filter] of Object.entries(FILTERS)) {
  const field = form.elements.namedItem(param);
  const value = optionNamed(field, (params.get(param) || "").trim());
  if (value) filters[filter] = value;
  // Every choice, also an empty one: the address says what is searched. (After Back, browsers
  // restore a form as it was left, after this runs: the menus opt out, autocomplete="off".)
  if (field) field.value = value;
}
form.elements.namedItem("q").value = query;
namePrintedAddress();
nameInTitle();

// Back from a result (or a reload) shows the same results, as many batches as were shown, at the
// reader's place (`savedPlace`, kept in this history entry's state). The browser's own scroll
// restoration would run before the results are on the page, and land at the top: it is done here.
// A page kept in the back-forward cache comes back as it was left, with nothing to restore.
if ("scrollRestoration" in history) history.scrollRestoration = "manual";

const listPage = listPageOf();
if (listPage) window.location.replace(listPage);
else if (query || Object.keys(filters).length) run().catch(() => {
  status.textContent = "No se pudo hacer la búsqueda. Intente de nuevo más tarde.";
});
else askForWords();

// Nothing to search: the form sent empty (the header's box too), or the page opened by itself. The
// ways to find a bulletin without words are shown (layouts/search.njk), and a form sent empty says
// what to do, with the cursor in the words' box.
function askForWords() {
  const help = document.getElementById("sin-busqueda");
  if (help) help.hidden = false;
  if (![...params.keys()].some((param) => param === "q" || param in FILTERS)) return;
  status.textContent = "Escriba una o más palabras, o elija una sección, un año o un tema, y pulse «Buscar».";
  form.elements.namedItem("q").focus();
}

// «vacunación» (sección Local) · Buscar boletines · Boletines IMSS: the page's title (tabs, history,
// bookmarks) names the search, before the title the layout gives the page (layouts/base.njk).
function nameInTitle() {
  const choices = choicesText();
  const named = query ? `«${query}»${choices ? ` (${choices})` : ""}` : choices.charAt(0).toLocaleUpperCase("es-MX") + choices.slice(1);
  if (named) document.title = `${named} · ${document.title}`;
}

// On paper the form is left off and the masthead names the page's address (layouts/partials/
// print-masthead.njk): for a search, the address of this search, with its words and choices, so
// that a printed list of results says how to find it again.
function namePrintedAddress() {
  const address = document.querySelector(".print-address");
  const asked = new URLSearchParams();
  if (query) asked.set("q", query);
  for (const param of chosenParams()) asked.set(param, filters[FILTERS[param]]);
  const text = asked.toString();
  if (address && text) address.textContent = `${address.textContent.replace(/\?.*$/, "")}?${text}`;
}

// The URL parameters of the choices this search has (`seccion`, `anio`, `tema`), in the form's order.
function chosenParams() {
  return Object.keys(FILTERS).filter((param) => filters[FILTERS[param]]);
}

// The form's own spelling of a choice written in an address by hand («seccion=local»,
// «tema=vacunacion»): the site takes `Local` = `local` and `Vacunación` = `vacunacion` everywhere.
function optionNamed(field, asked) {
  if (!asked || !field || !field.options) return asked;
  const option = [...field.options].find((o) => o.value && folded(o.value) === folded(asked));
  return option ? option.value : asked;
}

// A search with no words and one choice (a section, a year or a tag) is that choice's own list
// page, which the site has: it opens there, paginated, with no index to download.
function listPageOf() {
  const chosen = chosenParams();
  if (query || chosen.length !== 1) return null;
  const option = form.elements.namedItem(chosen[0]).selectedOptions[0];
  return (option && option.value === filters[FILTERS[chosen[0]]] && option.dataset.url) || null;
}

// «sección Salud, año 2024, tema vacunación»: the choices of a search, as the form names them.
function choicesText() {
  const names = { seccion: "sección", anio: "año", tema: "tema" };
  return chosenParams().map((param) => `${names[param]} ${filters[FILTERS[param]]}`).join(", ");
}

async function run() {
  const place = savedPlace();
  status.textContent = "Buscando…";
  // On a phone the header and the form fill the screen: the status line, then the results, are
  // brought into view (not on a screen where they are already in it), once more when the results
  // make the page long enough for it, unless the reader has scrolled or typed meanwhile (what they
  // did, not where the page is: a font arriving moves it too).
  const intoView = () => {
    if (status.getBoundingClientRect().top > window.innerHeight * 0.6) status.scrollIntoView({ block: "start" });
  };
  let readerMoved = false;
  for (const type of ["wheel", "touchmove", "keydown", "mousedown"]) window.addEventListener(type, () => { readerMoved = true; }, { once: true, passive: true });
  if (!place) intoView();
  const { results, absent } = await find((text) => { status.textContent = text; });
  // On a slow network the first excerpts take a round trip more: said, so the search does not look stuck.
  if (results.length) status.textContent = "Cargando los resultados…";
  const total = results.length;
  let shown = 0;
  // One batch at a time: a second tap while one loads would take the same batch again.
  let loading = false;
  const showMore = async (count = PAGE_SIZE) => {
    if (loading) return;
    loading = true;
    more.disabled = true;
    try {
      const batch = await Promise.all(results.slice(shown, shown + count).map((r) => r.data()));
      for (const item of batch) list.append(renderResult(item));
      shown += batch.length;
      remember({ shown });
    } finally {
      loading = false;
      more.disabled = false;
      more.hidden = shown >= total;
    }
  };
  more.addEventListener("click", () => { showMore(); });
  // Back at these results: the batches the reader had, all at once.
  await showMore(place ? Math.max(PAGE_SIZE, place.shown) : PAGE_SIZE);
  if (!place && !readerMoved) intoView();
  // Said once the first results are on the page (their excerpts load after the count is known): the
  // count a screen reader announces is never of an empty list. The choices (section, year, topic) are
  // named, so the reader knows what narrowed the search; without words, also in what order it lists.
  const chosen = choicesText() ? ` (${choicesText()})` : "";
  status.textContent = total === 0
    ? `No hay boletines que coincidan${query ? ` con «${query}»` : ""}${chosen}.${absentText(absent)}`
    : `${COUNT.format(total)} ${total === 1 ? "boletín encontrado" : "boletines encontrados"}${query ? ` para «${query}»${chosen}` : `${chosen}, del más reciente al más antiguo`}.`;
  // Nothing found: the other ways to a bulletin (as for an empty search), and no screen kept empty for results.
  if (total === 0) {
    const help = document.getElementById("sin-busqueda");
    if (help) help.hidden = false;
    list.hidden = true;
  }
  if (place) restorePlace(place);
  keepPlace();
}

// Where the reader is in these results, in this history entry's state: how many are shown (each
// batch), the scroll position (as the reader scrolls, and when the page is left) and the result
// opened, with where its link was on the screen. Restored only when coming back (Back, Forward) or
// reloading: a new search of the same address is a new list, from its first batch.
function savedPlace() {
  const navigation = performance.getEntriesByType("navigation")[0];
  if (!navigation || (navigation.type !== "back_forward" && navigation.type !== "reload")) return null;
  const state = history.state;
  return state && typeof state.shown === "number" && state.shown > 0 ? state : null;
}

function remember(place) {
  try {
    history.replaceState({ ...history.state, ...place }, "");
  } catch {
    // Too many calls in a short time (browsers throttle them): the next one keeps the place.
  }
}

function keepPlace() {
  let timer = 0;
  const keep = () => {
    clearTimeout(timer);
    timer = 0;
    remember({ scrollY: Math.round(window.scrollY), opened: null });
  };
  window.addEventListener("scroll", () => { if (!timer) timer = setTimeout(keep, 250); }, { passive: true });
  window.addEventListener("pagehide", () => { if (timer) keep(); });
  list.addEventListener("click", (event) => {
    const link = event.target.closest("a");
    if (!link || event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
    clearTimeout(timer);
    timer = 0;
    remember({ scrollY: Math.round(window.scrollY), opened: link.getAttribute("href"), openedTop: link.getBoundingClientRect().top });
  });
}

// The scroll position the reader left, and the result they opened where it was on the screen (the
// page's width or its font may have changed meanwhile), focused: a keyboard goes on from there.
function restorePlace(place) {
  if (typeof place.scrollY === "number") window.scrollTo(0, place.scrollY);
  const opened = place.opened ? [...list.querySelectorAll("a")].find((a) => a.getAttribute("href") === place.opened) : null;
  if (!opened) return;
  const top = opened.getBoundingClientRect().top;
  if (typeof place.openedTop === "number" && top !== place.openedTop) window.scrollBy(0, top - place.openedTop);
  const box = opened.getBoundingClientRect();
  if (box.top < 0 || box.bottom > window.innerHeight) opened.scrollIntoView({ block: "center" });
  opened.focus({ preventScroll: true });
}

// The results of every index searched, and the query's words that no bulletin has (then no result):
// best first with words (Pagefind merges them by score), newest first without. With a words index,
// it is Pagefind's first index and the others are merged into it: one copy of Pagefind's code and
// WebAssembly for the reader, and its pages are left out of the results. Without one, the site has a
// single index.
// `say` tells the reader how the search is going (a slow network takes seconds at each step).
async function find(say) {
  const none = { results: [], absent: [] };
  // [index, its year, URL]: a large year has several indexes (parts of the year).
  let indexes = JSON.parse(form.dataset.indices || "[]").filter(([, year]) => !filters.year || year === filters.year);
  if (!indexes.length) return none;
  const words = form.dataset.palabras;
  const pagefind = await import(`${words || indexes[0][2]}pagefind.js`);
  // On the page's thread, not in Pagefind's worker: the worker's own script (~40 KB) came only after
  // pagefind.js, a round trip and a half more on a slow network, and its requests cannot use what the
  // page preloads (the WebAssembly: layouts/search.njk). A search takes milliseconds of it.
  await pagefind.options({ basePath: words || indexes[0][2], excerptLength: EXCERPT_WORDS, noWorker: true });
  // Asked of the first index, which has every word of the site (the words index, or the only index).
  const unsure = wordsNotExact(pagefind);
  // No result at all: the words no page has, not even by a shorter word, are why (and said).
  const nothing = async () => ({ results: [], absent: await foundNowhere(pagefind, await unsure) });
  const facets = Object.fromEntries(Object.entries(filters).filter(([name]) => name !== "year"));
  if (words && (query || Object.keys(facets).length)) {
    const { having, vocabulary } = await indexesHaving(pagefind, facets);
    indexes = indexes.filter(([name]) => having.has(name));
    if (!indexes.length) return nothing();
    // A word that the words index matches only by a shorter word is in no bulletin: said now, before
    // any year's index is downloaded (a mistyped word on a slow phone costs one small request).
    const absent = await absentWords(await unsure, vocabulary);
    if (absent.length) return { results: [], absent };
    say(`Buscando en los boletines ${yearsText(indexes)}…`);
  }
  // Answered before any index is merged: by the first index alone.
  const notExact = await unsure;
  // Each merged index's pages carry its name as a filter (the one the words index's pages have).
  // Merged together: each costs two requests, which a slow network would otherwise make one by one.
  if (words) await Promise.all(indexes.map(([name, , url]) => pagefind.mergeIndex(url, { mergeFilter: { [INDEX_OF_WORDS]: name } })));
  const chosen = words ? { ...filters, ...NOT_WORDS } : filters;
  if (query) {
    const results = words ? await rankedAcross(pagefind, indexes, chosen) : ((await pagefind.search(query, { filters: chosen })) || { results: [] }).results;
    if (!results.length) return nothing();
    const absent = await absentWords(notExact, results);
    return absent.length ? { results: [], absent } : { results, absent };
  }
  // No words: the pages with the chosen filters (none of the indexes' words is downloaded:
  // src/build/pagefind-backport.ts), newest first. Sorted by date, Pagefind scores a page by its
  // place in its own index, which cannot be compared between indexes: each index is listed on its
  // own, newest index first.
  if (!words) return { results: (await pagefind.search(null, { filters: chosen, sort: NEWEST_FIRST })).results, absent: [] };
  const results = [];
  for (const [name] of indexes) {
    const search = await pagefind.search(null, { filters: { ...chosen, [INDEX_OF_WORDS]: name }, sort: NEWEST_FIRST });
    results.push(...search.results);
  }
  return { results, absent: [] };
}

// One order for the results of every index searched, as one index of the whole site would give.
// Pagefind scores a page with BM25 within its own index: a word's weight (its IDF) comes from how
// many of that index's pages have it, out of how many pages the index has, and Pagefind's merge
// only sorts the indexes' scores together. A word in every bulletin of 2023 and in few of 2024
// weighs little in 2023's index and much in 2024's: each of 2024's bulletins that names it once came
// before 2023's that has it in its title and all through its text, and the results ran by year. A
// page's score is a sum over the query's words of the word's IDF times what the page has of it (how
// often, where, how long the page is; the title's boost is the IDF times the field's weight too),
// so each word's part is moved from its index's IDF to the IDF it has in all the indexes searched
// together: the pages that have the word and the pages there are, counted by Pagefind in each index
// (its filter `indice`). Each word's part of a page's score is its score for that word alone.
// Searching costs no download: every index's words are loaded by the query's own search. What is
// left as each index has it is the page's length against the average length of its index's pages
// (close between years; Pagefind gives no page lengths to move it).
async function rankedAcross(pagefind, indexes, chosen) {
  // Each index's results (with the reader's choices), to know which index scored which page.
  const own = await Promise.all(indexes.map(([name]) => pagefind.search(query, { filters: { ...chosen, [INDEX_OF_WORDS]: name } })));
  const found = own.flatMap((search, i) => (search ? search.results.map((result) => ({ result, index: indexes[i][0], score: result.score })) : []));
  if (indexes.length < 2 || found.length < 2) return found.map(({ result }) => result);
  const phrase = /^\s*".+"\s*$/.test(query);
  const words = [...new Set(query.replaceAll('"', " ").split(/\s+/).filter((word) => folded(word)))];
  // Pages of each index (a search by no word), and for each word its pages in each index and each
  // page's score for it alone. A single word with no section or topic chosen: the query's own
  // results are those (a search of a common word at 10,000 bulletins takes ~0.14 s of the page).
  const asIs = words.length === 1 && !phrase && !filters.section && !filters.tag;
  const ownCounts = { filters: { [INDEX_OF_WORDS]: Object.fromEntries(indexes.map(([name], i) => [name, own[i] ? own[i].results.length : 0])) }, results: found.map(({ result }) => result) };
  const [all, ...alone] = await Promise.all([pagefind.search(null, { filters: NOT_WORDS }), ...(asIs ? [ownCounts] : words.map((word) => pagefind.search(word, { filters: NOT_WORDS })))]);
  const pages = countsOf(all);
  const total = sum(Object.values(pages));
  const idf = (having, of) => Math.log((of - having + 0.5) / (having + 0.5) + 1);
  const parts = alone.map((search) => {
    const having = countsOf(search);
    const everywhere = sum(Object.values(having));
    const moved = Object.fromEntries(Object.entries(having).filter(([name, n]) => n > 0 && pages[name] > 0).map(([name, n]) => [name, idf(everywhere, total) / idf(n, pages[name])]));
    return { moved, scores: new Map(search ? search.results.map((r) => [r.id, r.score]) : []) };
  });
  for (const item of found) {
    let asScored = 0;
    let asOne = 0;
    for (const { moved, scores } of parts) {
      const score = scores.get(item.result.id);
      if (score === undefined || !moved[item.index]) continue;
      asScored += score;
      asOne += score * moved[item.index];
    }
    // A quoted phrase: Pagefind gives every page that has it the same score; its words' scores rank them.
    if (asScored > 0) item.score = phrase ? asOne : item.score * (asOne / asScored);
  }
  // Equal scores keep the newest index first (the order of `indexes`) and Pagefind's order within one.
  return found.sort((a, b) => b.score - a.score).map(({ result }) => result);
}

// Pages per index (filter `indice`) of a search of the merged indexes.
function countsOf(search) {
  const counts = (search && search.filters && search.filters[INDEX_OF_WORDS]) || {};
  return Object.fromEntries(Object.entries(counts).filter(([, n]) => typeof n === "number"));
}

function sum(numbers) {
  return numbers.reduce((a, b) => a + b, 0);
}

// «de 2024», «de 2023 y 2025», «de 10 años (2016 a 2025)»: the years of these indexes.
function yearsText(indexes) {
  const years = [...new Set(indexes.map(([, year]) => year))].sort();
  if (years.length === 1) return `de ${years[0]}`;
  if (years.length === 2) return `de ${years[0]} y ${years[1]}`;
  return `de ${years.length} años (${years[0]} a ${years.at(-1)})`;
}

// Pagefind answers a word that no indexed word starts with (after stemming) by the pages of the
// longest indexed word that the query's word starts with (see above), and says nothing of it. Two
// things tell a real answer from that one, without Pagefind's stemmer: an exact search for the word
// alone (Pagefind stems it the same way, and finds it when its stem is an indexed word: then it
// cannot have fallen back), and, for a word whose stem is only the start of indexed words (a word
// being typed: «vacunaci»), a word that starts with it among those Pagefind matched in the best
// result. A word with neither is in no bulletin.

// The query's words (not a quoted phrase: Pagefind searches those exactly) whose exact search finds
// no page of the first index.
async function wordsNotExact(pagefind) {
  if (/^\s*".+"\s*$/.test(query)) return [];
  const words = [...new Set(query.split(/\s+/).filter((word) => folded(word)))];
  return unfound(pagefind, words, (word) => `"${word}"`);
}

// Of the words not found exactly, those that no word Pagefind matched in the best result starts with.
async function absentWords(unsure, results) {
  if (!unsure.length || !results.length) return [];
  const best = await results[0].data();
  // Pagefind's word positions count the words of the page's text split at white space.
  const text = best.content.split(/[\r\n\s]+/g);
  const matched = best.locations.map((at) => folded(text[at] || ""));
  return unsure.filter((word) => !matched.some((m) => m.startsWith(folded(word))));
}

// Of the words not found exactly, those that a search of the word alone answers with no page at all.
function foundNowhere(pagefind, words) {
  return unfound(pagefind, words, (word) => word);
}

// The words for which Pagefind's search of `term(word)` finds no page, searched together.
async function unfound(pagefind, words, term) {
  const found = await Promise.all(words.map(async (word) => {
    const search = await pagefind.search(term(word));
    return Boolean(search && search.results.length);
  }));
  return words.filter((_, i) => !found[i]);
}

// A word as Pagefind compares it: lower case, without accents and punctuation.
function folded(word) {
  return word.toLocaleLowerCase("es-MX").normalize("NFD").replace(/\p{M}/gu, "").replace(/\p{P}/gu, "");
}

// « Ningún boletín tiene «hemodialisis».» after the count, when that is why there are no results.
function absentText(absent) {
  if (!absent || !absent.length) return "";
  const quoted = absent.map((word) => `«${word}»`);
  const list = quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(", ")} ni ${quoted.at(-1)}`;
  return ` Ningún boletín tiene ${list}: revise cómo ${absent.length === 1 ? "está escrita" : "están escritas"}.`;
}

// The indexes whose pages have the query's words and the chosen section and tag, from the words
// index alone (nothing merged yet): its page for each index has the index's words, and its sections
// and tags as filters. A quoted query (an exact phrase) is looked up word by word: the indexes with
// every word include those with the phrase. Also the words index's pages that matched, best first.
async function indexesHaving(pagefind, facets) {
  // Loads its filter (the index of each page): Pagefind counts results per index only once it has it.
  await pagefind.filters();
  const phrase = /^\s*".+"\s*$/.test(query);
  const words = phrase ? query.replaceAll('"', "") : query;
  const search = await pagefind.search(words || null, { filters: facets });
  const counts = (search && search.filters[INDEX_OF_WORDS]) || {};
  return { having: new Set(Object.keys(counts).filter((name) => counts[name] > 0)), vocabulary: search ? search.results : [] };
}

function renderResult(item) {
  const li = document.createElement("li");
  li.className = "search-result";
  const title = document.createElement("h2");
  const link = document.createElement("a");
  link.href = item.url;
  link.textContent = item.meta.title || item.url;
  title.append(link);
  li.append(title);
  // The bulletin's date as its page writes it, a filter (layouts/bulletin.njk): Pagefind searches
  // every metadata field, and a date's weekday and month would find every bulletin of that day.
  const dateText = item.filters && item.filters[DATE_FILTER] && item.filters[DATE_FILTER][0];
  if (dateText) {
    const date = document.createElement("p");
    date.className = "meta";
    date.textContent = dateText;
    li.append(date);
  }
  const nodes = excerptNodes(item);
  if (nodes.length) {
    const excerpt = document.createElement("p");
    excerpt.className = "summary";
    excerpt.append(...nodes);
    li.append(excerpt);
  }
  return li;
}

// A result shows the bulletin's title and date, then an excerpt: a passage of what follows the title
// on the bulletin's page (its highlights or summary, the text, its topics). Pagefind's own excerpt is
// the passage where the query's words weigh most, and a word of the title (its h1) weighs 7 times one
// of the text: with the words in the title, it was the page's first 30 words, the kicker («Local ·
// Boletín No. 121/2025») and the title again. Pagefind's choice is made here again
// (`densestStart`, its calculate_excerpt_region) among the words after the title only; with none of
// the query's words there (they are only in the title, or the search has no words), the excerpt is
// the words right after the title: the bulletin's highlights or summary, or the start of its text.
// Its text and the query's words, marked, reach the page as text nodes and <mark> elements only.
function excerptNodes(item) {
  // Pagefind's word positions count the words of the page's text split at white space.
  const words = String(item.content || "").split(/[\r\n\s]+/g);
  const from = titleEnd(words, item.meta && item.meta.title);
  const located = (item.weighted_locations || (item.locations || []).map((location) => ({ location, balanced_score: 1 })))
    .filter(({ location }) => location >= from && location < words.length);
  const best = from + densestStart(located.map(({ location, balanced_score }) => ({ at: location - from, score: balanced_score })), EXCERPT_WORDS);
  const start = Math.max(from, Math.min(best, words.length - EXCERPT_WORDS));
  const marked = new Set(located.map(({ location }) => location));
  const nodes = [];
  let text = "";
  for (let at = start; at < Math.min(words.length, start + EXCERPT_WORDS); at++) {
    if (!words[at]) continue;
    const space = text || nodes.length ? " " : "";
    if (!marked.has(at)) {
      text += space + words[at];
      continue;
    }
    if (text + space) nodes.push(document.createTextNode(text + space));
    text = "";
    const mark = document.createElement("mark");
    mark.textContent = words[at];
    nodes.push(mark);
  }
  if (text) nodes.push(document.createTextNode(text));
  return nodes;
}

// The position of the first word after the page's title (Pagefind's `title`, its h1) in its words:
// the title as written, wherever it first comes (after the kicker); 0 if it is not found there.
function titleEnd(words, title) {
  const wanted = String(title || "").split(/\s+/).map(folded).filter(Boolean);
  if (!wanted.length) return 0;
  // Words that are only signs («·», «–») are left out on both sides.
  const have = [];
  words.forEach((word, at) => {
    const key = folded(word);
    if (key) have.push([at, key]);
  });
  for (let i = 0; i + wanted.length <= have.length; i++) {
    if (wanted.every((word, j) => have[i + j][1] === word)) return have[i + wanted.length - 1][0] + 1;
  }
  return 0;
}

// Pagefind's choice of an excerpt (calculate_excerpt_region in its pagefind.js): where, among
// windows of `length` words, its words' scores sum the most; for a run of equal windows, its middle
// (the first such run: with the words once each, the first passage that has them); the start if
// they all fit in the first window.
function densestStart(located, length) {
  if (!located.length) return 0;
  const scores = [];
  for (const { at, score } of located) scores[at] = (scores[at] || 0) + score;
  if (scores.length <= length) return 0;
  let sum = 0;
  for (let i = 0; i < length; i++) sum += scores[i] || 0;
  let densest = sum;
  let densestAt = [0];
  for (let i = 0; i < scores.length; i++) {
    sum += (scores[i + length] || 0) - (scores[i] || 0);
    if (sum > densest) {
      densest = sum;
      densestAt = [i];
    } else if (sum === densest && densestAt.at(-1) === i - 1) densestAt.push(i);
  }
  return densestAt[Math.floor(densestAt.length / 2)];
}
