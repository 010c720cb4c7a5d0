import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";
import { extractRelease } from "../../src/import/text.ts";
import { comparableParts as view } from "./parts-view.ts";

const fixture = (name: string) => readFileSync(new URL(`../fixtures/import/${name}`, import.meta.url), "utf8");


type Expected = Partial<ReturnType<typeof view>>;
const HEAD = "Ciudad de México, martes 9 de abril de 2024\nNo. 171/2024\n\nTítulo del boletín\n\n";

/** Each rule of the issue, as input → the parts it must produce. */
const cases: Array<[string, string, Expected]> = [
  // Title
  ["title: first line", "Título del boletín\n\nEl texto.", { title: "Título del boletín", body: "El texto." }],
  ["title: markdown heading", "## Título del boletín\n\nEl texto.", { title: "Título del boletín" }],
  ["title: bold", "**Título del boletín**\n\nEl texto.", { title: "Título del boletín" }],
  ["title: hard-wrapped over two lines", "Inaugura IMSS una unidad en\nCentla con seis consultorios\n\nEl texto.", { title: "Inaugura IMSS una unidad en Centla con seis consultorios" }],
  ["title: a body paragraph right under the title is not part of it", "Título del boletín\nEl Instituto Mexicano del Seguro Social informó hoy que la campaña sigue.", { title: "Título del boletín", body: "El Instituto Mexicano del Seguro Social informó hoy que la campaña sigue." }],
  ["title: after letterhead, dateline and number", "UNIDAD DE COMUNICACIÓN SOCIAL\nBOLETÍN DE PRENSA\nCiudad de México, martes 9 de abril de 2024\nNo. 171/2024\n\nEl título\n\nEl texto.", { title: "El título", number: "171/2024", date: "2024-04-09" }],
  ["title: a line under the title that ends a phrase is joined (the editor is told: it may be a subtitle)", "Informe semestral de servicios médicos del IMSS\nSe otorgaron más de 50 millones de consultas en seis meses\n\nEl texto.", { title: "Informe semestral de servicios médicos del IMSS Se otorgaron más de 50 millones de consultas en seis meses", body: "El texto." }],
  ["title: escapes removed", "IMSS \\*otorga\\* 1\\. apoyo\n\nEl texto.", { title: "IMSS *otorga* 1. apoyo" }],
  // Date
  ["date: line with weekday", HEAD + "Texto.", { date: "2024-04-09", city: "Ciudad de México" }],
  ["date: without weekday", "Ciudad de México, 9 de abril de 2024\n\nT\n\nTexto.", { date: "2024-04-09" }],
  ["date: «a 5 de junio de 2023»", "Ciudad de México, a 5 de junio de 2023\n\nT\n\nTexto.", { date: "2023-06-05" }],
  ["date: «Ciudad de México a 9 de mayo de 2024» (no comma before «a»)", "Ciudad de México a 9 de mayo de 2024\nNo. 175/2024\n\nT\n\nTexto.", { date: "2024-05-09", city: "Ciudad de México", number: "175/2024", title: "T" }],
  ["date: «Mérida, Yucatán a 9 de mayo de 2024»", "Mérida, Yucatán a 9 de mayo de 2024\n\nT\n\nTexto.", { date: "2024-05-09", city: "Mérida, Yucatán", title: "T" }],
  ["date: «…, a 9 de mayo de 2024» with the comma", "Ciudad de México, a 9 de mayo de 2024\n\nT\n\nTexto.", { date: "2024-05-09", city: "Ciudad de México", title: "T" }],
  ["date: inline «Mérida, Yucatán a 9 de mayo de 2024.-»", "T\n\nMérida, Yucatán a 9 de mayo de 2024.- El IMSS informó.", { date: "2024-05-09", city: "Mérida, Yucatán", body: "El IMSS informó." }],
  ["date: a dateline in capitals gives the city as Spanish writes it", "CIUDAD DE MÉXICO, MIÉRCOLES 1o. DE MAYO DE 2024\n\nT\n\nTexto.", { date: "2024-05-01", city: "Ciudad de México" }],
  ["date: «MÉRIDA, YUCATÁN, a 3 de marzo de 2023»", "MÉRIDA, YUCATÁN, a 3 de marzo de 2023\n\nT\n\nTexto.", { date: "2023-03-03", city: "Mérida, Yucatán" }],
  ["date: zero-padded day", "Chihuahua, Chihuahua, 07 de julio de 2023\n\nT\n\nTexto.", { date: "2023-07-07", city: "Chihuahua, Chihuahua" }],
  ["date: capitalized month", "Ciudad de México, Martes 9 de Abril de 2024\n\nT\n\nTexto.", { date: "2024-04-09" }],
  ["date: bold dateline", "**Ciudad de México, martes 9 de abril de 2024**\n\nT\n\nTexto.", { date: "2024-04-09", city: "Ciudad de México" }],
  ["date: after the title and highlights", "Título\n\n- Uno\n- Dos\n\nCiudad de México, 9 de abril de 2024.\n\nTexto.", { date: "2024-04-09", highlights: ["Uno", "Dos"], body: "Texto." }],
  [
    "date: inline dateline opening the first paragraph",
    "Título\n\nMonterrey, Nuevo León, a 2 de febrero de 2024.- El Instituto Mexicano del Seguro Social informó.\n\nOtro párrafo.",
    { date: "2024-02-02", city: "Monterrey, Nuevo León", body: "El Instituto Mexicano del Seguro Social informó.\n\nOtro párrafo." },
  ],
  ["date: inline dateline in bold", "Título\n\n**Monterrey, N.L., 2 de febrero de 2024.-** El IMSS informó.", { date: "2024-02-02", city: "Monterrey, N.L.", body: "El IMSS informó." }],
  ["date: the same dateline in the header and opening the text is shown once", "Ciudad de México, 9 de abril de 2024\n\nT\n\nCiudad de México, 9 de abril de 2024.- El IMSS informó.", { date: "2024-04-09", body: "El IMSS informó." }],
  ["date: a different inline dateline is kept in the text", "Ciudad de México, 9 de abril de 2024\n\nT\n\nCiudad de México, 8 de abril de 2024.- El IMSS informó.", { date: "2024-04-09", body: "Ciudad de México, 8 de abril de 2024.- El IMSS informó." }],
  ["date: a date inside the text is not the bulletin's", "Título\n\n- El 16 de mayo comienzan\n\nEl 16 de mayo de 2023 se inauguró la unidad.", { date: undefined }],
  ["date: an inline date in a later paragraph is not taken", "Título\n\nPrimer párrafo.\n\nMonterrey, Nuevo León, a 2 de febrero de 2024.- Otro.", { date: undefined }],
  // Number
  ["number: No. 171/2024", HEAD + "Texto.", { number: "171/2024" }],
  ["number: No.88/2023", "No.88/2023\n\nT\n\nTexto.", { number: "88/2023" }],
  ["number: Núm. 45/2023", "Núm. 45/2023\n\nT\n\nTexto.", { number: "45/2023" }],
  ["number: No. 154 /2022", "No. 154 /2022\n\nT\n\nTexto.", { number: "154/2022" }],
  ["number: on the dateline", "Ciudad de México, 9 de abril de 2024. No. 171/2024\n\nT\n\nTexto.", { number: "171/2024", date: "2024-04-09" }],
  ["number: before the dateline on one line (letterhead table)", "No. 171/2024    Ciudad de México, 9 de abril de 2024\n\nT\n\nTexto.", { number: "171/2024", date: "2024-04-09", city: "Ciudad de México" }],
  ["number: «Boletín de prensa No.» line", "BOLETÍN DE PRENSA No. 12/2024\nCIUDAD DE MÉXICO, 9 DE ABRIL DE 2024\n\nT\n\nTexto.", { number: "12/2024", date: "2024-04-09", city: "Ciudad de México", title: "T" }],
  ["date: dateline wrapped in a narrow cell, after the number", "No. 512/2022 Hermosillo, Sonora, a 28 de\nnoviembre de 2022\n\nT\n\nTexto.", { number: "512/2022", date: "2022-11-28", city: "Hermosillo, Sonora", title: "T" }],
  ["date: the place on its own line above the date", "Ciudad de México\nmartes 9 de abril de 2024\n\nT\n\nTexto.", { date: "2024-04-09", city: "Ciudad de México", title: "T" }],
  ["date: a short title above a bare date is not taken for a place", "IMSS inaugura hospital\nmartes 9 de abril de 2024\n\nTexto.", { title: "IMSS inaugura hospital", date: "2024-04-09", city: undefined, body: "Texto." }],
  // A number without its year on its own line: the number, never the title; the date gives the year.
  ["number: «No. 175» alone under the dateline", "Ciudad de México, 12 de abril de 2024\nNo. 175\n\nT\n\nTexto.", { number: "175/2024", date: "2024-04-12", title: "T", body: "Texto." }],
  ["number: «No. 175» above the dateline, a blank line between", "No. 175\n\nCiudad de México, 12 de abril de 2024\n\nT\n\nTexto.", { number: "175/2024", title: "T", body: "Texto." }],
  ["number: «Núm. 045.» between the title and the dateline", "T\nNúm. 045.\nCiudad de México a 12 de abril de 2024\n\nTexto.", { number: "45/2024", title: "T", body: "Texto." }],
  ["number: «Boletín No. 175» with the date opening the text", "Boletín No. 175\n\nT\n\nMérida, Yucatán, 9 de mayo de 2024.- El IMSS informó.", { number: "175/2024", date: "2024-05-09", title: "T", body: "El IMSS informó." }],
  ["number: «No. 175» without any date is no number and no title", "No. 175\n\nT\n\nTexto.", { number: undefined, title: "T", body: "Texto." }],
  ["number: «UMF No. 68» under the title stays text", "Ciudad de México, 12 de abril de 2024\n\nT\n\nUMF No. 68\n\nTexto.", { number: undefined, title: "T", body: "UMF No. 68\n\nTexto." }],
  ["number: a numbered line that says more is not the number", "T\n\nNo. 3/2024 de la serie de reportes.", { number: undefined, body: "No. 3/2024 de la serie de reportes." }],
  ["number: UMF No. 68 in the body is not it", "T\n\nLa UMF No. 68 y el HGZ No. 1/2024 atienden.", { number: undefined }],
  // Highlights
  ["highlights: ·", "T\n\n· Uno\n· Dos\n\nTexto.", { highlights: ["Uno", "Dos"], body: "Texto." }],
  ["highlights: -", "T\n\n- Uno\n- Dos\n\nTexto.", { highlights: ["Uno", "Dos"] }],
  ["highlights: •", "T\n\n• Uno\n• Dos\n\nTexto.", { highlights: ["Uno", "Dos"] }],
  ["highlights: ▪ with tab", "T\n\n▪\tUno\n▪\tDos\n\nTexto.", { highlights: ["Uno", "Dos"] }],
  ["highlights: Word private-use bullet U+F0B7", "T\n\n\uF0B7\tUno\n\uF0B7 Dos\n\nTexto.", { highlights: ["Uno", "Dos"] }],
  ["highlights: - **bold**", "T\n\n- **Uno**\n- **Dos**\n\nTexto.", { highlights: ["Uno", "Dos"] }],
  ["highlights: separated by blank lines", "T\n\n• Uno\n\n• Dos\n\nTexto.", { highlights: ["Uno", "Dos"], body: "Texto." }],
  ["highlights: hard-wrapped", "T\n\n• La unidad atenderá a más de 24 mil\nderechohabientes\n• Dos\n\nTexto.", { highlights: ["La unidad atenderá a más de 24 mil derechohabientes", "Dos"] }],
  ["highlights: none", "T\n\nTexto.", { highlights: [] }],
  // Links
  ["links: URL on the next line", "T\n\nTexto.\n\nLINK DE FOTOS\n\nhttps://drive.google.com/f\n\nLINK DE VIDEO\n\n<https://v.mx/v?e=1>", { photos: "https://drive.google.com/f", video: "https://v.mx/v?e=1", body: "Texto." }],
  ["links: same line, any case", "T\n\nTexto.\n\nlink de fotos: https://drive.google.com/f\nLink De Video <https://v.mx/v>", { photos: "https://drive.google.com/f", video: "https://v.mx/v" }],
  ["links: after the end mark", "T\n\nTexto.\n\n---o0o---\n\n LINK DE FOTOS\nhttps://drive.google.com/f \n", { photos: "https://drive.google.com/f", body: "Texto." }],
  ["links: URL wrapped by PDF extraction", "T\n\nTexto.\n\nLINK DE VIDEO\nhttps://v.mx/s/abc?\ne=xyz", { video: "https://v.mx/s/abc?e=xyz", body: "Texto." }],
  ["links: none", "T\n\nTexto.", { photos: undefined, video: undefined }],
  // Cleaning
  ["clean: header in the middle of the body", "T\n\nUno.\n\nUNIDAD DE COMUNICACIÓN SOCIAL\n\nDos.", { body: "Uno.\n\nDos." }],
  ["clean: lowercase and heading headers", "T\n\nUno.\n\n## Unidad de Comunicación Social\n\nunidad de comunicación social\n\nDos.", { body: "Uno.\n\nDos." }],
  ["clean: GOBIERNO DE / MÉXICO split and bold", "T\n\nUno.\n\n**GOBIERNO DE\nMÉXICO**\n\nDos.", { body: "Uno.\n\nDos." }],
  ["clean: BOLETÍN DE PRENSA and Página N de M", "T\n\nUno.\n\nPágina 1 de 2\nBOLETÍN DE PRENSA\n\nDos.", { body: "Uno.\n\nDos." }],
  ["clean: [image: …] alt text over several lines", "[image: Interfaz de usuario\n\nDescripción generada automáticamente]UNIDAD DE COMUNICACIÓN SOCIAL\nT\n\nUno.", { title: "T", body: "Uno." }],
  ["clean: markdown image", "T\n\n![logo](media/image1.png)\n\nUno.", { body: "Uno." }],
  ["clean: end mark ---o0o---", "T\n\nUno.\n\n---o0o---", { body: "Uno." }],
  ["clean: end mark ---oOo--- then rule", "T\n\nUno.\n\n---oOo---\n\n---", { body: "Uno." }],
  ["clean: page-break rule between paragraphs", "T\n\nUno.\n\n---\n\nDos.", { body: "Uno.\n\nDos." }],
  [
    "clean: pandoc markdown (escapes, 3-space list markers, image sizes, spans, backslash breaks)",
    "![](media/image1.png){width=\"6.1in\" height=\"0.8in\"}\n\nCiudad de México, 9 de abril de 2024\\\nNo. 171/2024\n\n**IMSS invierte \\$120 millones en [equipo]{.underline}**\n\n-   **Uno**\n\n-   **Dos que\n    sigue**\n\nEl IMSS invirtió 120 millones de pesos en equipo médico para las\nunidades del estado, informó el director.\n",
    {
      title: "IMSS invierte $120 millones en equipo",
      date: "2024-04-09",
      number: "171/2024",
      highlights: ["Uno", "Dos que sigue"],
      body: "El IMSS invirtió 120 millones de pesos en equipo médico para las unidades del estado, informó el director.",
    },
  ],
  // The year's legend wrapped over two lines (a page header in a PDF, a converter's wrap, two Word paragraphs)
  ["clean: year legend over two lines above the dateline", "2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado,\nRevolucionario y Defensor del Mayab\n\nCiudad de México, 9 de mayo de 2024\nNo. 175/2024\n\nT\n\nTexto.", { title: "T", date: "2024-05-09", body: "Texto." }],
  ["clean: year legend over two lines, then the title with no blank line", "2024: Año de Felipe Carrillo Puerto, Benemérito del\nProletariado, Revolucionario y Defensor del Mayab\nIMSS inaugura clínica en Mérida\n\nTexto.", { title: "IMSS inaugura clínica en Mérida", body: "Texto." }],
  ["clean: year legend as two Word paragraphs", "**2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado,**\n\n**Revolucionario y Defensor del Mayab**\n\nT\n\nTexto.", { title: "T", body: "Texto." }],
  ["clean: year legend wrapped before «y», in a page header mid-paragraph", "T\n\nLos requisitos son\n\f2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario\ny Defensor del Mayab\ntener entre 18 y 65 años.", { title: "T", body: "Los requisitos son tener entre 18 y 65 años." }],
  ["clean: year legend cut after a complete name, above the dateline", "2024: Año de Felipe Carrillo Puerto\nBenemérito del Proletariado, Revolucionario y Defensor del Mayab\n\nCiudad de México, 9 de mayo de 2024\nNo. 175/2024\n\nT\n\nTexto.", { title: "T", date: "2024-05-09", body: "Texto." }],
  ["clean: year legend cut after a complete name, then the title with no blank line", "2020, Año de Leona Vicario\nBenemérita Madre de la Patria\nIMSS inaugura Unidad de Medicina Familiar en Mérida\n\nTexto.", { title: "IMSS inaugura Unidad de Medicina Familiar en Mérida", body: "Texto." }],
  ["clean: year legend cut after a complete name, then the title (a title is never the legend's rest)", "2024: Año de Felipe Carrillo Puerto\nIMSS inaugura Unidad de Medicina Familiar en Mérida\n\nCiudad de México, 9 de mayo de 2024\n\nTexto.", { title: "IMSS inaugura Unidad de Medicina Familiar en Mérida", date: "2024-05-09", body: "Texto." }],
  ["clean: year legend cut after a complete name, in a page header mid-paragraph", "T\n\nLos requisitos son\n\f2023, Año de Francisco Villa\nel revolucionario del pueblo\ntener entre 18 y 65 años.", { title: "T", body: "Los requisitos son tener entre 18 y 65 años." }],
  ["clean: a state office's letterhead repeated at the top of the next page goes", "IMSS JALISCO\n\nGuadalajara, Jalisco, 22 de julio de 2024\n\nT\n\nLos requisitos son\n\fIMSS JALISCO\ntener entre 18 y 65 años.", { title: "T", body: "Los requisitos son tener entre 18 y 65 años." }],
  ["clean: a state office's name below the title is text, also at a page's top, when no letterhead had it", "Guadalajara, Jalisco, 22 de julio de 2024\n\nT\n\nUno.\n\fIMSS Jalisco\n\nParticipó.", { title: "T", body: "Uno.\n\nIMSS Jalisco\n\nParticipó." }],
  ["clean: a complete legend then a title on the next line keeps the title", "2024: Año de Felipe Carrillo Puerto, Benemérito del Proletariado, Revolucionario y Defensor del Mayab\nIMSS inaugura clínica en Mérida\n\nTexto.", { title: "IMSS inaugura clínica en Mérida", body: "Texto." }],
  // Joining
  ["join: paragraph cut by a page break and header", "T\n\nen Hemodinamia y\n\n---\n\n## Unidad de Comunicación Social\n\nRadioterapia; agilizar.", { body: "en Hemodinamia y Radioterapia; agilizar." }],
  ["join: footer in the middle of a paragraph", "T\n\nla contratación de 54 trabajadores, entre\nPágina 1 de 2\n\fUNIDAD DE COMUNICACIÓN SOCIAL\nadministrativos.", { body: "la contratación de 54 trabajadores, entre administrativos." }],
  ["join: next page starts in lower case", "T\n\nUno termina aquí.\n\n---\n\ny continúa.", { body: "Uno termina aquí. y continúa." }],
  ["join: a list ending at the foot of a page and the next page's paragraph stay apart", "T\n\nSon:\n\n- Uno\n- Llegar 15 minutos antes de la cita\n\fUNIDAD DE COMUNICACIÓN SOCIAL\n\nEl horario sigue igual.", { body: "Son:\n\n- Uno\n- Llegar 15 minutos antes de la cita\n\nEl horario sigue igual." }],
  ["join: a list item the page cut where it was left open goes on", "T\n\nSon:\n\n- Uno\n- Acudir a la\n\fUNIDAD DE COMUNICACIÓN SOCIAL\n\nUMF No. 13 en Tehuacán\n\nFin.", { body: "Son:\n\n- Uno\n- Acudir a la UMF No. 13 en Tehuacán\n\nFin." }],
  ["join: complete paragraphs around a page break stay apart", "T\n\nUno.\n\n---\n\nDos.", { body: "Uno.\n\nDos." }],
  [
    "join: in hard-wrapped text a short line ending a sentence ends its paragraph",
    [
      "T",
      "",
      "El Instituto Mexicano del Seguro Social (IMSS) informó que durante el",
      "primer semestre del año se aplicaron más de 412 mil dosis de vacunas en",
      "las unidades de medicina familiar del estado.",
      "La coordinadora de Salud Pública detalló que la estrategia incluyó la",
      "instalación de 140 módulos itinerantes en plazas y escuelas, además de",
      "brigadas casa por casa.",
      "Los horarios de vacunación pueden consultarse en la página del Instituto.",
    ].join("\n"),
    {
      body: [
        "El Instituto Mexicano del Seguro Social (IMSS) informó que durante el primer semestre del año se aplicaron más de 412 mil dosis de vacunas en las unidades de medicina familiar del estado.",
        "La coordinadora de Salud Pública detalló que la estrategia incluyó la instalación de 140 módulos itinerantes en plazas y escuelas, además de brigadas casa por casa.",
        "Los horarios de vacunación pueden consultarse en la página del Instituto.",
      ].join("\n\n"),
    },
  ],
  [
    "join: a highlight is not continued by the body in one-paragraph-per-line text",
    "T\n\n· Presenta programa\n· Abre convocatoria\nIMSS-Bienestar se fortalece con el programa La Clínica es Nuestra.",
    { highlights: ["Presenta programa", "Abre convocatoria"], body: "IMSS-Bienestar se fortalece con el programa La Clínica es Nuestra." },
  ],
  [
    "join: a wrapped line that starts like a list item continues the sentence",
    "T\n\nLa campaña de vacunación, que comenzó el día\n30. Desde entonces atiende a familias de la región y se amplía este\nlunes a las unidades de medicina familiar de todo el estado, con horario\nextendido de atención de lunes a viernes y los fines de semana en las\nunidades de mayor demanda.\nSon:\n1. Uno\n2. Dos",
    {
      body: "La campaña de vacunación, que comenzó el día 30. Desde entonces atiende a familias de la región y se amplía este lunes a las unidades de medicina familiar de todo el estado, con horario extendido de atención de lunes a viernes y los fines de semana en las unidades de mayor demanda.\n\nSon:\n\n1. Uno\n2. Dos",
    },
  ],
  ["join: hard-wrapped PDF lines", "T\n\nEl Instituto Mexicano\ndel Seguro Social informó\nque hoy.", { body: "El Instituto Mexicano del Seguro Social informó que hoy." }],
  ["join: hyphenated word at a line end", "T\n\nla con-\ntratación de personal", { body: "la contratación de personal" }],
  ["join: a real hyphen is kept", "T\n\nel programa IMSS-\nBienestar opera", { body: "el programa IMSS-Bienestar opera" }],
  // Pandoc's blockquotes (pandoc writes an indented Word paragraph as one): a markdown blockquote, never a literal «>» in the text
  ["quote: a quoted paragraph stays a blockquote", "T\n\nEl director dijo:\n\n> “La salud es primero, seguiremos trabajando”.\n\nFin.", { body: "El director dijo:\n\n> “La salud es primero, seguiremos trabajando”.\n\nFin." }],
  ["quote: its wrapped lines are one paragraph", "T\n\n> El IMSS reafirma su compromiso con la salud de\n> las y los derechohabientes.\n\nFin.", { body: "> El IMSS reafirma su compromiso con la salud de las y los derechohabientes.\n\nFin." }],
  ["quote: two paragraphs of one quote", "T\n\n> Uno.\n>\n> Dos.\n\nFin.", { body: "> Uno.\n>\n> Dos.\n\nFin." }],
  ["quote: a list inside a quote", "T\n\nSon:\n\n> - Uno\n> - Dos\n\nFin.", { body: "Son:\n\n> - Uno\n> - Dos\n\nFin." }],
  ["quote: a quote inside a quote", "T\n\n> Uno.\n>\n> > Dos.\n\nFin.", { body: "> Uno.\n\n> > Dos.\n\nFin." }],
  ["quote: an unquoted line right after a quoted one continues it (markdown's lazy line)", "T\n\n> Uno que\nsigue.\n\nFin.", { body: "> Uno que sigue.\n\nFin." }],
  ["quote: dateline, number, title and highlights in quotes are read", "> Ciudad de México, 9 de abril de 2024\n>\n> No. 171/2024\n\n> **Título del boletín**\n\n> • Uno\n> • Dos\n\nTexto.", { date: "2024-04-09", number: "171/2024", title: "Título del boletín", highlights: ["Uno", "Dos"], body: "Texto." }],
  ["quote: an escaped «\\>» is text", "T\n\n\\> 60 años: 3 mil casos.", { body: "\\> 60 años: 3 mil casos." }],
  // Normalization
  ["normalize: BOM, CRLF", "\uFEFFT\r\n\r\nUno.\r\nsigue.", { title: "T", body: "Uno. sigue." }],
  ["normalize: NBSP and zero-width", "T\n\nDoctor\u00A0Juan\u200B Pérez.", { body: "Doctor Juan Pérez." }],
  ["normalize: tab-indented paragraphs are not code", "T\n\n\tUno.\n\n        Dos.", { body: "Uno.\n\nDos." }],
  // Lists in the body
  ["list: a list inside the body stays a list", "T\n\nSon:\n\n• Uno\n• Dos\n\nFin.", { body: "Son:\n\n- Uno\n- Dos\n\nFin." }],
  ["list: items separated by blank lines stay one list", "T\n\nSon:\n\n- Uno\n\n- Dos\n\nFin.", { body: "Son:\n\n- Uno\n- Dos\n\nFin." }],
  ["list: ordered", "T\n\nSon:\n1. Uno\n2. Dos", { body: "Son:\n\n1. Uno\n2. Dos" }],
  ["list: wrapped item", "T\n\nSon:\n\n- Uno que\nsigue\n- Dos", { body: "Son:\n\n- Uno que sigue\n- Dos" }],
  // Markers touching the text.
  ["list: «*Texto» items", "T\n\nSon:\n\n*Uno\n*Dos\n\nFin.", { body: "Son:\n\n- Uno\n- Dos\n\nFin." }],
  ["list: «*Texto» items separated by blank lines, escaped as pandoc writes them", "T\n\nSon:\n\n\\*Uno\n\n\\*Dos\n\nFin.", { body: "Son:\n\n- Uno\n- Dos\n\nFin." }],
  ["highlights: «*Texto»", "T\n\n*Uno\n*Dos\n\nTexto.", { highlights: ["Uno", "Dos"], body: "Texto." }],
  // «+» as the bullet: touching the text or before a figure only in runs of two lines or more; a phone number never.
  ["list: «+Texto» items", "T\n\nEn el periodo:\n\n+Se atendieron 3 mil consultas\n+Se aplicaron 2 mil vacunas\n\nFin.", { body: "En el periodo:\n\n- Se atendieron 3 mil consultas\n- Se aplicaron 2 mil vacunas\n\nFin." }],
  ["list: «+ Texto» and «+Texto» items, blank lines between", "T\n\nEn el periodo:\n\n+ Se atendieron 3 mil consultas\n\n+Se aplicaron 2 mil vacunas\n\nFin.", { body: "En el periodo:\n\n- Se atendieron 3 mil consultas\n- Se aplicaron 2 mil vacunas\n\nFin." }],
  ["list: «+ 3 mil…» items (a figure after the plus) in a run", "T\n\nEn el periodo:\n\n+ 3 mil consultas\n+ 2 mil vacunas\n\nFin.", { body: "En el periodo:\n\n- 3 mil consultas\n- 2 mil vacunas\n\nFin." }],
  ["highlights: «+Texto»", "T\n\n+Uno\n+Dos\n\nTexto.", { highlights: ["Uno", "Dos"], body: "Texto." }],
  ["list: a single «+Texto» line stays as written", "T\n\nTexto.\n\n+Información en la página del Instituto.", { body: "Texto.\n\n+Información en la página del Instituto." }],
  ["list: a single «+ 15 %» line is a figure, escaped so markdown shows no list", "T\n\nTexto.\n\n+ 15 % respecto de 2023.", { body: "Texto.\n\n\\+ 15 % respecto de 2023." }],
  ["list: phone numbers with «+» are no items", "T\n\nLlame al:\n\n+52 55 5238 2700\n\n+ 52 55 5238 2701\n\nFin.", { body: "Llame al:\n\n+52 55 5238 2700\n\n\\+ 52 55 5238 2701\n\nFin." }],
  ["list: a lone «+» line stays, escaped", "T\n\nUno.\n\n+\n\nDos.", { body: "Uno.\n\n\\+\n\nDos." }],
  ["list: «1.Se registraron…»", "T\n\nEn el periodo:\n1.Se registraron 5 casos.\n2.Se atendieron 3.\n\nFin.", { body: "En el periodo:\n\n1. Se registraron 5 casos.\n2. Se atendieron 3.\n\nFin." }],
  ["list: «1)Uno» right under the title", "T\n\n1)Uno\n2)Dos", { highlights: [], body: "1. Uno\n2. Dos" }],
  ["list: «•Texto» in the highlights and the body", "T\n\n•Uno\n•Dos\n\nSon:\n•Tres\n•Cuatro", { highlights: ["Uno", "Dos"], body: "Son:\n\n- Tres\n- Cuatro" }],
  ["list: «1.5 millones» opening a paragraph is no item", "T\n\n1.5 millones de personas se vacunaron.", { body: "1.5 millones de personas se vacunaron." }],
  ["list: a single «*…» line (a footnote) stays as written", "T\n\nSe registraron 1,200 casos.\n\n*Cifras preliminares al 30 de abril.", { body: "Se registraron 1,200 casos.\n\n*Cifras preliminares al 30 de abril." }],
  ["list: «*Nota:» and «*Fuente:» in a row stay as written", "T\n\nTexto.\n\n*Nota: cifras preliminares.\n\n*Fuente: IMSS.", { body: "Texto.\n\n*Nota: cifras preliminares.\n\n*Fuente: IMSS." }],
  ["list: «*…» lines in a text that marks footnotes with «*» stay as written", "T\n\nSe registraron 1,200 casos* y 300 altas**.\n\n*Cifras preliminares.\n\n**Incluye casos sospechosos.", { body: "Se registraron 1,200 casos* y 300 altas**.\n\n*Cifras preliminares.\n\n**Incluye casos sospechosos." }],
  ["list: bold inside the body is kept", "T\n\nTexto con **negritas**.", { body: "Texto con **negritas**." }],
  // Paragraphs one per line, with no blank line between them (Word text pasted into a plain editor)
  [
    "join: long lines with no blank line between them are one paragraph each",
    "T\n\nEl Instituto Mexicano del Seguro Social (IMSS) realizó 512 trasplantes de riñón durante el primer trimestre de 2024, informó la Coordinación.\nEl coordinador nacional explicó que de los 512 trasplantes, 340 fueron de donante vivo y 172 de donante fallecido en todo el país.\n“Cada donación es un acto de amor”, señaló.",
    {
      body: "El Instituto Mexicano del Seguro Social (IMSS) realizó 512 trasplantes de riñón durante el primer trimestre de 2024, informó la Coordinación.\n\nEl coordinador nacional explicó que de los 512 trasplantes, 340 fueron de donante vivo y 172 de donante fallecido en todo el país.\n\n“Cada donación es un acto de amor”, señaló.",
    },
  ],
  // Numbers alone on a line: page numbers only where a page breaks
  ["number: a page number at a page break goes", "T\n\nUno termina.\n\n2\n\fDos sigue.", { body: "Uno termina.\n\nDos sigue." }],
  ["number: a figure alone on its line stays", "T\n\nCasos por entidad:\n\nJalisco\n\n412\n\nGuerrero\n\n97\n\nFin.", { body: "Casos por entidad:\n\nJalisco\n\n412\n\nGuerrero\n\n97\n\nFin." }],
  // Tables
  [
    "table: columns separated by tabs",
    "T\n\nAvance:\n\nRegión\tDosis\tAvance\nNorte\t3,250,000\t91%\nSur\t4,150,000\t87%\n\nFin.",
    { body: "Avance:\n\n| Región | Dosis | Avance |\n| --- | --- | --- |\n| Norte | 3,250,000 | 91% |\n| Sur | 4,150,000 | 87% |\n\nFin." },
  ],
  [
    "table: markdown's (pandoc), with its delimiter row and a | in a cell",
    "T\n\nDatos:\n\n| Indicador | 2023 | 2024 |\n|-----------|:----:|------|\n| Participantes \\| altas | 150,000 | 210,000 |\n\nFin.",
    { body: "Datos:\n\n| Indicador | 2023 | 2024 |\n| ----------- | :----: | ------ |\n| Participantes \\| altas | 150,000 | 210,000 |\n\nFin." },
  ],
  ["table: markdown's without a delimiter row gets one", "T\n\n| A | B |\n| 1 | 2 |", { body: "| A | B |\n| --- | --- |\n| 1 | 2 |" }],
  ["table: a page break inside a table does not end it", "T\n\n| A | B |\n| --- | --- |\n| 1 | 2 |\n\fUNIDAD DE COMUNICACIÓN SOCIAL\n| 3 | 4 |\n\nFin.", { body: "| A | B |\n| --- | --- |\n| 1 | 2 |\n| 3 | 4 |\n\nFin." }],
  ["table: one line between pipes is text", "T\n\n| nota |\n\nFin.", { body: "| nota |\n\nFin." }],
  ["list: Word's «o» sub-bullet after an item is an item, in the highlights and (nested) in the body", "T\n\n• Generará 1,200 empleos\no De ellos, 400 serán médicos\n\nSon:\n\n• Uno\no Dos\n\nO bien, nada.", { highlights: ["Generará 1,200 empleos", "De ellos, 400 serán médicos"], body: "Son:\n\n- Uno\n  - Dos\n\nO bien, nada." }],
  // Nested lists keep their nesting where the source shows it (indentation, Word's «o» after an item).
  ["list: sub-items indented with spaces are nested", "T\n\nSon:\n\n- Uno\n    - Uno a\n    - Uno b\n- Dos\n\nFin.", { body: "Son:\n\n- Uno\n  - Uno a\n  - Uno b\n- Dos\n\nFin." }],
  ["list: Word text with tabs (• items, tab-indented «o» items) is a nested list, not a table", "T\n\nSon:\n\n•\tUno\n\to\tUno a\n\to\tUno b\n•\tDos\n\nFin.", { body: "Son:\n\n- Uno\n  - Uno a\n  - Uno b\n- Dos\n\nFin." }],
  ["list: Word's «o» items under a • item, then the next • item", "T\n\nSon:\n\n• Tres\no Tres a\no Tres b\n• Cuatro\n\nFin.", { body: "Son:\n\n- Tres\n  - Tres a\n  - Tres b\n- Cuatro\n\nFin." }],
  ["list: bullets under the items of a numbered list", "T\n\nSon:\n\n1. Uno\n   - a\n   - b\n2. Dos\n\nFin.", { body: "Son:\n\n1. Uno\n   - a\n   - b\n2. Dos\n\nFin." }],
  ["list: pandoc's loose nested list (blank lines between items)", "T\n\nSon:\n\n-   Uno\n\n    -   Uno a\n\n-   Dos\n\nFin.", { body: "Son:\n\n- Uno\n  - Uno a\n- Dos\n\nFin." }],
  ["list: three levels, back to the first", "T\n\nSon:\n\n- A\n  - B\n    - C\n- D\n\nFin.", { body: "Son:\n\n- A\n  - B\n    - C\n- D\n\nFin." }],
  ["list: a wrapped sub-item is joined in its place", "T\n\nSon:\n\n- Uno\n    - Uno a que\n      sigue\n- Dos\n\nFin.", { body: "Son:\n\n- Uno\n  - Uno a que sigue\n- Dos\n\nFin." }],
  ["list: numbers nested under bullets keep their numbers", "T\n\nSon:\n\n- Uno\n    3. Tres\n    4. Cuatro\n- Dos\n\nFin.", { body: "Son:\n\n- Uno\n  3. Tres\n  4. Cuatro\n- Dos\n\nFin." }],
  ["list: lettered items under the title are the body's, not highlights", "T\n\na) Primero\nb) Segundo", { highlights: [], body: "- a) Primero\n- b) Segundo" }],
  // Page furniture the converter left in the text: a header repeating the head, a footer.
  [
    "clean: a page header repeating the dateline and the number, mid-paragraph",
    "UNIDAD DE COMUNICACIÓN SOCIAL\n\nCiudad de México, lunes 22 de abril de 2024\nNo. 195/2024\n\nT\n\nquien detalló que la enfermedad\n\n---\n\nUNIDAD DE COMUNICACIÓN SOCIAL\nCiudad de México, lunes 22 de abril de 2024\nNo. 195/2024\n\nafecta a uno de cada cuatro adultos.\n\nFin.",
    { number: "195/2024", body: "quien detalló que la enfermedad afecta a uno de cada cuatro adultos.\n\nFin." },
  ],
  ["clean: the number alone repeated mid-paragraph", "Ciudad de México, lunes 6 de mayo de 2024\nNo. 212/2024\n\nT\n\ncon la participación de\n\nNo. 212/2024\n\nmédicos familiares.", { body: "con la participación de médicos familiares." }],
  ["clean: another number or date in the text stays", "Ciudad de México, lunes 6 de mayo de 2024\nNo. 212/2024\n\nT\n\nComo dijo el boletín\n\nNo. 180/2024\n\nFin.", { body: "Como dijo el boletín\n\nNo. 180/2024\n\nFin." }],
  [
    "clean: a footer (web, phone, address) at a page break, mid-sentence",
    "T\n\nEl IMSS informó que la enfermedad y sus\n\nwww.imss.gob.mx\n\nTel. 55 5238 2700 ext. 10310\n\nAv. Paseo de la Reforma No. 476, Col. Juárez, C.P. 06600, Alcaldía Cuauhtémoc\n\n- 2 -\n\ncomplicaciones se previenen.",
    { body: "El IMSS informó que la enfermedad y sus complicaciones se previenen." },
  ],
  ["clean: a one-line footer (address, phone and web) with no page mark", "T\n\nprevenir esta enfermedad y sus\n\nAv. Paseo de la Reforma 476, Col. Juárez, C.P. 06600 Tel. (55) 5238 2700, ext. 10310 www.imss.gob.mx\n\ncomplicaciones.", { body: "prevenir esta enfermedad y sus complicaciones." }],
  ["clean: a phone or the web address the text gives stays", "T\n\nPara dudas:\n\nTel. 800 623 2323\n\nConsulta:\n\nwww.imss.gob.mx\n\nFin.", { body: "Para dudas:\n\nTel. 800 623 2323\n\nConsulta:\n\nwww.imss.gob.mx\n\nFin." }],
  // Spanish dialogue is a paragraph, its dash kept.
  ["list: a line of dialogue is no list item", "T\n\nEl IMSS inauguró el hospital.\n\n—Es una gran noticia —dijo el director general.", { body: "El IMSS inauguró el hospital.\n\n—Es una gran noticia —dijo el director general." }],
  ["table: Word list items with a tab are a list, not a table", "T\n\nSon:\n\n1.\tUno\n2.\tDos", { body: "Son:\n\n1. Uno\n2. Dos" }],
];

