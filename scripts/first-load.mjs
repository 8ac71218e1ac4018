// What a page of the built site loads first: its HTML and every stylesheet,
// script, wasm and data file it references or preloads (not the icon).
// Used by scripts/report-sizes.mjs and tests/budget.test.mjs.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Paths relative to `dist`, the page itself first. */
export function firstLoad(dist, page) {
  const html = readFileSync(join(dist, page), "utf8");
  const refs = [...html.matchAll(/<(?:link|script)\b[^>]*?(?:href|src)="([^"]+)"/g)].map((m) => m[1]);
  const files = refs.filter((r) => !r.startsWith("http") && !r.endsWith(".svg")).map((r) => r.replace(/^\.\//, ""));
  return [page, ...new Set(files)];
}
