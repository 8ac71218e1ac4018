// Sizes of the built site, raw and compressed, as a markdown table.
//   node scripts/report-sizes.mjs [dist]
// Groups: wasm, js (ECharts bundle + wasm-bindgen glue), css, the overview data
// file, and one route's HTML. gzip at level 9, brotli at quality 11, as a CDN
// precompressing text assets would.
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { brotliCompressSync, gzipSync, constants } from "node:zlib";

const dist = process.argv[2] ?? "dist";
const files = [];
(function walk(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path);
    else files.push(path);
  }
})(dist);

const sizes = (path) => {
  const raw = readFileSync(path);
  return {
    raw: raw.length,
    gzip: gzipSync(raw, { level: 9 }).length,
    brotli: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
  };
};
const top = files.filter((f) => !relative(dist, f).includes("/"));
const release = JSON.parse(readFileSync(join(dist, "data/releases.json"), "utf8")).current;
const rows = [
  ...top.filter((f) => f.endsWith(".wasm")).map((f) => ["wasm", f]),
  ...top.filter((f) => f.endsWith(".js")).map((f) => ["js", f]),
  ...top.filter((f) => f.endsWith(".css")).map((f) => ["css", f]),
  ["html", join(dist, "index.html")],
  ["data", join(dist, `data/${release}/overview.json`)],
].filter(([, f]) => files.includes(f));

const kb = (n) => (n / 1024).toFixed(1);
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log("| kind | file | raw KB | gzip KB | brotli KB |\n|---|---|---:|---:|---:|");
for (const [kind, f] of rows) {
  const s = sizes(f);
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`| ${kind} | ${relative(dist, f)} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.brotli)} |`);
}
console.log(`| **first load of the overview** | | **${kb(total.raw)}** | **${kb(total.gzip)}** | **${kb(total.brotli)}** |`);
const all = files.reduce((n, f) => n + statSync(f).size, 0);
console.log(`\n${files.length} files in ${dist}/, ${kb(all)} KB raw in all.`);
