import assert from "node:assert/strict";
import { copyFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import type { Bulletin } from "../../src/model/bulletin.ts";
import { findUnusableImages } from "../../src/model/image-files.ts";
import { describeImage, imageTrouble } from "../../src/render/images.ts";
import { PROJECT_ROOT } from "../../src/project-root.ts";
import { pngHeader, tempDir } from "../build/helpers.ts";
import { fm, normalizeText } from "./helpers.ts";

const PHOTO = path.join(PROJECT_ROOT, "tests/fixtures/e2e-public/uploads/2025/vacunacion-merida.jpg");

/** A Windows bitmap's headers (a format the site cannot convert). */
function bmpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(54);
  b.write("BM", 0, "latin1");
  b.writeUInt32LE(54, 2);
  b.writeUInt32LE(54, 10);
  b.writeUInt32LE(40, 14);
  b.writeInt32LE(width, 18);
  b.writeInt32LE(height, 22);
  b.writeUInt16LE(1, 26);
  b.writeUInt16LE(24, 28);
  return b;
}

async function publicFolder(): Promise<string> {
  const dir = path.join(await tempDir("boletines-images-"), "public");
  mkdirSync(path.join(dir, "uploads"), { recursive: true });
  copyFileSync(PHOTO, path.join(dir, "uploads/foto.jpg"));
  writeFileSync(path.join(dir, "uploads/roto.jpg"), "Esto es un documento, no una foto.\n");
  writeFileSync(path.join(dir, "uploads/enorme.png"), pngHeader(40_000, 40_000));
  writeFileSync(path.join(dir, "uploads/escaneo.jpg"), bmpHeader(800, 600));
  writeFileSync(path.join(dir, "uploads/animada.gif"), Buffer.concat([Buffer.from("GIF89a", "latin1"), Buffer.from([0x40, 0x9c, 0x40, 0x9c, 0, 0, 0])]));
  writeFileSync(path.join(dir, "uploads/rota.gif"), "no es un gif");
  return dir;
}

function bulletin(fields: string, body: string, images: string[]): Bulletin {
  const r = normalizeText(fm(`title: "T"\ndate: 2024-04-09\ndescription: "d"\n${fields}`, body), { file: "content/2024/t.md", images });
  assert.ok(r.bulletin, JSON.stringify(r.problems));
  return r.bulletin;
}

test("what keeps a file from being a picture is read from its header: not an image, a format sharp cannot read, too many pixels", async () => {
  const dir = await publicFolder();
  const at = (name: string) => path.join(dir, "uploads", name);
  assert.equal(imageTrouble(at("foto.jpg")), undefined);
  assert.deepEqual(imageTrouble(at("roto.jpg")), { kind: "unreadable" });
  assert.deepEqual(imageTrouble(at("escaneo.jpg")), { kind: "format", format: "bmp" });
  assert.deepEqual(imageTrouble(at("enorme.png")), { kind: "too-large", width: 40_000, height: 40_000 });
  // The build's view of the same files: no picture for any of them (the encoder would stop the build).
  assert.ok(describeImage(at("foto.jpg")));
  for (const name of ["roto.jpg", "escaneo.jpg", "enorme.png"]) assert.equal(describeImage(at(name)), undefined, name);
});

test("a lead picture or a picture of the text that cannot be shown is a warning at its line, saying why and what to do", async () => {
  const dir = await publicFolder();
  const body = ["![Bien](/uploads/foto.jpg)", "", "![Dañada](/uploads/roto.jpg) ![Escaneo](/uploads/escaneo.jpg)", "", "![Grande](/uploads/enorme.png) ![Falta](/uploads/no-esta.jpg)", "", "![Animada](/uploads/animada.gif) ![Rota](/uploads/rota.gif) ![Otra vez](/uploads/roto.jpg)"].join("\n");
  const b = bulletin('image: /uploads/enorme.png\nalt: "Foto"', body, ["/uploads/enorme.png"]);
  const problems = findUnusableImages([b], dir);
  assert.deepEqual(
    problems.map((p) => [p.code, p.line, p.column, p.field]),
    [
      ["image-unusable", 5, 1, "image"],
      ["body-image-unusable", 11, 1, undefined],
      ["body-image-unusable", 11, 30, undefined],
      ["body-image-unusable", 13, 1, undefined],
      // A GIF is published as it is: its size does not matter, but a GIF that is no image does.
      ["body-image-unusable", 15, 34, undefined],
    ],
  );
  assert.ok(problems.every((p) => p.severity === "warning" && p.file === "content/2024/t.md"));
  assert.match(problems[0]!.message, /^La imagen \/uploads\/enorme\.png mide 40,000 × 40,000 píxeles, más de los 268 millones/);
  assert.match(problems[0]!.hint!, /Redúcela .* public\/uploads\/enorme\.png/);
  assert.match(problems[1]!.message, /roto\.jpg no se puede leer como imagen/);
  assert.match(problems[2]!.message, /escaneo\.jpg está en formato BMP, que el sitio no puede convertir/);
  assert.match(problems[2]!.hint!, /JPG o PNG/);
  // Nothing for a file that is fine, nor for a missing one (said by the reference check).
  assert.deepEqual(findUnusableImages([bulletin("", "![Bien](/uploads/foto.jpg) ![Falta](/uploads/no-esta.jpg)\n", [])], dir), []);
});