for (const [name, input, expected] of cases) {
  test(name, () => {
    const actual = view(extractRelease(input));
    const picked = Object.fromEntries(Object.keys(expected).map((k) => [k, actual[k as keyof typeof actual]]));
    assert.deepEqual(picked, expected);
  });
}

test("a pandoc markdown input with quoted lines leaves no «>» inside the text, only a blockquote's marks", () => {
  const pandoc = [
    "> Ciudad de México, 9 de abril de 2024",
    "",
    "**IMSS inaugura clínica en Mérida**",
    "",
    "El director general dijo en el evento:",
    "",
    "> “Esta clínica es de todas y todos. Con ella, más de 50 mil personas",
    "> tendrán atención cerca de su casa”, señaló.",
    ">",
    "> “Seguiremos trabajando”, agregó.",
    "",
    "La obra costó 86 millones de pesos.",
  ].join("\n");
  const parts = extractRelease(pandoc);
  assert.equal(parts.title, "IMSS inaugura clínica en Mérida");
  assert.equal(parts.city, "Ciudad de México");
  for (const line of parts.body.split("\n")) assert.doesNotMatch(line.replace(/^(?:> ?)+/, ""), />/, line);
  assert.match(parts.body, /\n\n> “Esta clínica es de todas y todos\. Con ella, más de 50 mil personas tendrán atención cerca de su casa”, señaló\.\n>\n> “Seguiremos trabajando”, agregó\.\n\nLa obra costó/);
});

