import { hash } from "node:crypto";

/** The hex sha1 of a text: the digest of every site file, page and fingerprint the build compares. */
export function sha1(text: string): string {
  return hash("sha1", text);
}

/** The hex sha1 of a file's bytes: the build cache's name for a content file. */
export function sha1Bytes(bytes: Uint8Array): string {
  return hash("sha1", bytes);
}
