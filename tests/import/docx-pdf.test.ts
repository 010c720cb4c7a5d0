import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import JSZip from "jszip";
import { docxToText, htmlToReleaseText } from "../../src/import/docx.ts";
import { pdfToText } from "../../src/import/pdf.ts";
import { extractRelease } from "../../src/import/text.ts";
import { headParts as head } from "./parts-view.ts";

/** Real Word and PDF files made by tests/fixtures/import/make-fixtures.py (python-docx + LibreOffice). */
const bytes = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url));


const MONTERREY = {
  title: "IMSS Nuevo León realiza 1,200 cirugías de cataratas en jornada de fin de semana",
  date: "2024-02-02",
  number: "45/2024",
  city: "Monterrey, Nuevo León",
  highlights: ["La jornada se llevó a cabo en el Hospital General de Zona No. 17 y en la UMAE No. 25", "Participaron 85 especialistas en Oftalmología, Anestesiología y Enfermería"],
  photos: "https://drive.google.com/drive/folders/1NL_fotos_cataratas_2024",
};
const MONTERREY_BODY = [
  "El Instituto Mexicano del Seguro Social (IMSS) en Nuevo León realizó mil 200 cirugías de cataratas durante la Jornada Quirúrgica de fin de semana, con lo que se recupera la vista de derechohabientes que esperaban su intervención desde el 16 de mayo del año pasado.",
  "El titular de la Oficina de Representación, doctor Luis Gerardo Treviño Garza, explicó que la estrategia forma parte del plan de recuperación de servicios y que se dio prioridad a personas adultas mayores.",
  "Las unidades que participaron fueron:",
  "- Hospital General de Zona No. 17, en Monterrey\n- Hospital General de Zona No. 33, en Monterrey\n- UMAE Hospital de Especialidades No. 25",
  "“Cada cirugía le devuelve a una persona su independencia: volver a leer, a cocinar, a caminar sin miedo”, señaló la jefa de Oftalmología, doctora Ana Karen Salinas Ríos, quien recordó que la UMF No. 68 canaliza a los pacientes.",
].join("\n\n");

const CHIHUAHUA = {
  title: "Aplica IMSS Chihuahua más de 412 mil vacunas en el primer semestre del año",
  date: "2023-07-07",
  number: "88/2023",
  city: "Chihuahua, Chihuahua",
  highlights: ["Se instalaron 140 módulos itinerantes y brigadas casa por casa en la Sierra Tarahumara", "La vacunación es gratuita y no es necesario ser derechohabiente"],
  photos: "https://drive.google.com/drive/folders/1CHIH_vacunacion_2023",
};
const CHIHUAHUA_VIDEO = "https://imssmx.sharepoint.com/:v:/s/comunicacionsocial/CHvacunas?e=abc123";

test("docx: Word list highlights, inline bold dateline, body list, hyperlinked video", async () => {
  const { text } = await docxToText(bytes("monterrey-inline-dateline.docx"));
  const parts = extractRelease(text);
  assert.deepEqual(head(parts), MONTERREY);
  assert.equal(parts.video, "https://imssmx.sharepoint.com/:v:/s/comunicacionsocial/NLcataratas2024?e=x1Y2z3");
  assert.equal(parts.body, MONTERREY_BODY);
});

test("pdf: same release printed by LibreOffice gives the same parts (video link text is not an address)", async () => {
  const parts = extractRelease((await pdfToText(bytes("monterrey-inline-dateline.pdf"))).text);
  assert.deepEqual(head(parts), MONTERREY);
  assert.equal(parts.body, MONTERREY_BODY);
  // The PDF shows «Ver video», not the address: the importer says so instead of inventing one.
  assert.equal(parts.video, undefined);
  assert.ok(parts.warnings.some((w) => w.includes("Link de video")));
});

test("docx and pdf of a two-page release agree; headers, footers and hard wraps are gone", async () => {
  const fromDocx = extractRelease((await docxToText(bytes("chihuahua-two-pages.docx"))).text);
  const pdfText = (await pdfToText(bytes("chihuahua-two-pages.pdf"))).text;
  assert.match(pdfText, /Página 1 de 2[\s\S]*\f[\s\S]*UNIDAD DE COMUNICACIÓN SOCIAL/, "the PDF really has two pages with furniture");
  const fromPdf = extractRelease(pdfText);
  for (const parts of [fromDocx, fromPdf]) {
    assert.deepEqual(head(parts), CHIHUAHUA);
    assert.equal(parts.video, CHIHUAHUA_VIDEO);
    assert.equal(parts.body.split("\n\n").length, 7);
    assert.doesNotMatch(parts.body, /Página|COMUNICACIÓN SOCIAL|BOLETÍN|oOo|\uF0B7/);
  }
  assert.equal(fromPdf.body, fromDocx.body);
});