test("nothing is guessed: no date, no number, warnings say so", () => {
  const parts = extractRelease("Título\n\nTexto.");
  assert.equal(parts.date, undefined);
  assert.equal(parts.number, undefined);
  assert.ok(parts.warnings.some((w) => w.includes("línea de fecha")));
  assert.ok(parts.warnings.some((w) => w.includes("número de boletín")));
});

test("a link label without an address warns and stores nothing", () => {
  const parts = extractRelease("T\n\nTexto.\n\nLINK DE VIDEO\n\nPróximamente");
  assert.equal(parts.video, undefined);
  assert.ok(parts.warnings.some((w) => w.includes("LINK DE VIDEO")));
});

test("text after the end mark that is not a link is kept", () => {
  assert.equal(extractRelease("T\n\nUno.\n\n---o0o---\n\nContacto: prensa@imss.gob.mx").body, "Uno.\n\nContacto: prensa@imss.gob.mx");
});

test("footnotes' definitions go to the end of the body wherever they are (a PDF's at the foot of a page a paragraph goes on after), with the lines under them and their indented paragraphs", () => {
  const pdfLike = [
    HEAD + "El Instituto atendió a 5 mil pacientes[^1] durante la jornada de vacunación y",
    "",
    "Página 1 de 2",
    "",
    "[^1]: Cifras preliminares de la Dirección",
    "de Prestaciones Médicas.",
    "\f",
    "BOLETÍN DE PRENSA",
    "",
    "detección que se realizó en la ciudad.",
    "",
    "Otro párrafo[^2].",
    "",
    "[^2]: Primera parte.",
    "",
    "    Segunda parte de la nota.",
    "",
    "---o0o---",
  ].join("\n");
  const parts = extractRelease(pdfLike);
  assert.equal(
    parts.body,
    "El Instituto atendió a 5 mil pacientes[^1] durante la jornada de vacunación y detección que se realizó en la ciudad.\n\nOtro párrafo[^2].\n\n[^1]: Cifras preliminares de la Dirección de Prestaciones Médicas.\n\n[^2]: Primera parte.\n\n    Segunda parte de la nota.",
  );
  assert.deepEqual(parts.warnings, []);
});

