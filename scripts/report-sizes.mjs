// Sizes of the built site, raw and compressed, as markdown tables:
//   node scripts/report-sizes.mjs [dist]
// 1. every top-level asset (wasm, js, css), the HTML of a page and the data files a
//    page loads first; gzip at level 9, brotli at quality 11, as precompressed;
// 2. the first load of each kind of page: its HTML and everything it references
//    or preloads (what tests/budget.test.mjs checks).
import { readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { firstLoad } from "./first-load.mjs";

const dist = process.argv[2] ?? "dist";
const release = JSON.parse(readFileSync(join(dist, "data/releases.json"), "utf8")).current;
const kb = (n) => (n / 1024).toFixed(1);
const sizes = (rel) => {
  const raw = readFileSync(join(dist, rel));
  return [raw.length, gzipSync(raw, { level: 9 }).length, brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length];
};

const assets = readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f)).sort();
const rows = [...assets, "index.html", `data/${release}/overview.json`, `data/${release}/indicators/AIR-02.json`];
console.log("| file | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|");
for (const f of rows) console.log(`| ${f} | ${sizes(f).map(kb).join(" | ")} |`);

console.log("\n| page | files | raw KB | gzip KB | brotli KB |\n|---|---:|---:|---:|---:|");
for (const [name, page] of [["overview", "index.html"], ["area", "area/air/index.html"], ["indicator", "indicator/AIR-02/index.html"], ["about", "about/index.html"], ["city", "city/620100/index.html"], ["cities", "cities/index.html"], ["embed", "embed/AIR-02/index.html"]]) {
  const files = firstLoad(dist, page);
  const total = files.map(sizes).reduce((a, s) => a.map((x, i) => x + s[i]), [0, 0, 0]);
  console.log(`| ${name} | ${files.length} | ${total.map(kb).join(" | ")} |`);
}
const all = [];
(function walk(d) {
  for (const n of readdirSync(d)) {
    const p = join(d, n);
    if (statSync(p).isDirectory()) walk(p);
    else all.push(statSync(p).size);
  }
})(dist);
console.log(`\n${all.length} files in ${dist}/ (with .br/.gz copies), ${(all.reduce((a, b) => a + b, 0) / 2 ** 20).toFixed(1)} MB in all.`);