const html: Array<[string, string, string]> = [
  ["paragraphs", "<p>Uno</p><p>Dos</p>", "Uno\n\nDos"],
  ["bold run with outer spaces", "<p>Hola<strong> mundo </strong>ya</p>", "Hola **mundo** ya"],
  ["italic", "<p><em>IMSS</em> informa</p>", "*IMSS* informa"],
  ["heading", "<h1>Título</h1>", "## Título"],
  ["unordered list", "<ul><li>Uno</li><li>Dos</li></ul>", "- Uno\n\n- Dos"],
  ["ordered list", "<ol><li>Uno</li><li>Dos</li></ol>", "1. Uno\n\n2. Dos"],
  ["nested list: the inner items indented under their item", "<ul><li>Uno<ul><li>Uno a</li><li>Uno b</li></ul></li><li>Dos</li></ul>", "- Uno\n\n    - Uno a\n\n    - Uno b\n\n- Dos"],
  ["line break", "<p>Ciudad de México, 9 de abril de 2024<br />No. 171/2024</p>", "Ciudad de México, 9 de abril de 2024\nNo. 171/2024"],
  ["link with text", '<p><a href="https://a.mx/v">Ver video</a></p>', "[Ver video](https://a.mx/v)"],
  ["link showing its address", '<p><a href="https://a.mx/v">https://a.mx/v</a></p>', "https://a.mx/v"],
  ["markdown characters typed in Word are literal", "<p>2 * 3 &lt;b&gt; [x]</p>", "2 \\* 3 \\<b\\> \\[x\\]"],
  ["entities", "<p>Salud &amp; bienestar</p>", "Salud & bienestar"],
  ["empty paragraphs dropped", "<p></p><p>Uno</p>", "Uno"],
  ["image dropped", '<p><img src="" alt="logo" /></p><p>Uno</p>', "Uno"],
  [
    "a table of data: a markdown table, each cell's paragraphs on its line, a | typed in it literal",
    "<p>Casos:</p><table><tr><td><p>Región</p></td><td><p>Casos</p></td></tr><tr><td><p>Norte</p><p>(Sonora | Sinaloa)</p></td><td><p>120</p></td></tr><tr><td><p>Sur</p></td></tr></table><p>Fin.</p>",
    "Casos:\n\n| Región | Casos |\n| --- | --- |\n| Norte (Sonora \\| Sinaloa) | 120 |\n| Sur |  |\n\nFin.",
  ],
  ["a one-row table is layout: its cells are paragraphs", "<table><tr><td><p>No. 512/2022</p></td><td><p>Hermosillo, Sonora</p><p>28 de noviembre de 2022</p></td></tr></table><h1>T</h1>", "No. 512/2022\n\nHermosillo, Sonora\n\n28 de noviembre de 2022\n\n## T"],
];
for (const [name, input, expected] of html) test(`mammoth HTML: ${name}`, () => assert.equal(htmlToReleaseText(input), expected));

test("letterhead table, Heading 1 title, manual page break mid-sentence, numbered list: docx and pdf agree", async () => {
  const expected = {
    title: "Invita IMSS Sonora a donar sangre en temporada decembrina",
    date: "2022-11-28",
    number: "512/2022",
    city: "Hermosillo, Sonora",
    highlights: ["Los bancos de sangre reciben donadores de lunes a sábado", "Una sola donación puede ayudar hasta a cuatro pacientes"],
    photos: "https://drive.google.com/drive/folders/SON_donacion_2022",
  };
  const fromDocx = extractRelease((await docxToText(bytes("hermosillo-table-letterhead.docx"))).text);
  const pdfText = (await pdfToText(bytes("hermosillo-table-letterhead.pdf"))).text;
  // In the PDF the number and the wrapped dateline share lines, and the sentence is cut by a page.
  assert.match(pdfText, /No\. 512\/2022 Hermosillo, Sonora, a 28 de\n *noviembre de 2022/);
  assert.match(pdfText, /los requisitos son\n[\s\S]*Página 1 de 2[\s\S]*\f[\s\S]*Jefatura de Comunicación Social - IMSS Sonora\n[\s\S]*tener entre 18/);
  const fromPdf = extractRelease(pdfText);
  for (const parts of [fromDocx, fromPdf]) {
    assert.deepEqual(head(parts), expected);
    assert.match(parts.body, /los requisitos son tener entre 18 y 65 años/);
    assert.match(parts.body, /\n\n1\. Desayunar ligero, sin grasas ni lácteos\n2\. Dormir al menos seis horas\n3\. No haber consumido alcohol en las 48 horas previas\n\n/);
  }
  assert.match(fromDocx.body, /\n\n\*\*Recomendaciones antes de donar\*\*\n\n/);
  assert.equal(fromPdf.body, fromDocx.body.replace(/\*\*/g, ""));
});

