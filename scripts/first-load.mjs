// What a page of the built site loads first: its HTML and every stylesheet,
// script, wasm and data file it references or preloads (not the icon).
// Used by scripts/report-sizes.mjs and tests/budget.test.mjs.
import { readFileSync } from "node:fs";
import { join } from "node:path";

/** Paths relative to `dist`, the page itself first. */
export function firstLoad(dist, page) {
  // What is inside <noscript> is fetched only when script is off.
  const html = readFileSync(join(dist, page), "utf8").replace(/<noscript>[\s\S]*?<\/noscript>/g, "");
  // What the browser fetches to show the page: scripts, stylesheets and preloads.
  // Links that only describe the page (canonical, alternate feeds, oEmbed) are never fetched.
  const fetched = (tag) => tag.startsWith("<script") || /\brel="(?:stylesheet|preload|modulepreload)"/.test(tag);
  const tags = [...html.matchAll(/<(?:link|script)\b[^>]*>/g)].map((m) => m[0]).filter(fetched);
  const refs = tags.map((t) => t.match(/\b(?:href|src)="([^"]+)"/)?.[1]).filter(Boolean);
  const files = refs.filter((r) => !r.startsWith("http") && !r.endsWith(".svg")).map((r) => r.replace(/^\.\//, ""));
  return [page, ...new Set(files)];
}