test("a title and text after the end mark, without dateline or number, stay in the bulletin but are said, naming the title", () => {
  const after = "IMSS realiza jornada de cirugías de cataratas\n\n- Se beneficiaron 120 pacientes\n\nEl Instituto Mexicano del Seguro Social realizó una jornada de cirugías de cataratas en el Hospital General de Zona No. 2.";
  const parts = extractRelease(`${HEAD}Texto del primero.\n\n---o0o---\n\n${after}`);
  assert.match(parts.body, /^Texto del primero\.\n\nIMSS realiza jornada de cirugías de cataratas\n\n- Se beneficiaron 120 pacientes\n\nEl Instituto/);
  assert.deepEqual(parts.warnings, [
    "Después de la marca de fin del comunicado (---o0o---) sigue «IMSS realiza jornada de cirugías de cataratas» y más texto, sin línea de fecha ni número de boletín: quedó al final de este boletín. Si es otro comunicado, pásalo a un archivo aparte, o escribe su número (No. NNN/AAAA) debajo de su título, y vuelve a importar; si es parte de este boletín, está bien así.",
  ]);
  // A contact line, a link or a sentence after the end mark is no title: nothing said.
  for (const tail of ["Contacto: prensa@imss.gob.mx", "Para más información: https://www.imss.gob.mx/prensa", "Cifras preliminares de la Dirección de Prestaciones Médicas, con corte al 30 de marzo de 2024."]) {
    assert.deepEqual(extractRelease(`${HEAD}Texto del primero.\n\n---o0o---\n\n${tail}\n\nEl Instituto Mexicano del Seguro Social realizó una jornada de cirugías de cataratas en el Hospital General.`).warnings, [], tail);
  }
});

