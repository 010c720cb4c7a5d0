// The 404 page is served at whatever path was missing. A bulletin's address carries its title
// (/boletines/2024/04/inicia-campana-de-vacunacion/), and the broken ones readers meet are mostly
// that address cut short (a line break in an e-mail or a PDF, a chat that shortened it) or written
// by hand. The words of the missing path are what the reader was looking for: this puts them in
// the page's search box and offers the search, one tap away. A path with no words (/news/190812)
// gets nothing. Text only ever goes in as text (`value`, `textContent`, URL parameters).
const MAX_WORDS = 12;
// Last segments that name a page's file or view, not its subject.
const NOT_WORDS = new Set(["index", "default", "amp", "print", "imprimir"]);
// Extensions an address of an earlier site or of a file may end in.
const EXTENSION = /\.(html?|php|aspx?|jsp|xml|json)$/i;

const form = document.getElementById("buscar-desde-404");
const offer = document.getElementById("sugerencia-404");
const words = wordsOf(window.location.pathname);
if (form && offer && words) {
  form.elements.namedItem("q").value = words;
  const link = offer.querySelector("a");
  link.href = `${form.getAttribute("action")}?${new URLSearchParams({ q: words })}`;
  link.textContent = `Buscar «${words}»`;
  offer.hidden = false;
}

// «inicia campana de vacun» from /boletines/2024/04/inicia-campana-de-vacun: the words of the last
// segment that says what (not a page number, nor a file name like index.html); null when it has none
// (/news/190812: the folders before it name an earlier site, not the bulletin).
function wordsOf(pathname) {
  const segments = pathname.replace(/\/pagina\/\d+\/?$/, "/").split("/").map(decoded);
  const last = segments
    .map((s) => s.replace(EXTENSION, ""))
    .filter((s) => s && !NOT_WORDS.has(s.toLowerCase()))
    .pop();
  const words = (last || "").split(/[\s\-_+.,;:]+/).filter((t) => /\p{L}/u.test(t));
  return words.length ? words.slice(0, MAX_WORDS).join(" ").slice(0, 120).trim() : null;
}

function decoded(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
