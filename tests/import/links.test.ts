import assert from "node:assert/strict";
import { test } from "node:test";
import { findUrl, matchLinkLabel, urlOnlyLine } from "../../src/import/links.ts";

const labels: Array<[string, "photos" | "video", string | undefined]> = [
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
  ["LINK DE FOTOS https://drive.google.com/a", "photos", "https://drive.google.com/a"],
  ["LINK DE FOTOS: <https://drive.google.com/a>", "photos", "https://drive.google.com/a"],
  ["Link de video: [Ver video](https://imssmx.sharepoint.com/v?e=1)", "video", "https://imssmx.sharepoint.com/v?e=1"],
  ["Fotos: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  ["Video: https://youtu.be/x", "video", "https://youtu.be/x"],
  ["Ver fotos: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
  ["Consulta las fotografías aquí: <https://drive.google.com/x>", "photos", "https://drive.google.com/x"],
  ["Descarga el video en: https://youtu.be/x", "video", "https://youtu.be/x"],
  ["Imágenes: https://drive.google.com/x", "photos", "https://drive.google.com/x"],
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