// The three press-release seeds (converted text as received).
test("seed 002: no date line → no date; bold highlights; links in both forms", () => {
  const parts = extractRelease(fixture("seeds/002-sin-fecha.txt"));
  const v = view(parts);
  assert.equal(v.title, "IMSS-Bienestar se fortalece con la llegada de 5 mil 774 médicos generales a La Clínica es Nuestra");
  assert.equal(v.date, undefined);
  assert.equal(v.number, undefined);
  assert.deepEqual(v.highlights, [
    "El 16 de mayo comienzan a trabajar en más de 3 mil centros de salud para garantizar atención en el primer nivel en zonas apartadas",
    "El 1º de junio se realiza dispersión de recursos a Comités de Salud integrados por población usuaria para que los ejecuten en obras en su beneficio",
    "Se han realizado 11 mil 807 asambleas comunitarias, de las 11 mil 947 que concluyen esta semana, con 99% de avance",
  ]);
  assert.equal(v.photos, "https://drive.google.com/drive/folders/1BIEY_xuy78Atii8USj2XorL2iTX2Ojtv?usp=sharing");
  assert.equal(v.video, "https://imssmx.sharepoint.com/:v/s/comunicacionsocial/ER6Nrm2bYLVJkXes-V2tyvEBnj6w4FVmwEPKhqvgYfM1Mw?e=BUWfDE");
  assert.doesNotMatch(v.body, /GOBIERNO|COMUNICACIÓN SOCIAL|o0o|LINK/);
  assert.equal(v.body.split("\n\n").length, 9);
  assert.match(v.body, /^El IMSS-Bienestar se fortalece/);
  assert.match(v.body, /211 de 215\.$/);
});