test("dateline and number in the first page's Word header; the PDF shows them on page 1 only", async () => {
  const expected = {
    title: "Reconoce IMSS Yucatán a 35 enfermeras con la medalla al mérito",
    date: "2023-06-01",
    number: "233/2023",
    city: "Mérida, Yucatán",
    highlights: ["La ceremonia se realizó en el Hospital General Regional No. 1 Ignacio García Téllez", "Las enfermeras suman más de mil años de servicio"],
    photos: undefined,
  };
  const fromDocx = extractRelease((await docxToText(bytes("merida-header-dateline.docx"))).text);
  const pdfText = (await pdfToText(bytes("merida-header-dateline.pdf"))).text;
  assert.match(pdfText, /y que la\n\f\nGOBIERNO DE MÉXICO\n\nconvocatoria permanecerá/, "a sentence cut by the page and the later pages' letterhead");
  const fromPdf = extractRelease(pdfText);
  for (const parts of [fromDocx, fromPdf]) {
    assert.deepEqual(head(parts), expected);
    assert.equal(parts.body.split("\n\n").length, 6);
    assert.match(parts.body, /Hospital General de Zona No\. 1, y que la convocatoria permanecerá abierta hasta el 30 de junio en la página del Instituto\.$/);
    assert.doesNotMatch(parts.body, /GOBIERNO|Página|o0o/);
  }
  assert.equal(fromPdf.body, fromDocx.body);
});

test("docx: a number without its year in the Word header («Núm. 233») takes the dateline's, and says so", async () => {
  const zip = await JSZip.loadAsync(bytes("merida-header-dateline.docx"));
  let edited = 0;
  for (const header of Object.keys(zip.files).filter((n) => /^word\/header\d*\.xml$/.test(n))) {
    const xml = await zip.file(header)!.async("string");
    if (xml.includes("233/2023")) {
      zip.file(header, xml.replace("233/2023", "233"));
      edited++;
    }
  }
  assert.equal(edited, 1, "the header holds the number");
  const docx = await zip.generateAsync({ type: "nodebuffer" });
  const parts = extractRelease((await docxToText(docx)).text);
  assert.equal(parts.number, "233/2023");
  assert.equal(parts.title, "Reconoce IMSS Yucatán a 35 enfermeras con la medalla al mérito");
  assert.ok(parts.warnings.some((w) => w.includes("«Núm. 233» no dice el año; se tomó el de la fecha (2023)")), parts.warnings.join(" | "));
});

test("docx: a Word list with a second level stays nested in the bulletin", () => {
  const text = htmlToReleaseText("<h1>T</h1><p>Son:</p><ol><li>Uno<ul><li>Uno a</li><li>Uno b</li></ul></li><li>Dos</li></ol><p>Fin.</p>");
  assert.equal(extractRelease(text).body, "Son:\n\n1. Uno\n   - Uno a\n   - Uno b\n2. Dos\n\nFin.");
});

