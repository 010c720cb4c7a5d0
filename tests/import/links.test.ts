import assert from "node:assert/strict";
import { test } from "node:test";
import { findUrl, matchLinkLabel, urlOnlyLine } from "../../src/import/links.ts";
import { extractRelease } from "../../src/import/text.ts";

const labels: Array<[string, "photos" | "video" | "audio", string | undefined]> = [
  ["LINK DE FOTOS", "photos", undefined],
  ["Link de fotos", "photos", undefined],
  ["link de fotos:", "photos", undefined],
  ["**LINK DE FOTOS**", "photos", undefined],
  [" LINK DE FOTOS", "photos", undefined],
  ["LINK DE FOTOGRAFÍAS", "photos", undefined],
  ["Liga de las fotos:", "photos", undefined],
  ["LINKS DE FOTOS", "photos", undefined],
  ["LINK DE VIDEO", "video", undefined],
  ["Link del video", "video", undefined],
  ["Enlace al video:", "video", undefined],
  ["LINK DE VÍDEO", "video", undefined],
  ["LINK DE AUDIO", "audio", undefined],
  ["Liga del audio:", "audio", undefined],
  ["Audio: https://imssmx.sharepoint.com/a", "audio", "https://imssmx.sharepoint.com/a"],
  ["LINK DE FOTOS https://drive.google.com/a", "photos", "https://drive.google.com/a"],
  ["LINK DE FOTOS: <https://drive.google.com/a>", "photos", "https://drive.google.com/a"],
  ["Link de video: [Ver video](https://imssmx.sharepoint.com/v?e=1)", "video", "https://imssmx.sharepoint.com/v?e=1"],
  ["Fotos: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  ["Video: https://youtu.be/x", "video", "https://youtu.be/x"],
  ["Ver fotos: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  ["Consulta las fotografías aquí: <https://drive.google.com/x>", "photos", "https://drive.google.com/x"],
  ["Descarga el video en: https://youtu.be/x", "video", "https://youtu.be/x"],
  ["Imágenes: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  // The label and the address, a few words between them, punctuation after.
  ["Videos: https://youtu.be/x", "video", "https://youtu.be/x"],
  ["Fotos: en el siguiente enlace https://drive.google.com/x.", "photos", "https://drive.google.com/x"],
  ["Fotos en el siguiente enlace: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  ["Video: aquí <https://youtu.be/x>", "video", "https://youtu.be/x"],
  ["**Fotos:** https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  ["LINK DE FOTOS Y VIDEO:", "photos", undefined],
  ["Link de fotos del evento:", "photos", undefined],
];
for (const [line, kind, url] of labels) {
  test(`label ${JSON.stringify(line)}`, () => assert.deepEqual(matchLinkLabel(line), { kind, ...(url ? { url } : {}) }));
}
for (const line of [
  "Fotos del evento en la galería",
  "Video:",
  "Ver fotos:",
  "El link de fotos se comparte después",
  "El video muestra la jornada",
  "Ver video de la campaña en redes sociales",
  "Para ver las fotos: ingresa a https://a.mx/x",
  // Body text that mentions the videos or photos and an address: a sentence, not a label.
  "Videos: el Instituto publicó 12 tutoriales en https://www.youtube.com/@IMSSmx que explican cómo darse de alta en IMSS Digital.",
  "Videos: https://www.youtube.com/@IMSSmx tiene 12 tutoriales nuevos",
  "Fotos: la galería completa del evento está disponible en https://a.mx/x",
  "Video: https://youtu.be/x y https://youtu.be/y",
  "Fotos de la jornada de vacunación en el Hospital General de Zona: https://a.mx/x",
  "Enlace al video de la campaña en redes sociales que ya suma dos millones de vistas",
  "Link de fotos: se compartirá al término del evento con los medios",
]) {
  test(`not a label ${JSON.stringify(line)}`, () => assert.equal(matchLinkLabel(line), undefined));
}

const urls: Array<[string, string | undefined]> = [
  ["https://drive.google.com/drive/folders/11V4yW-_ArWCWm91BkbRC0NwryyBkfHKm ", "https://drive.google.com/drive/folders/11V4yW-_ArWCWm91BkbRC0NwryyBkfHKm"],
  ["<https://imssmx.sharepoint.com/:v/s/x?e=BUWfDE>", "https://imssmx.sharepoint.com/:v/s/x?e=BUWfDE"],
  ["[https://a.mx/x](https://a.mx/x)", "https://a.mx/x"],
  ["https://drive.google.com/drive/folders/1BIEY\\_xuy78", "https://drive.google.com/drive/folders/1BIEY_xuy78"],
  ["https://a.mx/x.", "https://a.mx/x"],
  ["ftp://a.mx/x", undefined],
  ["profesionalesdelasalud.imssbienestar.gob.mx", undefined],
];
for (const [text, url] of urls) test(`findUrl ${JSON.stringify(text)}`, () => assert.equal(findUrl(text), url));

test("urlOnlyLine: only an address", () => {
  assert.equal(urlOnlyLine("<https://a.mx/x>"), "https://a.mx/x");
  assert.equal(urlOnlyLine("los interesados pueden registrarse en https://a.mx/x"), undefined);
});

test("import: a sentence about videos with an address stays in the body; a label line goes to video:", () => {
  const sentence = "Videos: el Instituto publicó 12 tutoriales en https://www.youtube.com/@IMSSmx que explican cómo darse de alta en IMSS Digital.";
  const parts = extractRelease(`Ciudad de México, viernes 19 de julio de 2024\nNo. 332/2024\n\nIMSS lanza tutoriales\n\nEl IMSS lanzó tutoriales.\n\n${sentence}\n\nVideo: https://youtu.be/abc`);
  assert.equal(parts.body, `El IMSS lanzó tutoriales.\n\n${sentence}`);
  assert.equal(parts.video, "https://youtu.be/abc");
});

const HEAD = "Ciudad de México, jueves 11 de abril de 2024\nNo. 181/2024\n\nIMSS presenta campaña de lactancia\n\nEl IMSS presentó su campaña.\n\n---o0o---\n\n";

test("import: two addresses under one label: the first is the field's, the second stays in the text and the editor is told", () => {
  const parts = extractRelease(`${HEAD}LINK DE VIDEOS\nhttps://youtu.be/video1\nhttps://youtu.be/video2\n`);
  assert.equal(parts.video, "https://youtu.be/video1");
  assert.equal(parts.body, "El IMSS presentó su campaña.\n\nhttps://youtu.be/video2");
  assert.ok(parts.warnings.some((w) => w.includes("más de una dirección") && w.includes("https://youtu.be/video1")), parts.warnings.join("\n"));
});

test("import: an address wrapped onto the next line is still mended, but another address never joins it", () => {
  const wrapped = extractRelease(`${HEAD}LINK DE FOTOS:\nhttps://drive.google.com/drive/folders/1AbC\n-abcdef?usp=sharing\n`);
  assert.equal(wrapped.photos, "https://drive.google.com/drive/folders/1AbC-abcdef?usp=sharing");
  const two = extractRelease(`${HEAD}LINK DE FOTOS:\nhttps://drive.google.com/drive/folders/\nhttps://drive.google.com/otra\n`);
  assert.equal(two.photos, "https://drive.google.com/drive/folders/");
});

test("import: LINK DE AUDIO goes to audio:", () => {
  const parts = extractRelease(`${HEAD}LINK DE VIDEO\nhttps://youtu.be/v\n\nLINK DE AUDIO\nhttps://imssmx.sharepoint.com/audio1\n`);
  assert.equal(parts.video, "https://youtu.be/v");
  assert.equal(parts.audio, "https://imssmx.sharepoint.com/audio1");
  assert.equal(parts.body, "El IMSS presentó su campaña.");
});