test("seed 003: headings, No. 154 /2022, paragraph cut by a page break joined", () => {
  const v = view(extractRelease(fixture("seeds/003-salto-de-pagina.txt")));
  assert.equal(v.title, "IMSS fortalece recuperación de sus servicios médicos ante reducción de casos y hospitalizaciones por COVID-19");
  assert.equal(v.date, "2022-03-30");
  assert.equal(v.number, "154/2022");
  assert.equal(v.city, "Ciudad de México");
  assert.equal(v.highlights.length, 2);
  assert.match(v.highlights[0]!, /^La doctora Célida Duque Molina/);
  assert.match(v.body, /padecimientos específicos en Hemodinamia y Radioterapia; agilizar trámites/);
  assert.doesNotMatch(v.body, /Unidad de Comunicación Social|---|oOo/);
  assert.equal(v.photos, undefined);
  assert.equal(v.video, undefined);
});

test("seed 004: [image: …] alt text, · bullets, links with trailing spaces", () => {
  const v = view(extractRelease(fixture("seeds/004-imagen-y-vinetas.txt")));
  assert.equal(v.title, "IMSS-Bienestar se fortalece con La Clínica es Nuestra, contratación de médicos y Sistema de Abasto Institucional");
  assert.equal(v.date, "2024-04-09");
  assert.equal(v.number, "171/2024");
  assert.equal(v.city, "Ciudad de México");
  assert.deepEqual(v.highlights, [
    "Presenta programa para mejorar las condiciones físicas de equipamiento y acceso a medicamentos de las unidades de salud de primer contacto",
    "Del 9 al 23 de abril permanece abierta convocatoria para reclutar 4 mil 10 médicos especialistas y 5 mil 850 generales para atender zonas marginadas de 23 estados",
  ]);
  assert.equal(v.photos, "https://drive.google.com/drive/folders/11V4yW-_ArWCWm91BkbRC0NwryyBkfHKm");
  assert.equal(v.video, "https://imssmx.sharepoint.com/:v:/s/comunicacionsocial/EXoLgW6tRbBLmDXUQYLpzkwBLyCgY6EYW8S2wEdNF1SmCg?e=fjRfMN");
  assert.doesNotMatch(v.body, /image:|Descripción generada|UNIDAD DE COMUNICACIÓN|LINK/);
  assert.match(v.body, /^IMSS-Bienestar se fortalece con el programa/);
});