test("pdf: nested lists keep their levels from the lines' indentation, whatever the glyph (Word's •/o/▪, numbers with – under them, typed • and -)", async () => {
  const pdfText = (await pdfToText(bytes("puebla-nested-lists.pdf"))).text;
  // In the PDF only the x of each line tells the levels apart. Page 2 starts with the letterhead's «IMSS Puebla».
  assert.match(pdfText, /\n {2,4}\uF0B7 Consulta de Medicina Familiar\n {8,11}o Turno vespertino/);
  assert.match(pdfText, /Llegar 15 minutos antes de la cita\n[\s\S]*Página 1 de 2\n\f\n[\s\S]*IMSS Puebla\n\nRamírez Juárez recordó/);
  const fromPdf = extractRelease(pdfText);
  const fromDocx = extractRelease((await docxToText(bytes("puebla-nested-lists.docx"))).text);
  const wordLists = [
    "Los servicios que se amplían son:",
    "- Consulta de Medicina Familiar\n  - Turno vespertino de 14:00 a 20:00 horas\n  - Fines de semana en seis unidades\n    - UMF No. 2, No. 6 y No. 55 en la capital\n    - UMF No. 13 en Tehuacán\n- Laboratorio clínico\n- Módulos de vacunación",
  ].join("\n\n");
  const numbered = "1. Zona metropolitana\n   - De lunes a viernes, de 8:00 a 20:00 horas\n   - Sábados, de 8:00 a 14:00 horas\n2. Zona norte y sierra\n   - De lunes a viernes, de 8:00 a 18:00 horas";
  for (const parts of [fromPdf, fromDocx]) {
    assert.equal(parts.title, "IMSS Puebla amplía horarios de atención en 12 Unidades de Medicina Familiar");
    assert.deepEqual(parts.highlights, ["El horario vespertino se extiende hasta las 20:00 horas", "Seis unidades abrirán también los fines de semana"]);
    assert.ok(parts.body.includes(`\n\n${wordLists}\n\n`), parts.body);
    assert.ok(parts.body.includes(`\n\n${numbered}\n\n`), parts.body);
  }
  // Bullets typed by hand in indented paragraphs: the PDF shows the indentation (mammoth does not give it for .docx).
  assert.ok(fromPdf.body.includes("\n\nPara acudir se recomienda:\n\n- Llevar la Cartilla Nacional de Salud\n  - En su versión impresa o digital\n- Llegar 15 minutos antes de la cita\n\nRamírez Juárez recordó"), fromPdf.body);
  assert.deepEqual(fromPdf.warnings, []);
});

