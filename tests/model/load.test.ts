import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { mkdtemp, mkdir, symlink, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import grayMatter from "gray-matter";
import yaml from "js-yaml";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { displayPath, listContentFiles, loadContentFile, parseSource } from "../../src/model/load.ts";

function parseError(text: string) {
  const r = parseSource(text, "content/x.md", "x.md");
  assert.equal(r.ok, false, "expected a problem");
  return r.ok ? undefined! : r.problems[0]!;
}

test("YAML syntax errors name the line", () => {
  const p = parseError('---\ntitle: "abierto\ndate: 2024-01-01\n---\n');
  assert.equal(p.code, "yaml-syntax");
  assert.ok(p.line && p.line >= 2 && p.line <= 4, String(p.line));
  assert.match(p.hint!, /comillas/);
});

test("a value that needed quotes is named in Spanish, with the line written as it parses", () => {
  const cases: Array<[string, string]> = [
    ["title: [Video] IMSS inaugura clínica", 'title: "[Video] IMSS inaugura clínica"'],
    ["title: IMSS: inaugura clínica", 'title: "IMSS: inaugura clínica"'],
    ['title: "IMSS "inaugura" clínica"', `title: 'IMSS "inaugura" clínica'`],
    ["description: {nota} del día", 'description: "{nota} del día"'],
  ];
  for (const [line, fixed] of cases) {
    const p = parseError(`---\n${line}\ndate: 2024-01-01\n---\n`);
    assert.equal(p.code, "yaml-syntax");
    assert.equal(p.line, 2);
    assert.match(p.message, /un valor sin comillas contiene/);
    assert.equal(p.hint, `Pon el valor entre comillas: ${fixed}`);
    // The suggestion is what the editor meant.
    assert.equal(parseSource(`---\n${fixed}\ndate: 2024-01-01\n---\nTexto\n`, "content/x.md", "x.md").ok, true);
  }
});

test("an error found on a later line than its cause suggests no quotes for the innocent line", () => {
  const p = parseError("---\ntags: [a, b\ndate: 2024-01-01\n---\n");
  // Said where the list opens (line 2), not on the next line, where js-yaml finds it.
  assert.equal(p.line, 2);
  assert.match(p.message, /la lista «\[…\]» que abre aquí no se cierra con «\]» en la misma línea/);
  assert.doesNotMatch(p.hint!, /Pon el valor entre comillas/);
  const tabs = parseError("---\ntitle: a\ntags:\n\t- a\n---\n");
  assert.match(tabs.message, /tabuladores/);
  assert.match(tabs.hint!, /espacios/);
});

test("a duplicated field is an error on its second line", () => {
  const p = parseError("---\ntitle: a\ndate: 2024-01-01\ntitle: b\n---\n");
  assert.equal(p.line, 4);
  assert.match(p.message, /dos veces/);
});

test("a duplicated field is named, with the lines of both", () => {
  const p = parseError("---\ntitle: Uno\ndate: 2024-04-09\ntags:\n  - salud\ndescription: x\ntitle: Dos\n---\n\nTexto.\n");
  assert.equal(p.field, "title");
  assert.equal(p.line, 7);
  assert.equal(p.message, "El campo «title» aparece dos veces en el encabezado (líneas 2 y 7).");
  assert.match(p.hint!, /Deja una sola línea title:/);
  // Written with quotes the first time, and a third time: the first two are named.
  const quoted = parseError('---\n"date": 2024-04-09\ntitle: a\ndate: 2024-04-10\ndate: 2024-04-11\n---\n');
  assert.equal(quoted.field, "date");
  assert.match(quoted.message, /«date» aparece dos veces en el encabezado \(líneas 2 y 4\)/);
  // A key repeated inside a field: the key and the field it is in.
  const nested = parseError("---\ntitle: a\nhighlights:\n  - a: 1\n    a: 2\n---\n");
  assert.equal(nested.line, 5);
  assert.match(nested.message, /«a» aparece dos veces dentro de «highlights»/);
});

test("missing or unclosed front matter", () => {
  assert.equal(parseError("Solo texto\n").code, "front-matter-missing");
  assert.equal(parseError("---\ntitle: x\nTexto sin cierre\n").code, "front-matter-unclosed");
  assert.equal(parseError("---js\n{ title: process.exit(1) }\n---\n").code, "front-matter-language");
  assert.equal(parseError("---\n- a\n- b\n---\n").code, "front-matter-not-map");
});