test("Guadalajara (Windows text: BOM, CRLF, NBSP, tabs, ▪, Núm., numbered list)", () => {
  const v = view(extractRelease(fixture("guadalajara-crlf-bom.txt")));
  assert.equal(v.title, "Arranca en Jalisco la Segunda Jornada Nacional de Continuidad de Servicios de Salud");
  assert.equal(v.date, "2023-06-05");
  assert.equal(v.number, "45/2023");
  assert.equal(v.city, "Guadalajara, Jalisco");
  assert.deepEqual(v.highlights, ["Se programaron 18 mil consultas de especialidad y 2 mil 400 cirugías", "Participan 62 unidades médicas del Régimen Ordinario"]);
  assert.equal(v.photos, "https://drive.google.com/drive/folders/JAL_jornada_2023");
  assert.equal(v.video, "https://imssmx.sharepoint.com/:v:/s/comunicacionsocial/JALjornada?e=q1");
  assert.match(v.body, /\n\n1\. Oftalmología\n2\. Traumatología y Ortopedia\n3\. Cirugía General\n\n/);
  assert.match(v.body, /doctor Javier Rodríguez Salas/);
  assert.doesNotMatch(v.body, /\r|\u00A0|\t|^ /m);
});

test("Tabasco (pdftotext output: wraps, hyphenation, footer mid-paragraph)", () => {
  const v = view(extractRelease(fixture("tabasco-pdftotext.txt")));
  assert.equal(v.title, "Inaugura IMSS Tabasco Unidad de Medicina Familiar en Centla con seis consultorios");
  assert.equal(v.date, "2023-08-14");
  assert.equal(v.number, "312/2023");
  assert.deepEqual(v.highlights, ["La unidad atenderá a más de 24 mil derechohabientes de la zona costera", "Contó con una inversión de 86 millones de pesos"]);
  assert.equal(v.body.split("\n\n").length, 3);
  assert.match(v.body, /la contratación de 54 trabajadores, entre médicos, enfermeras y personal administrativo que ya laboran/);
  assert.match(v.body, /viajaban más de una hora a Villahermosa”/);
});

test("a dateline that cannot be read, a second dateline or a wrong weekday is never the title, and is said", () => {
  const title = "IMSS inaugura una clínica en Centla";
  const withHead = (head: string) => extractRelease(`${head}\nNo. 171/2024\n\n${title}\n\n· Un punto\n\nEl texto.`);
  for (const [line, reason] of [
    ["Ciudad de México, 31 de abril de 2024", "el 31 de abril de 2024 no existe"],
    ["Ciudad de México 9 de abril de 2024", "no tiene la forma"],
    ["Ciudad de México; 9 de abril de 2024", "no tiene la forma"],
    ["Ciudad de México, 09/04/2024", "escrita con números"],
  ] as const) {
    const parts = withHead(line);
    assert.equal(parts.title, title, line);
    assert.equal(parts.date, undefined, line);
    assert.deepEqual(parts.highlights, ["Un punto"], line);
    assert.ok(parts.warnings.some((w) => w.includes(`«${line}» parece la fecha`) && w.includes(reason)), `${line}: ${parts.warnings.join(" | ")}`);
  }
  const twice = extractRelease(`Ciudad de México, martes 9 de abril de 2024\nNo. 171/2024\nCiudad de México, miércoles 10 de abril de 2024\n\n${title}\n\nEl texto.`);
  assert.equal(twice.title, title);
  assert.equal(twice.date && `${twice.date.year}-${twice.date.month}-${twice.date.day}`, "2024-4-9");
  assert.ok(twice.warnings.some((w) => w.includes("Hay otra línea de fecha, «Ciudad de México, miércoles 10 de abril de 2024»")));
  const sameTwice = extractRelease(`Ciudad de México, martes 9 de abril de 2024\nNo. 171/2024\nCiudad de México, martes 9 de abril de 2024\n\n${title}\n\nEl texto.`);
  assert.equal(sameTwice.title, title);
  assert.ok(!sameTwice.warnings.some((w) => w.includes("otra línea de fecha")), "the same dateline repeated says nothing new");
  const saturday = withHead("Ciudad de México, sábado 9 de abril de 2024");
  assert.equal(saturday.title, title);
  assert.ok(saturday.warnings.includes("La línea de fecha dice «sábado», pero el 9 de abril de 2024 fue martes: revisa el día."));
  assert.ok(!withHead("Ciudad de México, martes 9 de abril de 2024").warnings.some((w) => w.includes("revisa el día")));
  assert.ok(!withHead("Ciudad de México, Miércoles 10 de abril de 2024").warnings.some((w) => w.includes("revisa el día")), "capitals and accents");
});