test("docx: superscripts and subscripts are kept (m², 10³, CO₂, 1.er), never glued to the text before them; a footnote becomes a markdown footnote", async () => {
  const { text, messages } = await docxToText(bytes("leon-volados-y-notas.docx"));
  const parts = extractRelease(text);
  assert.equal(parts.title, "IMSS Guanajuato abre el 1.er Centro de Mezclas del Bajío");
  const paragraphs = parts.body.split("\n\n");
  assert.equal(paragraphs[0], "El Instituto Mexicano del Seguro Social (IMSS) en Guanajuato inauguró un centro de 2 500 m² que prepara 10³ dosis de medicamentos oncológicos por turno.");
  // NOₓ's x has no common Unicode subscript: the site's own <sub>.
  assert.equal(paragraphs[1], "Su sistema de ventilación reduce las emisiones de CO₂ y de NO<sub>x</sub> en 40 por ciento, y se aplicaron 3,500¹ dosis en su primer mes.");
  assert.equal(paragraphs[2], "Durante la jornada de apertura se atendieron 5 mil pacientes[^1] en la jornada.");
  assert.equal(paragraphs[paragraphs.length - 1], "[^1]: Cifras preliminares de la Dirección de Prestaciones Médicas.");
  assert.doesNotMatch(parts.body, /↑|\\\[|103|m2|CO2/);
  // A superscript number right after a figure: a power or a footnote's call; the editor is asked to check.
  assert.equal(messages.length, 1, messages.join(" | "));
  assert.match(messages[0]!, /«…ciento, y se aplicaron 3,500¹»: un número en superíndice justo después de una cifra; se escribió volado \(¹\), no pegado a la cifra\. Si es la llamada a una nota/);
});

test("docx HTML: each kind of superscript and subscript, notes in a superscript, endnotes, a note of two paragraphs", () => {
  const html = (inner: string, notes = "") => `<p>${inner}</p><ol>${notes}</ol><dl></dl>`;
  const cases: Array<[string, string]> = [
    ["10<sup>3</sup>", "10³"],
    ["10<sup>-6</sup> m", "10⁻⁶ m"],
    ["H<sub>2</sub>O", "H₂O"],
    ["el 1<sup>er</sup> lugar", "el 1.er lugar"],
    ["el 1.<sup>er</sup> lugar", "el 1.er lugar"],
    ["la 2<sup>a</sup> etapa y el 3<sup>o</sup>", "la 2.ª etapa y el 3.º"],
    ["los 1<sup>os</sup>", "los 1.os"],
    ["N<sup>o</sup> 5", "Nº 5"],
    ["Marca<sup>TM</sup>", "Marca<sup>TM</sup>"],
    ["NO<sub>x</sub>", "NO<sub>x</sub>"],
    ["a<sup>*</sup>", "a<sup>\\*</sup>"],
    ["<strong>10<sup>3</sup> dosis</strong>", "**10³ dosis**"],
  ];
  for (const [inner, expected] of cases) assert.equal(htmlToReleaseText(html(inner)), expected, inner);
  const notes = html(
    'Uno<sup><a href="#footnote-2" id="footnote-ref-2">[1]</a></sup> y dos<sup><a href="#endnote-1" id="endnote-ref-1">[2]</a></sup>.',
    '<li id="footnote-2"><p>Primera nota.</p><p>Su segundo párrafo <a href="#footnote-ref-2">↑</a></p></li><li id="endnote-1"><p>Nota final con *asterisco*. <a href="#endnote-ref-1">↑</a></p></li>',
  );
  // The note's second paragraph stays its own, indented under it (as markdown reads a note's paragraphs).
  assert.equal(htmlToReleaseText(notes), "Uno[^1] y dos[^2].\n\n[^1]: Primera nota.\n\n    Su segundo párrafo\n\n[^2]: Nota final con \\*asterisco\\*.");
});

test("docx: bullets typed by hand in paragraphs indented by hand nest by their indentation (a «-» under a «•»), as in the PDF", async () => {
  const { text } = await docxToText(bytes("puebla-nested-lists.docx"));
  const body = extractRelease(text).body;
  assert.ok(body.includes("Para acudir se recomienda:\n\n- Llevar la Cartilla Nacional de Salud\n  - En su versión impresa o digital\n- Llegar 15 minutos antes de la cita\n\n"), body);
  // Tabs typed before a paragraph's text count as indentation too; a paragraph that is no item keeps none.
  assert.equal(extractRelease(htmlToReleaseText("<h1>T</h1><p>Son:</p><p>• Uno</p><p>\t- Uno a</p><p>• Dos</p><p>\tFin.</p>")).body, "Son:\n\n- Uno\n  - Uno a\n- Dos\n\nFin.");
});

test("pdf: the León release's superscripts, subscripts and footnote come out as from its .docx (1.er, m², 10³, CO₂, NO<sub>x</sub>, 3,500¹ said, [^1])", async () => {
  const docx = await docxToText(bytes("leon-volados-y-notas.docx"));
  const pdf = await pdfToText(bytes("leon-volados-y-notas.pdf"));
  const fromDocx = extractRelease(docx.text);
  const fromPdf = extractRelease(pdf.text);
  assert.equal(fromPdf.title, "IMSS Guanajuato abre el 1.er Centro de Mezclas del Bajío");
  assert.deepEqual(head(fromPdf), head(fromDocx));
  assert.equal(fromPdf.body, fromDocx.body);
  assert.match(fromPdf.body, /pacientes\[\^1\] en la jornada\.[\s\S]*\n\n\[\^1\]: Cifras preliminares de la Dirección de Prestaciones Médicas\.$/);
  // The note was at the foot of the page, in the body's own font and with its number as text (LibreOffice's default).
  assert.doesNotMatch(fromPdf.body, /\n1 Cifras|\n2 3\n|103|m2\b|CO2/);
  assert.deepEqual(pdf.messages, docx.messages);
});

test("pdf and docx agree on a release with footnotes on two pages (Word's note styles), a note three lines long and several superscripts on a line", async () => {
  const docx = await docxToText(bytes("queretaro-notas-al-pie.docx"));
  const pdf = await pdfToText(bytes("queretaro-notas-al-pie.pdf"));
  assert.match(pdf.text, /Página 1 de 2[\s\S]*\f/, "the PDF really has two pages");
  const fromDocx = extractRelease(docx.text);
  const fromPdf = extractRelease(pdf.text);
  for (const parts of [fromDocx, fromPdf]) {
    assert.equal(parts.title, "IMSS Querétaro abre el 2.º piso de Terapia Intensiva del Hospital General Regional No. 1");
    assert.deepEqual(parts.highlights, ["El área suma 1 800 m² y 24 camas con monitoreo continuo", "Atenderá a derechohabientes de cinco municipios del estado"]);
    assert.equal(parts.number, "301/2024");
    const paragraphs = parts.body.split("\n\n");
    assert.equal(paragraphs[0], "El Instituto Mexicano del Seguro Social (IMSS) en Querétaro inauguró el segundo piso de la Unidad de Cuidados Intensivos del Hospital General Regional (HGR) No. 1, con una inversión de 86 millones de pesos[^1] y una superficie de 1 800 m² distribuida en 24 cubículos de aislamiento.");
    assert.equal(paragraphs[1], "Cada cubículo tiene un volumen de 45 m³, 12 recambios de aire por hora (12 h⁻¹) y filtros que retienen 10⁶ partículas por minuto, lo que reduce el CO₂ y las partículas PM<sub>2.5</sub> del aire que respiran los pacientes.");
    assert.match(parts.body, /protocolo «Código Infarto»\[\^2\], con el que/);
    // The page's notes do not part the paragraph the page cut.
    assert.match(parts.body, /lo que generó empleo en la construcción/);
    assert.deepEqual(
      paragraphs.filter((p) => p.startsWith("[^")).map((p) => p.split(",")[0]),
      [
        "[^1]: Monto autorizado por el H. Consejo Técnico del IMSS en su sesión ordinaria del 24 de abril de 2024",
        "[^2]: Protocolo de atención del infarto agudo al miocardio del IMSS",
        "[^3]: Datos del Sistema de Información de Atención Integral a la Salud (SIAIS)",
        "[^4]: Norma Oficial Mexicana NOM-016-SSA3-2012",
        "[^5]: Incluye médicos intensivistas",
      ],
    );
    assert.ok(paragraphs.slice(-5).every((p) => p.startsWith("[^")), "the notes close the body");
    assert.match(parts.body, /\[\^1\]: Monto autorizado [^\n]* la capacitación del personal que operará la unidad\.\n/);
    assert.doesNotMatch(parts.body, /Página|o0o/);
  }
  assert.equal(fromPdf.body, fromDocx.body);
  assert.deepEqual(pdf.messages, []);
});

test("pdf as Word prints it: notes in a smaller font with superscript numbers restarting on each page, a note carried over to the next page, a paragraph starting with a superscript", async () => {
  const pdf = await pdfToText(bytes("saltillo-notas-por-pagina.pdf"));
  const parts = extractRelease(pdf.text);
  assert.equal(parts.title, "Concluye IMSS Coahuila la 3.ª Jornada de Salud Pública en Saltillo");
  assert.equal(parts.number, "315/2024");
  const paragraphs = parts.body.split("\n\n");
  assert.match(paragraphs[0]!, /48 mil vacunas a derechohabientes\[\^1\] de 38 municipios/);
  assert.match(parts.body, /agua potable \(H₂O\) y sales/);
  // The call is the page's last line; its note goes on at the foot of page 2, above that page's own notes.
  assert.match(parts.body, /\(SINAVE\)\[\^2\], que registró los casos detectados para dar seguimiento a cada paciente/);
  assert.match(parts.body, /\n\n¹⁸F-FDG, el radiofármaco que utiliza la unidad móvil/);
  // Page 2 numbers its notes 1 and 2 again: they are the bulletin's third and fourth.
  assert.match(parts.body, /participó en las brigadas\[\^3\] y recordó/);
  assert.match(parts.body, /sin necesidad de ser derechohabientes\[\^4\], y que basta/);
  const notes = paragraphs.filter((p) => p.startsWith("[^"));
  assert.equal(notes.length, 4);
  assert.deepEqual(paragraphs.slice(-4), notes);
  assert.match(notes[1]!, /^\[\^2\]: El SINAVE concentra [^\n]* personas adultas mayores\. En Coahuila, la vigilancia [^\n]* notificación oportuna de los casos\.$/);
  assert.equal(notes[2], "[^3]: Participaron 420 enfermeras y enfermeros de las 43 unidades médicas del estado.");
  assert.equal(notes[3], "[^4]: La vacunación del esquema nacional es gratuita para toda la población, sea o no derechohabiente.");
  assert.doesNotMatch(parts.body, /Página|GOBIERNO|o0o|\n\d /);
  assert.deepEqual(pdf.messages, []);
  assert.deepEqual(parts.warnings, []);
});
