import { mkdir, symlink, truncate, writeFile } from "node:fs/promises";
import path from "node:path";
import { bulletinText, writeText } from "./build.ts";

/**
 * Hostile and broken bulletins. Two kinds:
 * - `rendered`: valid bulletins full of markup, script, template syntax and odd characters; they
 *   must build, and every page must be inert;
 * - `rejected`: files the build must refuse, with an error that names the file.
 * `MARKER` ends up in a global or a dialog only if some script ran.
 */
export const MARKER = "pwned_boletines";
/** `7777*7`: if a template engine ever evaluates content, this number appears in a page. */
export const EVALUATED = String(7777 * 7);

const XSS = [
  `<script>window.${MARKER}=1</script>`,
  `"><img src=x onerror="window.${MARKER}=1">`,
  `'><svg onload=window.${MARKER}=1>`,
  `javascript:window.${MARKER}=1`,
  `</title><script>window.${MARKER}=1</script>`,
  `<iframe srcdoc="<script>parent.${MARKER}=1</script>">`,
];
const TEMPLATES = ["{{ 7777*7 }}", "{% for i in [1,2] %}{{ 7777*7 }}{% endfor %}", "${7777*7}", "{{ site.title }}{{ constructor.constructor('return 1')() }}", "{# comentario #}", "{% raw %}{% endraw %}"];

const q = (s: string) => JSON.stringify(s); // a YAML double-quoted scalar (JSON strings are valid YAML)

export interface HostileCase {
  name: string;
  file: string;
  /** For rendered cases: a path segment of the page it must produce. */
  url?: string;
  /** A forward (`redirect_to:` another site): no bulletin page; its stubs lead there, and only there. */
  forwardTo?: string;
}

