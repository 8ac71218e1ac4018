// Size budgets of the built site (sizes are deterministic; times are measured by
// bench/run.mjs, never asserted). A page's first load is its HTML and every file
// it references or preloads: scripts, wasm and data (its stylesheet is inline), counted at the
// precompressed (brotli) size a CDN serves. See bench/REPORT.md for why the
// budgets are what they are.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { firstLoad } from "../scripts/first-load.mjs";

const DIST = join(import.meta.dirname, "../dist");
const KB = 1024;
// Issue 11's budgets: every page is in its HTML, charts included as pictures, so
// nothing but the wasm and the page's data loads before the page is awake, and
// ECharts (about 150 KB) only when a reader first reaches for a chart.
const BUDGETS = [
  ["embed", "embed/AIR-02/index.html", 300 * KB],
  ["overview", "index.html", 400 * KB],
  ["area page", "area/water/index.html", 400 * KB],
  ["indicator page", "indicator/AIR-02/index.html", 400 * KB],
  // The cities' pages, held to the overview's budget: the comparison page holds
  // every indicator's comparison in every year.
  ["cities page", "cities/index.html", 400 * KB],
  ["city page", "city/620100/index.html", 400 * KB],
];

function transferSize(rel) {
  const path = join(DIST, rel);
  assert.ok(existsSync(path), `${rel} exists`);
  return existsSync(`${path}.br`) ? statSync(`${path}.br`).size : statSync(path).size;
}

for (const [name, page, budget] of BUDGETS) {
  test(`first load of the ${name} stays within ${budget / KB} KB compressed`, () => {
    const files = firstLoad(DIST, page);
    assert.ok(files.some((f) => /\.wasm$/.test(f)), `${name} loads its wasm: ${files}`);
    // Every page wakes with the site's build (src/islands.rs), holds what its islands
    // show and reads no data file.
    assert.ok(files.some((f) => /^gansu-eco-islands-.*\.wasm$/.test(f)), `${name} wakes with the site's build: ${files}`);
    assert.ok(!files.some((f) => /^data\//.test(f)), `${name} reads no data file: ${files}`);
    // The stylesheet is in the HTML: the first paint waits for no other request.
    assert.ok(!files.some((f) => /\.css$/.test(f)), `${name} loads no stylesheet file: ${files}`);
    assert.match(readFileSync(join(DIST, page), "utf8"), /<style>[^<]{1000,}<\/style>/, `${name}: its stylesheet inline`);
    // ECharts is named for later (`<meta name="echarts">`), not loaded with the page.
    assert.ok(!files.some((f) => /^echarts-.*\.js$/.test(f)), `${name} does not load ECharts at first: ${files}`);
    const total = files.reduce((n, f) => n + transferSize(f), 0);
    const detail = files.map((f) => `${f} ${(transferSize(f) / KB).toFixed(1)}`).join(", ");
    assert.ok(total <= budget, `${name}: ${(total / KB).toFixed(1)} KB > ${budget / KB} KB (${detail})`);
  });
}

// Issue 11's target for the site's wasm, 220 KB, held by every wasm file the site
// ships: the site's build, which wakes every page, and the embed's, which draws an
// embed at an address its page was not rendered for.
test("every wasm file the site ships stays within 220 KB compressed", () => {
  const files = readdirSync(DIST).filter((f) => f.endsWith(".wasm"));
  const builds = files.map((f) => f.replace(/-[0-9a-f]+_bg\.wasm$/, "")).sort();
  assert.deepEqual(builds, ["gansu-eco-embed", "gansu-eco-islands"], `the two builds: ${files}`);
  for (const file of files) {
    const size = transferSize(file);
    assert.ok(size <= 220 * KB, `${file}: ${(size / KB).toFixed(1)} KB > 220 KB`);
  }
});
