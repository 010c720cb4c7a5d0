import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

/**
 * A deterministic benchmark corpus in the legacy Jekyll front-matter shape of the seed posts
 * (/work/shared/seeds/000, 001): quoted titles with a trailing space, `nil` values, blank lines
 * inside the tag list, dates with and without offsets, `redirect_from` on about half.
 *
 * The same seed and size always give the same bytes, so timings can be re-made by anyone.
 * Three trees are written from one generated list:
 * - `content/`: for `boletines build` (exactly the legacy shape);
 * - `hugo/content/posts/`: the same files plus what Hugo needs to make the same pages
 *   (`aliases:` for the redirects, a `secciones:` taxonomy for the section);
 * - `eleventy/`: the same files for a plain Eleventy run (markdown files as templates).
 */

/** mulberry32: tiny, fast, and good enough to spread benchmark data; same seed → same sequence. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const STATES = [
  "Aguascalientes", "Baja California", "Baja California Sur", "Campeche", "Chiapas", "Chihuahua", "Coahuila", "Colima",
  "Ciudad de México", "Durango", "Guanajuato", "Guerrero", "Hidalgo", "Jalisco", "Estado de México", "Michoacán",
  "Morelos", "Nayarit", "Nuevo León", "Oaxaca", "Puebla", "Querétaro", "Quintana Roo", "San Luis Potosí",
  "Sinaloa", "Sonora", "Tabasco", "Tamaulipas", "Tlaxcala", "Veracruz", "Yucatán", "Zacatecas",
];

const TOPICS = [
  "vacunación", "salud mental", "diabetes", "hipertensión", "cáncer de mama", "cáncer infantil", "donación de órganos",
  "lactancia materna", "guarderías", "pensiones", "afiliación", "trabajadoras del hogar", "incapacidades", "urgencias",
  "medicina familiar", "enfermería", "asistentes médicas", "trasplantes", "obesidad", "nutrición", "COVID-19", "influenza",
  "dengue", "VIH", "salud bucal", "rehabilitación", "cirugía", "hospitales", "unidades médicas", "infraestructura",
  "jornadas quirúrgicas", "recuperación de servicios", "PrevenIMSS", "CHKT", "embarazo", "planificación familiar",
  "adultos mayores", "niñas y niños", "deporte", "cultura", "velatorios", "prestaciones sociales", "teatros",
  "centros vacacionales", "seguridad en el trabajo", "riesgos de trabajo", "incorporación voluntaria", "plataformas digitales",
  "IMSS Digital", "citas médicas", "farmacia", "abasto de medicamentos", "residentes", "médicos internos", "investigación",
  "Día del Médico", "Día de la Enfermera", "huracán", "sismo", "protección civil", "calor extremo", "temporada invernal",
  "hepatitis", "tuberculosis", "salud renal", "hemodiálisis", "oftalmología", "cardiología", "pediatría", "ginecología",
];

const SECTIONS = ["Nacional", "Local", "Salud", "Prestaciones", "Comunicados", "Institucional", "Deportes", "Cultura"];

const VERBS = ["Reconoce", "Realiza", "Invita", "Exhorta", "Informa", "Inaugura", "Fortalece", "Promueve", "Atiende", "Impulsa", "Llama", "Otorga"];
const OBJECTS = [
  "labor de las asistentes médicas", "jornada de recuperación de servicios", "campaña de vacunación", "a la población a cuidar su salud",
  "atención a derechohabientes", "nueva Unidad de Medicina Familiar", "acciones de prevención", "programa de trasplantes",
  "servicios de guardería", "registro de trabajadoras del hogar", "cirugías de catarata", "consultas de especialidad",
];

const SENTENCES = [
  "El Instituto Mexicano del Seguro Social (IMSS) informó que las acciones forman parte de la estrategia nacional para acercar los servicios a la derechohabiencia.",
  "La titular de la Oficina de Representación destacó el compromiso del personal de salud con la atención oportuna y de calidad.",
  "Detalló que durante la jornada se otorgaron consultas de Medicina Familiar, de especialidades, de urgencias y dentales.",
  "Asimismo, se realizaron detecciones de diabetes, hipertensión arterial y diversos tipos de cáncer, como los de mama, próstata y cérvico uterino.",
  "Puntualizó que el personal de enfermería es el primer contacto de la derechohabiencia, donde se establece una relación cálida y de confianza.",
  "“El IMSS reafirma su compromiso de redoblar esfuerzos para elevar la calidad de la atención en las unidades médicas y hospitalarias”, concluyó.",
  "Explicó que los trabajadores pueden consultar su información en la aplicación IMSS Digital o en el portal del Instituto, sin necesidad de acudir a ventanilla.",
  "Recordó que los servicios de las guarderías del Instituto se otorgan a madres y padres trabajadores asegurados durante su jornada laboral.",
  "Indicó que en lo que va del año se han realizado más de 5 millones de acciones en las diferentes unidades de la entidad.",
  "Subrayó que la prevención es la mejor herramienta para evitar complicaciones, por lo que exhortó a acudir a revisión periódica.",
  "El director de la unidad hospitalaria señaló que el equipo multidisciplinario trabaja de manera coordinada para reducir los tiempos de espera.",
  "Añadió que la población puede solicitar información adicional en el módulo de Atención y Orientación al Derechohabiente de su unidad.",
  "Por último, invitó a la población a mantener medidas de higiene, a vacunarse y a acudir a su Unidad de Medicina Familiar ante cualquier síntoma.",
  "Entre los beneficiarios se encuentran niñas, niños, adolescentes, personas adultas mayores y mujeres embarazadas de 18 municipios.",
  "La especialista explicó que una alimentación equilibrada y la actividad física diaria reducen el riesgo de enfermedades crónicas.",
  "Con estas acciones, el Seguro Social contribuye a garantizar el derecho a la salud y a la seguridad social de millones de personas.",
];

export interface GeneratedBulletin {
  /** Path relative to the content folder. */
  relPath: string;
  /** The legacy file text. */
  text: string;
  /** The same file for Hugo. */
  hugoText: string;
}