test("a closing line that says more than --- is an error on its line, even when a rule later in the body closes it", () => {
  for (const closing of ["----", "--- fin", "---o0o---"]) {
    const p = parseError(`---\ntitle: x\ndate: 2023-08-04\n${closing}\nCuerpo.\n\n---\n\nMás.\n`);
    assert.equal(p.code, "front-matter-close", closing);
    assert.equal(p.line, 4);
    assert.match(p.message, new RegExp(`dice «${closing}»: debe decir solo ---`));
  }
  // Spaces after the three dashes are nothing.
  const ok = parseSource("---\ntitle: x\n---  \nCuerpo.\n", "a.md", "a.md");
  assert.ok(ok.ok);
});

test("YAML bombs are refused", () => {
  const levels = ["a: &a [x, x, x, x, x, x, x, x, x]"];
  for (let i = 1; i < 9; i++) levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(9).fill(`*${String.fromCharCode(96 + i)}`).join(", ")}]`);
  const p = parseError(`---\n${levels.join("\n")}\n---\n`);
  assert.match(p.message, /alias/);
});

test("dates stay strings (YAML Date objects would lose the offset)", () => {
  const r = parseSource("---\ndate: 2021-08-19T18:08:00.000-06:00\nd2: 2023-02-31\n---\n", "a.md", "a.md");
  assert.ok(r.ok);
  assert.equal(r.doc.data["date"], "2021-08-19T18:08:00.000-06:00");
  assert.equal(r.doc.data["d2"], "2023-02-31");
});

test("CRLF and BOM are accepted; body line is known", () => {
  const r = parseSource("\uFEFF---\r\ntitle: x\r\n---\r\n\r\nCuerpo\r\n", "a.md", "a.md");
  assert.ok(r.ok);
  assert.equal(r.doc.data["title"], "x");
  assert.equal(r.doc.body.trim(), "Cuerpo");
  assert.equal(r.doc.bodyLine, 4);
});

test("the body and the field lines are what gray-matter makes of the whole file", () => {
  // parseSource gives gray-matter only the front matter and cuts the body itself (load.ts): the
  // same cut as gray-matter's on the whole text, for every shape of the closing line and the body.
  const texts = [
    "---\ntitle: a\n---\nCuerpo\n",
    "---\ntitle: a\n---\n\n\nCuerpo con líneas en blanco antes\n",
    "---\ntitle: a\n---",
    "---\ntitle: a\n---\n",
    "---\n---\nSin campos\n",
    "---   \ntitle: a\n---   \nEspacios tras las rayas\n",
    "---\ntitle: a\n---\n---\nOtra raya en el cuerpo\n---\n",
    "---\ntitle: a\ndescription: >\n  texto\n  ---x\n---\nCuerpo\n",
    "---\r\ntitle: a\r\n---\r\n\r\nCRLF\r\n",
    ...readdirSync(path.join(PROJECT_ROOT, "content"), { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".md"))
      .map((f) => readFileSync(path.join(PROJECT_ROOT, "content", f), "utf8")),
  ];
  for (const text of texts) {
    const r = parseSource(text, "a.md", "a.md");
    assert.ok(r.ok, text);
    const whole = grayMatter(text.replace(/\r\n?/g, "\n"), { language: "yaml", engines: { yaml: (source: string) => (yaml.load(source, { schema: yaml.FAILSAFE_SCHEMA }) ?? {}) as object } });
    assert.equal(r.doc.body, whole.content, text);
    assert.deepEqual(r.doc.data, whole.data, text);
  }
  assert.ok(texts.length > 10);
});

async function tempDir(): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), "boletines-load-"));
}

test("encodings: UTF-16, invalid UTF-8, NUL bytes, huge files", async () => {
  const dir = await tempDir();
  const cases: Array<[string, Buffer, string]> = [
    ["utf16.md", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("---\ntitle: x\n---\n", "utf16le")]), "encoding-utf16"],
    ["latin1.md", Buffer.from("---\ntitle: Boletín\n---\n", "latin1"), "encoding-invalid"],
    ["nul.md", Buffer.from("---\ntitle: a\u0000b\n---\n"), "nul-byte"],
    ["huge.md", Buffer.alloc(3 * 1024 * 1024, "a"), "file-too-large"],
  ];
  for (const [name, bytes, code] of cases) {
    const abs = path.join(dir, name);
    await writeFile(abs, bytes);
    const r = loadContentFile({ absPath: abs, relPath: name });
    assert.equal(r.ok, false, name);
    if (!r.ok) {
      assert.equal(r.problems[0]!.code, code, name);
      assert.ok(r.problems[0]!.hint, name);
    }
  }
  const latin = loadContentFile({ absPath: path.join(dir, "latin1.md"), relPath: "latin1.md" });
  assert.ok(!latin.ok && latin.problems[0]!.line === 2, "points at the line with the bad byte");
});

test("listing: sorted, skips dot and underscore files, refuses symlinks leaving content/", async () => {
  const dir = await tempDir();
  const content = path.join(dir, "content");
  await mkdir(path.join(content, "2024"), { recursive: true });
  await mkdir(path.join(content, "_plantillas"), { recursive: true });
  await writeFile(path.join(content, "2024", "b.md"), "");
  await writeFile(path.join(content, "2024", "a.markdown"), "");
  await writeFile(path.join(content, ".oculto.md"), "");
  await writeFile(path.join(content, "_plantillas", "p.md"), "");
  await writeFile(path.join(content, "notas.txt"), "");
  await writeFile(path.join(dir, "secreto.md"), "---\ntitle: fuera\n---\n");
  await symlink(path.join(dir, "secreto.md"), path.join(content, "enlace.md"));
  await symlink(path.join(content, "2024", "b.md"), path.join(content, "dentro.md"));
  await writeFile(path.join(content, "_notas.txt"), "");
  const { files, problems } = await listContentFiles(content);
  assert.deepEqual(files.map((f) => f.relPath), ["2024/a.markdown", "2024/b.md", "dentro.md"]);
  assert.deepEqual(problems.map((p) => [p.code, path.basename(p.file)]), [["symlink-outside", "enlace.md"], ["file-not-read", "notas.txt"]]);
});

test("listing: a file of content/ that is no bulletin is not read, and said with what to do about it", async () => {
  const dir = await tempDir();
  const content = path.join(dir, "content", "2024");
  await mkdir(content, { recursive: true });
  const names = ["boletin.md.txt", "comunicado.DOCX", "foto.jpg", "datos.json", "Boletín.MD"];
  for (const name of names) await writeFile(path.join(content, name), "");
  const { files, problems } = await listContentFiles(path.join(dir, "content"));
  assert.deepEqual(files.map((f) => f.relPath), ["2024/Boletín.MD"]);
  const said = new Map(problems.map((p) => [path.basename(p.file), p]));
  assert.deepEqual([...said.keys()].sort(), ["boletin.md.txt", "comunicado.DOCX", "datos.json", "foto.jpg"]);
  for (const p of said.values()) {
    assert.equal(p.severity, "warning");
    assert.equal(p.message, "No se publica: solo se leen archivos .md y .markdown.");
  }
  assert.match(said.get("boletin.md.txt")!.hint!, /quítale el \.txt del final: boletin\.md /);
  assert.match(said.get("comunicado.DOCX")!.hint!, /import .*comunicado\.DOCX/);
  assert.match(said.get("foto.jpg")!.hint!, /van en public\//);
  assert.match(said.get("datos.json")!.hint!, /empieza su nombre con _/);
});

test("files are shown relative to the working folder when inside it, whole otherwise (as path.relative decides)", () => {
  const byRelative = (abs: string, cwd: string) => {
    const rel = path.relative(cwd, abs);
    return rel && !rel.startsWith("..") && !path.isAbsolute(rel) ? rel : abs;
  };
  const cwds = ["/work/main", "/work/main/", "/", "/work"];
  const paths = ["/work/main/content/a.md", "/work/mainx/content/a.md", "/dev/shm/w/content/2016/a.md", "/work/main", "/work/main/../other/b.md", "/work/main/./content/c.md", "/work/main/content/..", "/w/a.md"];
  for (const cwd of cwds) for (const abs of paths) assert.equal(displayPath(abs, cwd), byRelative(abs, cwd), `${abs} from ${cwd}`);
});

test("an unclosed quote is reported where it opens, with the line closed", () => {
  const cases: Array<[string, number, number, string | undefined, RegExp]> = [
    ['---\ntitle: "Hola\ndate: 2024-04-09\n---\n\nx\n', 2, 8, "title", /Cierra las comillas al final del valor: title: "Hola"$/],
    ["---\ntitle: 'Hola\ndate: 2024-04-09\n---\n\nx\n", 2, 8, "title", /Cierra la comilla simple al final del valor: title: 'Hola'$/],
    ["---\ntitle: 'It''s\ndate: 2024-04-09\n---\n\nx\n", 2, 8, "title", /title: 'It''s'$/],
    ['---\ntitle: "IMSS \\"inaugura\\" clínica\ndate: 2024-04-09\n---\n\nx\n', 2, 8, "title", /title: "IMSS \\"inaugura\\" clínica"$/],
    ['---\ntitle: Dijo "hola\ndescription: "Dos\n  renglones"\ncity: "Mérida\ndate: 2024-04-09\n---\n\nx\n', 5, 7, "city", /city: "Mérida"$/],
    ['---\ntitle: a\ntags:\n  - "uno\n  - dos\ndate: 2024-04-09\n---\n\nx\n', 4, 5, "tags", /- "uno"$/],
    ['---\ntitle: a\ntags: ["uno, dos]\ndate: 2024-04-09\n---\n\nx\n', 3, 8, "tags", /Cierra las comillas al final del valor, o quítalas/],
  ];
  for (const [text, line, column, field, hint] of cases) {
    const p = parseError(text);
    assert.equal(p.code, "yaml-syntax", text);
    assert.deepEqual([p.line, p.column, p.field], [line, column, field], text);
    assert.match(p.message, new RegExp(`en la línea ${line} y no la`), text);
    assert.match(p.hint!, hint, text);
  }
});

test("every YAML error an editor can meet is said in Spanish, with its line and what to do", () => {
  // One front matter per reason js-yaml's loader gives (node_modules/js-yaml/lib/loader.js), as an editor would write it.
  const cases: Array<[string, number, RegExp, RegExp]> = [
    ["title: a\n  date: 2024-04-09", 3, /la línea 3 empieza con espacios/, /quita los espacios del principio de la línea 3/],
    ["title: a\ndate:2024-04-09", 3, /falta el espacio después de «:»/, /date: 2024-04-09$/],
    ["title: *Nuevo* programa", 2, /«\*Nuevo\*»: un valor que empieza con «\*» es para YAML una referencia/, /title: "\*Nuevo\* programa"$/],
    ["title: &a &b x", 2, /ancla o una referencia/, /title: "&a &b x"$/],
    ["x: &a b\ntitle: !!str *a", 4, /ancla o una referencia/, /sin anclas ni alias/],
    ["title: *", 2, /ancla o una referencia/, /title: "\*"$/],
    ["title: !Atención a esto", 2, /etiqueta de tipo/, /title: "!Atención a esto"$/],
    ["title: !!int 5", 2, /«!!int», que YAML lee como una etiqueta de tipo/, /title: "!!int 5"$/],
    ["title: !!python/object x", 2, /«!!python\/object»/, /comillas/],
    ["title: !a!b x", 2, /etiqueta de tipo/, /comillas/],
    ["title: !foo,bar x", 2, /etiqueta de tipo/, /comillas/],
    ["title: !!str !!str x", 2, /etiqueta de tipo/, /comillas/],
    ["title: >x", 2, /«\|» o «>» al principio de un valor/, /title: ">x"$/],
    ["title: |0\n  a", 2, /«\|» o «>»/, /comillas/],
    ["title: |++\n  a", 2, /«\|» o «>»/, /comillas/],
    ["title: |2-2\n  a", 2, /«\|» o «>»/, /comillas/],
    ["tags: [a,,b]", 2, /coma de más/, /comillas|coma sobrante/],
    ["tags: [a, b\ntitle: x", 2, /la lista «\[…\]» que abre aquí no se cierra con «\]»/, /«]»/],
    ["tags:\n  - a\n - b", 4, /no tiene la sangría de los anteriores/, /misma sangría/],
    ["tags: - a", 2, /«tags:» y su primer elemento de lista/, /cada elemento en la suya/],
    ["title: a\n- b", 3, /no tiene la forma «nombre: valor»/, /nombre: valor/],
    ["%TAG ! x", 3, /«%», que YAML lee como una directiva/, /%50 de descuento/],
    ["? [a, [b]]\n: c", 3, /«\?»/, /nombre: valor/],
    ['title: "a\\q"', 2, /barra invertida/, /Escribe la línea así: title: "a\\\\q"$/],
    ['title: "a\\xZZ"', 2, /barra invertida/, /title: "a\\\\xZZ"$/],
    ['title: "a\u0007"', 2, /caracteres de control invisibles/, /Borra el carácter invisible/],
    ["title: a\u0007", 2, /caracteres de control invisibles/, /Borra el carácter invisible/],
    ["title: a\n\ttags: b", 3, /tabuladores/, /espacios/],
    ["key: value: other", 2, /contiene «: »/, /key: "value: other"$/],
    ["title: x\ntitle: y", 3, /aparece dos veces/, /Deja una sola línea title:/],
  ];
  const english = /\b(the|of|is|are|expected|unknown|tag|node|stream|indentation|mapping|scalar|character|directive)\b/i;
  for (const [front, line, message, hint] of cases) {
    const p = parseError(`---\n${front}\n---\n\nTexto\n`);
    assert.equal(p.code, "yaml-syntax", front);
    assert.equal(p.line, line, front);
    assert.match(p.message, message, front);
    assert.match(p.hint!, hint, front);
    assert.doesNotMatch(`${p.message} ${p.hint}`, /detalle técnico/, front);
    assert.doesNotMatch(p.message.replace(/«[^»]*»/g, ""), english, front);
  }
});
