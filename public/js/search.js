// Search results for /buscar/ with Pagefind (the only client script on the site).
// The form is a plain GET form: this script reads the same URL parameters and renders results.
// There is one Pagefind index per year (src/build/search-index.ts), listed newest first in the
// form's `data-indices`, and, with two years or more, an index of which words each year has
// (`data-palabras`). Words are looked up there first, and only the years that have them are
// searched, together (or only the year chosen): a year's index asked for a word it lacks would
// answer with the pages of a shorter word (Pagefind issue #780; src/build/search-words.ts).
const PAGE_SIZE = 10;
const FILTERS = { seccion: "section", anio: "year", tema: "tag" };
// The filter that names a year on its page of the words index (search-words.ts WORDS_FILTER).
const YEAR_OF_WORDS = "indice";

const form = document.getElementById("buscador");
const status = document.getElementById("estado-busqueda");
const list = document.getElementById("resultados");
const more = document.getElementById("mas-resultados");

const params = new URLSearchParams(window.location.search);
const query = (params.get("q") || "").trim();
const filters = {};
for (const [param, filter] of Object.entries(FILTERS)) {
  const value = (params.get(param) || "").trim();
  if (value) filters[filter] = value;
  const field = form.elements.namedItem(param);
  if (field && value) field.value = value;
}
form.elements.namedItem("q").value = query;

if (query || Object.keys(filters).length) run().catch(() => {
  status.textContent = "No se pudo hacer la búsqueda. Intente de nuevo más tarde.";
});

async function run() {
  status.textContent = "Buscando…";
  const results = await find();
  const total = results.length;
  status.textContent = total === 0
    ? `No hay boletines que coincidan${query ? ` con «${query}»` : ""}.`
    : `${total} ${total === 1 ? "boletín encontrado" : "boletines encontrados"}${query ? ` para «${query}»` : ""}.`;
  let shown = 0;
  const showMore = async () => {
    const batch = await Promise.all(results.slice(shown, shown + PAGE_SIZE).map((r) => r.data()));
    for (const item of batch) list.append(renderResult(item));
    shown += batch.length;
    more.hidden = shown >= total;
  };
  more.addEventListener("click", () => { showMore(); });
  await showMore();
}

// The results of every index searched, best first (Pagefind merges them by score).
async function find() {
  let indexes = JSON.parse(form.dataset.indices || "[]").filter(([year]) => !filters.year || year === filters.year);
  if (query && form.dataset.palabras && indexes.length) {
    const years = await yearsWithWords(form.dataset.palabras);
    indexes = indexes.filter(([year]) => years.has(year));
  }
  if (!indexes.length) return [];
  const [first, ...others] = indexes.map(([, url]) => url);
  const pagefind = await import(`${first}pagefind.js`);
  await pagefind.options({ basePath: first, excerptLength: 30 });
  for (const url of others) await pagefind.mergeIndex(url);
  const search = await pagefind.search(query || null, { filters });
  return search ? search.results : [];
}

// The years whose pages have the query's words, from the words index (its own module: a second
// Pagefind instance). A quoted query (an exact phrase) is looked up word by word: the years with
// every word include those with the phrase.
async function yearsWithWords(url) {
  const words = await import(`${url}pagefind.js`);
  await words.options({ basePath: url });
  // Loads its filter (the year of each page): Pagefind counts results per year only once it has it.
  await words.filters();
  const phrase = /^\s*".+"\s*$/.test(query);
  const search = await words.search(phrase ? query.replaceAll('"', "") : query);
  const counts = (search && search.filters[YEAR_OF_WORDS]) || {};
  return new Set(Object.keys(counts).filter((year) => counts[year] > 0));
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
  if (item.meta.date) {
    const date = document.createElement("p");
    date.className = "meta";
    date.textContent = item.meta.date;
    li.append(date);
  }
  const excerpt = document.createElement("p");
  excerpt.className = "summary";
  excerpt.append(...excerptNodes(item.excerpt));
  li.append(excerpt);
  return li;
}

// The excerpt is HTML with <mark> around matches: keep only its text and the marks.
function excerptNodes(html) {
  const doc = new DOMParser().parseFromString(`<p>${html}</p>`, "text/html");
  const nodes = [];
  for (const node of doc.body.firstChild.childNodes) {
    if (node.nodeType === Node.TEXT_NODE) nodes.push(document.createTextNode(node.textContent));
    else if (node.nodeName === "MARK") {
      const mark = document.createElement("mark");
      mark.textContent = node.textContent;
      nodes.push(mark);
    } else nodes.push(document.createTextNode(node.textContent || ""));
  }
  return nodes;
}