export interface CorpusStats {
  count: number;
  bytes: number;
  tags: number;
  sections: number;
  withRedirects: number;
}

function pick<T>(rand: () => number, items: readonly T[]): T {
  return items[Math.floor(rand() * items.length)]!;
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Mixed case and accents as editors wrote them: `Vacunación`, `vacunacion`, `VACUNACIÓN` are one tag. */
function tagVariant(rand: () => number, tag: string): string {
  const r = rand();
  if (r < 0.7) return tag;
  if (r < 0.8) return tag.charAt(0).toUpperCase() + tag.slice(1);
  if (r < 0.9) return tag.normalize("NFD").replace(/\p{M}/gu, "");
  return tag.toUpperCase();
}

/** A few hundred tags: topics, states, and some topic-in-state pairs. */
function tagPool(): string[] {
  const pool = [...TOPICS, ...STATES, "IMSS", "Seguro Social"];
  for (let i = 0; i < 180; i++) pool.push(`${TOPICS[i % TOPICS.length]} en ${STATES[(i * 7) % STATES.length]}`);
  return pool;
}

function paragraph(rand: () => number, targetBytes: number, state: string): string {
  const parts: string[] = [];
  let bytes = 0;
  while (bytes < targetBytes) {
    let s = pick(rand, SENTENCES);
    if (rand() < 0.3) s = s.replace("la entidad", state).replace("El Instituto", `En ${state}, el Instituto`);
    parts.push(s);
    bytes += Buffer.byteLength(s) + 1;
  }
  return parts.join(" ");
}

const START = Date.UTC(2016, 0, 1);
const SPAN_MS = Date.UTC(2025, 11, 31) - START;

export function generateBulletins(count: number, seed = 20240901): GeneratedBulletin[] {
  const rand = prng(seed ^ count);
  const tags = tagPool();
  const out: GeneratedBulletin[] = [];
  for (let i = 0; i < count; i++) {
    const state = pick(rand, STATES);
    // Dates spread over ten years; times in Mexico City's usual offsets, or no offset, or no time.
    const when = new Date(START + Math.floor(rand() * SPAN_MS));
    const y = when.getUTCFullYear();
    const mo = pad(when.getUTCMonth() + 1);
    const d = pad(when.getUTCDate());
    const hh = pad(when.getUTCHours());
    const mm = pad(when.getUTCMinutes());
    const dateKind = rand();
    const date =
      dateKind < 0.5 ? `${y}-${mo}-${d}T${hh}:${mm}:00.000-06:00` : dateKind < 0.65 ? `${y}-${mo}-${d}T${hh}:${mm}:00-05:00` : dateKind < 0.85 ? `${y}-${mo}-${d} ${hh}:${mm}:00` : `${y}-${mo}-${d}`;
    // The serial number keeps every title (hence every URL) unique.
    const title = `${pick(rand, VERBS)} IMSS ${state} ${pick(rand, OBJECTS)} ${i + 1} `;
    const tagCount = 1 + Math.floor(rand() * 5);
    const chosen = new Set<string>();
    // Skewed: a few tags are on many bulletins, most on few (like real archives).
    while (chosen.size < tagCount) chosen.add(tags[Math.floor(Math.pow(rand(), 2) * tags.length)]!);
    const tagLines = [...chosen].map((t) => `  \n  - ${tagVariant(rand, t)}\n`).join("") + "  \n";
    const section = SECTIONS[Math.floor(Math.pow(rand(), 1.5) * SECTIONS.length)]!;
    const quotedSection = rand() < 0.5 ? `"${section}"` : section;
    const redirect = rand() < 0.5 ? `/news/${100000 + i}` : undefined;
    const description = rand() < 0.9 ? `"${paragraph(rand, 80, state).slice(0, 140).replace(/"/g, "")}"` : "nil";
    const paragraphs = 5 + Math.floor(rand() * 8);
    const totalBytes = 3000 + Math.floor(rand() * 2000);
    const body = Array.from({ length: paragraphs }, () => paragraph(rand, totalBytes / paragraphs - 40, state)).join("\n\n");
    const featured = rand() < 0.02 ? "true" : "false";
    const head = [
      "---",
      "layout: post",
      `title: "${title}"`,
      `date: ${date}`,
      "tags:",
      tagLines.replace(/\n$/, ""),
      "author: nil",
      `description: ${description}`,
      "image: nil",
      "video: nil",
      "audio: nil",
      `alt: ${title}`,
      `front: ${featured}`,
      `section: ${quotedSection}`,
    ];
    const tail = ["---", "", body, ""];
    const text = [...head, ...(redirect ? [`redirect_from: ${redirect}`] : []), ...tail].join("\n");
    // Hugo reads redirects from `aliases:` and needs the section as a taxonomy (its own "section" is a folder).
    const hugoText = [...head, ...(redirect ? [`aliases: ["${redirect}/"]`] : []), `secciones: ["${section}"]`, ...tail].join("\n");
    const fileSlug = title.trim().toLowerCase().normalize("NFD").replace(/\p{M}/gu, "").replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "").slice(0, 60);
    out.push({ relPath: `${y}/${y}-${mo}-${d}-${fileSlug}.md`, text, hugoText });
  }
  return out;
}