test("a number without its year takes the date's, and the editor is told which line and which year", () => {
  const under = extractRelease("Ciudad de México, 12 de abril de 2024\nNo. 175\n\nT\n\nTexto.");
  assert.ok(under.warnings.includes("El número de boletín en «No. 175» no dice el año; se tomó el de la fecha (2024): 175/2024. Revisa que sea el correcto."), under.warnings.join(" | "));
  assert.ok(!under.warnings.some((w) => w.startsWith("No se encontró el número")));
  const sameLine = extractRelease("Ciudad de México, 12 de abril de 2024. No. 175\n\nT\n\nTexto.");
  assert.equal(sameLine.number, "175/2024");
  assert.ok(sameLine.warnings.some((w) => w.includes("«Ciudad de México, 12 de abril de 2024. No. 175» no dice el año; se tomó el de la fecha (2024)")), sameLine.warnings.join(" | "));
  const undated = extractRelease("No. 175\n\nT\n\nTexto.");
  assert.ok(undated.warnings.includes("El número «No. 175» no dice el año y no hay fecha de la que tomarlo: no se guardó. Agrega number: 175/AAAA con el año del boletín, o vuelve a importar con --date."), undated.warnings.join(" | "));
  assert.ok(!extractRelease("Ciudad de México, 12 de abril de 2024\nNo. 175/2024\n\nT\n\nTexto.").warnings.some((w) => w.includes("no dice el año")));
});

test("a sub-bullet under a highlight is one more highlight (highlights do not nest), and the editor is told", () => {
  const parts = extractRelease("T\n\n• Generará 1,200 empleos\no De ellos, 400 serán médicos\n\nTexto.");
  assert.deepEqual(parts.highlights, ["Generará 1,200 empleos", "De ellos, 400 serán médicos"]);
  assert.ok(parts.warnings.includes("La viñeta «De ellos, 400 serán médicos» va debajo de otra, pero las viñetas destacadas (highlights) no se anidan: quedó como una más. Revisa si va en el texto."), parts.warnings.join(" | "));
  const indented = extractRelease("T\n\n- Uno\n    - Uno a\n- Dos\n\nTexto.");
  assert.deepEqual(indented.highlights, ["Uno", "Uno a", "Dos"]);
  assert.ok(indented.warnings.some((w) => w.startsWith("La viñeta «Uno a» va debajo de otra")), indented.warnings.join(" | "));
  assert.ok(!extractRelease("T\n\n- Uno\n- Dos\n\nTexto.").warnings.some((w) => w.includes("no se anidan")));
});

test("without a title line, neither a highlight nor the first paragraph becomes the title", () => {
  const bullets = extractRelease("Ciudad de México, martes 9 de abril de 2024\nNo. 171/2024\n\n· Presenta programa de salud\n· Abre convocatoria\n\nEl texto.");
  assert.equal(bullets.title, undefined);
  assert.deepEqual(bullets.highlights, ["Presenta programa de salud", "Abre convocatoria"]);
  assert.ok(bullets.warnings.includes("No se encontró el título."));
  const paragraph = "IMSS-Bienestar se fortalece con el programa La Clínica es Nuestra, una convocatoria para la contratación de médicos especialistas y la implementación del Sistema de Abasto Institucional.";
  const noTitle = extractRelease(`Ciudad de México, martes 9 de abril de 2024\n\n${paragraph}\n\nOtro párrafo.`);
  assert.equal(noTitle.title, undefined);
  assert.ok(noTitle.warnings.some((w) => w.includes("no tiene una línea de título")));
});

test("a paragraph that starts with a number and a period stays a paragraph (escaped), not an ordered list", () => {
  const parts = extractRelease("Título del boletín\n\n2024. Año de la atención primaria, dijo el director.\n\nOtro párrafo.");
  assert.equal(parts.body, "2024\\. Año de la atención primaria, dijo el director.\n\nOtro párrafo.");
});

test("a year legend the importer does not know, cut after a complete name: its rest goes above the dateline (and is said), and on the next page's header", () => {
  const parts = extractRelease(
    [
      "2024, Año del Bicentenario del Estado Libre",
      "Soberano de Yucatán",
      "",
      "Mérida, Yucatán, 9 de mayo de 2024",
      "No. 175/2024",
      "",
      "IMSS inaugura Unidad de Medicina Familiar en Mérida",
      "",
      "Los requisitos son",
      "\f2024, Año del Bicentenario del Estado Libre",
      "Soberano de Yucatán",
      "tener entre 18 y 65 años.",
    ].join("\n"),
  );
  assert.equal(parts.title, "IMSS inaugura Unidad de Medicina Familiar en Mérida");
  assert.equal(parts.number, "175/2024");
  assert.equal(parts.body, "Los requisitos son tener entre 18 y 65 años.");
  const said = parts.warnings.filter((w) => w.includes("leyenda del año"));
  assert.deepEqual(said, ["La línea «Soberano de Yucatán» se quitó como parte de la leyenda del año («2024, Año del Bicentenario del Estado Libre…»), partida en dos renglones. Si es el título o texto del boletín, agrégala a mano."]);
  // A federal legend (known) is taken without a word.
  const federal = extractRelease("2024: Año de Felipe Carrillo Puerto\nBenemérito del Proletariado, Revolucionario y Defensor del Mayab\n\nCiudad de México, 9 de mayo de 2024\n\nT\n\nTexto.");
  assert.ok(!federal.warnings.some((w) => w.includes("leyenda del año")), federal.warnings.join(" | "));
});

test("what the importer takes as furniture or joins on a guess is said to the editor", () => {
  const footer = extractRelease("T\n\nla enfermedad y sus\n\nwww.imss.gob.mx\nTel. 55 5238 2700 ext. 10310\n\n- 2 -\n\ncomplicaciones.\n\nsigue\n\nwww.imss.gob.mx\n\n- 3 -\n\nFin.");
  const said = footer.warnings.filter((w) => w.includes("pie de página"));
  assert.deepEqual(said, ["Se quitaron como pie de página (dirección, teléfono o sitio del IMSS): «www.imss.gob.mx», «Tel. 55 5238 2700 ext. 10310». Si alguna es parte del boletín, agrégala a mano."]);
  const subtitle = extractRelease("Informe semestral del IMSS\nSe otorgaron 50 millones de consultas\n\nEl texto.");
  assert.ok(subtitle.warnings.some((w) => w.includes("«Se otorgaron 50 millones de consultas», debajo del título, se unió a él")), subtitle.warnings.join("\n"));
  const wrapped = extractRelease("Inaugura IMSS una unidad en\nCentla con seis consultorios\n\nEl texto.");
  assert.ok(!wrapped.warnings.some((w) => w.includes("debajo del título")), wrapped.warnings.join("\n"));
});

test("a dateline that cannot be read is said once, with what is wrong with it (not also as a missing one)", () => {
  const parts = extractRelease("Ciudad de México, miércoles 29 de febrero de 2023\nNo. 99/2023\n\nT\n\nTexto.");
  assert.equal(parts.date, undefined);
  assert.ok(parts.warnings.some((w) => w.includes("parece la fecha, pero no se pudo leer")), parts.warnings.join("\n"));
  assert.ok(!parts.warnings.some((w) => w.startsWith("No se encontró la línea de fecha")), parts.warnings.join("\n"));
});