export async function writeRenderedCases(content: string): Promise<HostileCase[]> {
  const cases: HostileCase[] = [];
  const add = async (name: string, rel: string, text: string, url?: string, forwardTo?: string) => {
    await writeText(path.join(content, rel), text);
    cases.push({ name, file: rel, ...(url ? { url } : {}), ...(forwardTo ? { forwardTo } : {}) });
  };
  // Script in every text field.
  for (const [i, x] of XSS.entries()) {
    await add(
      `script/handlers in every field #${i + 1}`,
      `hostil/2024-05-0${i + 1}-xss-${i + 1}.md`,
      bulletinText(
        `title: ${q(`Título ${i + 1} ${x}`)}
date: 2024-05-0${i + 1}T09:00:00-06:00
description: ${q(`Descripción ${x}`)}
section: ${q(`Sección ${i + 1} ${x}`)}
tags: [${q(`Etiqueta ${x}`)}, ${q(`tema-${i + 1}`)}]
author: ${q(`Autor ${x}`)}
city: ${q(`Ciudad ${x}`)}
alt: ${q(`Alt ${x}`)}
highlights:
  - ${q(`Punto ${x}`)}
photos: ${q(`https://example.org/fotos?x="><script>window.${MARKER}=1</script>`)}
number: "${i + 1}/2024"`,
        `Texto ${x}\n\n[enlace](${x.startsWith("javascript") ? x : `https://example.org/${encodeURIComponent(x)}`})`,
      ),
    );
  }
  // Raw HTML and hostile URLs in the body.
  const body = [
    `<script>window.${MARKER}=1</script>`,
    `<img src="x" onerror="window.${MARKER}=1" alt="img">`,
    `<a href="javascript:window.${MARKER}=1">js</a> <a href="JaVaScRiPt:window.${MARKER}=1">JS</a> <a href="java&#x09;script:window.${MARKER}=1">tab</a> <a href="&#106;avascript:window.${MARKER}=1">ent</a>`,
    `<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">data</a> <a href="vbscript:msgbox(1)">vb</a>`,
    `[md js](javascript:window.${MARKER}=1) [md data](data:text/html,<script>window.${MARKER}=1</script>) <javascript:window.${MARKER}=1>`,
    `![pixel](https://tracker.example/pixel.gif) ![data](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)`,
    `<img src="//tracker.example/p.gif" srcset="https://tracker.example/a.gif 1x"> <img src="http://tracker.example/h.gif">`,
    `<iframe src="https://tracker.example/"></iframe><object data="https://tracker.example/o"></object><embed src="https://tracker.example/e">`,
    `<svg><script>window.${MARKER}=1</script><a xlink:href="javascript:window.${MARKER}=1">x</a></svg><math><mi xlink:href="javascript:1">m</mi></math>`,
    `<style>body{background:url(https://tracker.example/css)}</style><link rel="stylesheet" href="https://tracker.example/s.css"><div style="background:url(https://tracker.example/st)">estilo</div>`,
    `<base href="https://tracker.example/"><meta http-equiv="refresh" content="0;url=https://tracker.example/"><form action="https://tracker.example/"><input name="q" onfocus="window.${MARKER}=1" autofocus><button formaction="javascript:1">b</button></form>`,
    `<details open ontoggle="window.${MARKER}=1"><summary>s</summary></details><video poster="https://tracker.example/v.png" src="https://tracker.example/v.mp4"></video><audio src="https://tracker.example/a.mp3" autoplay></audio>`,
    `<noscript><p title="</noscript><img src=x onerror=window.${MARKER}=1>"></noscript><template><script>window.${MARKER}=1</script></template>`,
    `<p>a<!--<script>window.${MARKER}=1</script>--></p><![CDATA[<script>window.${MARKER}=1</script>]]>`,
    `<table background="https://tracker.example/t.gif"><tr><td background="https://tracker.example/td.gif">t</td></tr></table>`,
    `<a href="https://example.org/" target="_blank" onclick="window.${MARKER}=1" ping="https://tracker.example/ping">ping</a>`,
  ].join("\n\n");
  await add("raw HTML and hostile URLs in the body", "hostil/2024-05-10-cuerpo.md", bulletinText(`title: "Cuerpo hostil"\ndate: 2024-05-10\ndescription: "HTML crudo"`, body));
  // Template syntax in every field.
  for (const [i, t] of TEMPLATES.entries()) {
    await add(
      `template syntax in every field #${i + 1}`,
      `hostil/2024-06-0${i + 1}-plantilla-${i + 1}.md`,
      bulletinText(
        `title: ${q(`Plantilla ${i + 1} ${t}`)}
date: 2024-06-0${i + 1}
description: ${q(t)}
section: ${q(`Sección ${t}`)}
tags: [${q(`plantilla ${t}`)}]
author: ${q(t)}
city: ${q(t)}
highlights: [${q(t)}]`,
        `${t}\n\n\`${t}\`\n\n    ${t}\n\n<p>${t}</p>`,
      ),
    );
  }
  // Paths made of every character a site path may hold (and nothing else).
  await add(
    "odd but valid permalink and redirects",
    "hostil/2024-07-01-rutas.md",
    bulletinText(`title: "Rutas raras"
date: 2024-07-01
permalink: "/especial/$(id)';x=1/"
redirect_from:
  - "/viejo/');window.${MARKER}=1;('/"
  - "/viejo/%3Cscript%3E.html"`),
    "/especial/",
  );
  // A forward to another site whose address carries markup, quotes and an nginx variable: printed in the stub, _redirects and nginx as an address only.
  const forwardTo = `https://evil.example/a?x="><script>window.${MARKER}=1</script>&y='$host`;
  await add(
    "redirect_to with markup and quotes in its address",
    "hostil/2024-07-01-reenvio.md",
    bulletinText(`title: "Reenvío"
date: 2024-07-01
redirect_from: /viejo/reenvio/
redirect_to: ${q(forwardTo)}`),
    "/viejo/reenvio/",
    new URL(forwardTo).href,
  );
  // Unicode that confuses people and parsers.
  await add(
    "bidi overrides, zero-width and combining characters, 10 000-character title",
    "hostil/2024-07-02-unicode.md",
    bulletinText(`title: ${q(`\u202Egnp.exe\u202C Ze\u0301ro\u200B-width \uFEFF ${"Á".repeat(10_000)}`)}
date: 2024-07-02
tags: ["\u200B", "e\u0301", "é", "🙂"]
__proto__: { polluted: true }
constructor: { prototype: { polluted: true } }`),
  );
  // Characters no page or feed can carry: YAML escapes in every field, raw ones in the body (as Word and PDFs paste them).
  await add(
    "invisible control characters and noncharacters in every field and the body",
    "hostil/2024-07-04-invisibles.md",
    bulletinText(
      `title: "Salto\\vmanual y \\x01 control y \\uFFFE fin"
date: 2024-07-04
description: "Página\\fnueva \\x85 y \\uD800 sola"
section: "Sección\\x02"
tags: ["tema\\x03", "\\x7F"]
author: "Autor\\x04"
city: "Ciudad\\x1F"
alt: "Alt\\x06"
highlights: ["punto\\x05"]`,
      "Texto con\vsalto manual,\fsalto de página, \u0001 y \uFFFE.\n\nOtro párrafo \u0085 y \uFDD0 fin.",
    ),
  );
  // Big but under the limit, with markdown that is slow for naive parsers.
  const heavy = [
    "[".repeat(20_000),
    "*a ".repeat(20_000),
    "_".repeat(20_000),
    "<".repeat(20_000),
    `${"> ".repeat(500)}cita`,
    `${"- ".repeat(500)}lista`,
    "`".repeat(20_000),
    "a".repeat(500_000),
    "| a ".repeat(5_000),
  ].join("\n\n");
  await add("1.3 MB body of pathological markdown", "hostil/2024-07-03-pesado.md", bulletinText(`title: "Pesado"\ndate: 2024-07-03`, heavy));
  return cases;
}

export async function writeRejectedCases(content: string, outside: string): Promise<HostileCase[]> {
  const cases: HostileCase[] = [];
  const add = async (name: string, rel: string, data: string | Buffer) => {
    await writeText(path.join(content, rel), data);
    cases.push({ name, file: rel });
  };
  const fm = (extra: string, body?: string) => bulletinText(`title: "Rechazado"\ndate: 2024-01-01\n${extra}`, body);
  await add("slug with path traversal", "r/slug-traversal.md", fm("slug: ../../../etc/passwd"));
  await add("absolute slug", "r/slug-absolute.md", fm("slug: /etc/cron.d/x"));
  await add("slug with template syntax", "r/slug-template.md", fm('slug: "{{ 7777*7 }}"'));
  await add("permalink with ..", "r/permalink-traversal.md", fm("permalink: /../../../../tmp/pwned_boletines/"));
  await add("permalink with encoded ..", "r/permalink-encoded.md", fm("permalink: /a/%2e%2e/%2e%2e/%2e%2e/tmp/x/"));
  await add("absolute file-system permalink", "r/permalink-file.md", fm("permalink: file:///etc/passwd"));
  await add("permalink with a backslash", "r/permalink-backslash.md", fm('permalink: "/a/..\\\\..\\\\b/"'));
  await add("permalink to another host", "r/permalink-host.md", fm("permalink: //evil.example/x/"));
  await add("permalink with NUL escape", "r/permalink-nul.md", fm('permalink: "/a/%00/"'));
  await add("permalink with template syntax", "r/permalink-template.md", fm('permalink: "/{{ 7777*7 }}/"'));
  await add("redirect_from with ..", "r/redirect-traversal.md", fm("redirect_from: [/../../outside.html]"));
  await add("redirect_from javascript:", "r/redirect-js.md", fm("redirect_from: ['javascript:alert(1)']"));
  await add("redirect_from with encoded slashes and ..", "r/redirect-encoded.md", fm('redirect_from: ["/viejo/a%2F..%2F..%2Fb/"]'));
  await add("redirect_from with markup", "r/redirect-markup.md", fm(`redirect_from: ['/"><script>alert(1)</script>/']`));
  await add("redirect_to javascript:", "r/forward-js.md", fm("redirect_to: 'javascript:alert(1)'"));
  await add("redirect_to data:", "r/forward-data.md", fm("redirect_to: 'data:text/html,<script>alert(1)</script>'"));
  await add("redirect_to to another host without a scheme", "r/forward-host.md", fm("redirect_to: //evil.example/x/"));
  await add("redirect_to with ..", "r/forward-traversal.md", fm("redirect_to: /../../outside/"));
  await add("image with ..", "r/image-traversal.md", fm("image: ../../../../etc/passwd.png"));
  await add("image that is not an image", "r/image-absolute.md", fm("image: /etc/passwd"));
  await add("image with an injected attribute", "r/image-attr.md", fm(`image: '/uploads/x.png" onerror="alert(1)'`));
  await add("video javascript:", "r/video-js.md", fm("video: 'javascript:alert(1)'"));
  await add("audio data:", "r/audio-data.md", fm("audio: 'data:text/html,<script>alert(1)</script>'"));
  await add("NUL byte in the body", "r/nul.md", Buffer.from(fm("", "antes\u0000después")));
  await add("NUL byte in the front matter", "r/nul-front.md", Buffer.from("---\ntitle: \"a\u0000b\"\ndate: 2024-01-01\n---\n\nx\n"));
  await add("invalid UTF-8 (Latin-1)", "r/latin1.md", Buffer.from(fm("", "Informó el Instituto"), "latin1"));
  await add("truncated UTF-8 sequence", "r/truncated-utf8.md", Buffer.concat([Buffer.from(fm("", "fin ")), Buffer.from([0xe2, 0x82])]));
  await add("overlong UTF-8 encoding of /", "r/overlong.md", Buffer.concat([Buffer.from("---\ntitle: \"a"), Buffer.from([0xc0, 0xaf]), Buffer.from("\"\ndate: 2024-01-01\n---\n")]));
  await add("UTF-16 LE with BOM", "r/utf16le.md", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(fm(""), "utf16le")]));
  await add("UTF-16 BE with BOM", "r/utf16be.md", Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(fm(""), "utf16le").swap16()]));
  await add("UTF-16 LE without BOM", "r/utf16-nobom.md", Buffer.from(fm(""), "utf16le"));
  await add("20 MB bulletin", "r/huge.md", Buffer.from(fm("", "Texto muy largo. ".repeat(1_250_000))));
  // 3 GB, sparse (no disk used): must be refused by its size, without reading it (Node cannot even
  // hold more than 2 GB in one buffer).
  await add("3 GB bulletin (sparse file)", "r/enorme.md", "");
  await truncate(path.join(content, "r/enorme.md"), 3 * 1024 ** 3);
  await add("5 000 tags", "r/tags.md", fm(`tags: [${Array.from({ length: 5000 }, (_, i) => `tema-${i}`).join(", ")}]`));
  const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
  for (let i = 1; i < 12; i++) bomb.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(",")}]`);
  await add("YAML bomb (billion laughs)", "r/yaml-bomb.md", `---\ntitle: "Bomba"\ndate: 2024-01-01\n${bomb.join("\n")}\n---\n\nx\n`);
  await add("YAML nested 20 000 levels deep", "r/yaml-deep.md", `---\ntitle: "Profundo"\ndate: 2024-01-01\ntags: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n---\n\nx\n`);
  // YAML tags that once meant code in other loaders (js-yaml's full schema ran `!!js/function`).
  await add("YAML tag !!js/function", "r/yaml-js-function.md", `---\ntitle: !!js/function "function(){ return process.exit(1) }"\ndate: 2024-01-01\n---\n\nx\n`);
  await add("YAML tag !!python/object/apply", "r/yaml-python.md", fm('tags: !!python/object/apply:os.system ["id"]'));
  await add("YAML with a second document", "r/yaml-two-docs.md", "---\n...\ntitle: x\n---\n\nx\n");
  await add("date that does not exist", "r/date.md", "---\ntitle: \"Fecha\"\ndate: 2024-02-30\n---\n\nx\n");
  await add("front matter never closed", "r/unclosed.md", "---\ntitle: \"Sin cierre\"\ndate: 2024-01-01\n\nTexto\n");
  await add("front matter in JavaScript", "r/js-front.md", "---js\n{ title: require('child_process').execSync('id').toString() }\n---\n\nx\n");
  await add("title made of markup only", "r/title-empty.md", "---\ntitle: \"   \"\ndate: 2024-01-01\n---\n\nx\n");
  // Symlinks to outside the content folder: a file and a folder.
  await mkdir(outside, { recursive: true });
  await writeFile(path.join(outside, "secreto.md"), fm("", "secreto fuera de content/"));
  await symlink(path.join(outside, "secreto.md"), path.join(content, "r/enlace-fuera.md"));
  cases.push({ name: "symlink to a file outside content/", file: "r/enlace-fuera.md" });
  await symlink(outside, path.join(content, "r/carpeta-fuera"));
  cases.push({ name: "symlink to a folder outside content/", file: "r/carpeta-fuera" });
  await symlink("/etc/passwd", path.join(content, "r/passwd.md"));
  cases.push({ name: "symlink to /etc/passwd", file: "r/passwd.md" });
  return cases;
}