/** Writes the three trees under `dir` (replacing them). */
export function writeCorpus(dir: string, count: number, seed?: number): CorpusStats {
  const bulletins = generateBulletins(count, seed);
  for (const sub of ["content", "hugo/content", "eleventy"]) rmSync(path.join(dir, sub), { recursive: true, force: true });
  const made = new Set<string>();
  let bytes = 0;
  const tagSet = new Set<string>();
  const sectionSet = new Set<string>();
  let withRedirects = 0;
  for (const b of bulletins) {
    const folder = path.dirname(b.relPath);
    for (const root of ["content", "hugo/content/posts", "eleventy"]) {
      const d = path.join(dir, root, folder);
      if (!made.has(d)) {
        mkdirSync(d, { recursive: true });
        made.add(d);
      }
    }
    writeFileSync(path.join(dir, "content", b.relPath), b.text);
    writeFileSync(path.join(dir, "hugo/content/posts", b.relPath), b.hugoText);
    writeFileSync(path.join(dir, "eleventy", b.relPath), b.text);
    bytes += Buffer.byteLength(b.text);
    for (const m of b.text.matchAll(/^ {2}- (.+)$/gm)) tagSet.add(m[1]!.toLowerCase().normalize("NFD").replace(/\p{M}/gu, ""));
    sectionSet.add(/^section: "?([^"\n]+)"?$/m.exec(b.text)![1]!);
    if (b.text.includes("\nredirect_from:")) withRedirects++;
  }
  // Plain Eleventy: the legacy `layout: post` needs a layout to exist; the smallest honest one.
  mkdirSync(path.join(dir, "eleventy/_includes"), { recursive: true });
  writeFileSync(
    path.join(dir, "eleventy/_includes/post.njk"),
    '<!doctype html>\n<html lang="es-MX">\n<head><meta charset="utf-8"><title>{{ title }}</title></head>\n<body>\n<h1>{{ title }}</h1>\n{{ content | safe }}\n</body>\n</html>\n',
  );
  return { count, bytes, tags: tagSet.size, sections: sectionSet.size, withRedirects };
}
