// The page at an old address (layouts/redirect.njk), served by hosts without redirect rules (GitHub
// Pages, plain static hosting): it sends the reader on as the 301 of the other hosts does, with the
// query and the fragment of the address they opened, which a meta refresh drops:
// /prensa/archivo/202403/102/?utm_source=fb#cifras → /boletines/2024/03/…/?utm_source=fb#cifras.
//
// - Where to: the address the build wrote in this element's data-to (the same as the page's meta
//   refresh and link), never anything read from the address opened. Only its query and fragment are
//   taken from there, through URL's own setters, which cannot change the scheme, host or path: no
//   query can send the reader anywhere else (no open redirect).
// - Query: a target with none gets the reader's; one with a query of its own (redirect_to:
//   https://www.gob.mx/…?origen=web) gets `&` and the reader's (?origen=web&utm_source=fb), as the
//   nginx redirects do (src/render/nginx-config.ts, withRequestQuery). No query opened, none added.
// - Fragment: the target's own, if it has one (as a browser does after a 301 whose Location has
//   one); otherwise the reader's.
// - location.replace: the old address takes no place in the history (Back goes to the page before).
//
// A classic script that runs where it stands in <head>, before the meta refresh: window.stop() ends
// the reading of the page there, so the refresh (which, once the page had loaded, would start a
// navigation of its own to the bare target and could replace this one) is never read. Without
// JavaScript, or should this script not load or fail before that, the meta refresh and the link
// work as they always did (without the query).
{
  const to = document.currentScript && document.currentScript.getAttribute("data-to");
  const target = to ? new URL(to, window.location.href) : null;
  if (target && (target.protocol === "https:" || target.protocol === "http:")) {
    const query = window.location.search.slice(1);
    if (query) {
      const own = target.search.slice(1);
      target.search = !own ? query : own.endsWith("&") ? own + query : `${own}&${query}`;
    }
    if (!target.hash && window.location.hash.length > 1) target.hash = window.location.hash;
    window.stop();
    window.location.replace(target.href);
  }
}
