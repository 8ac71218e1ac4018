// Renders every chart option written by `sitegen chart-options` to static
// pictures with the same pinned ECharts package, in Node, at build time:
//   <ID>.<lang>.svg  960×600, the picture a reader downloads or links to
//   <ID>.<lang>.png  1200×630, the link-preview (Open Graph) image
//   node scripts/render-charts.mjs build/chart-options dist/charts
//
// The PNG is drawn by resvg's WebAssembly build from the Noto Sans CJK fonts
// (and two fallbacks) read once into memory. (resvg's native Node build reads
// a font from its file for each text it shapes: about 50 ms a text with these
// 19 MB files, 1.5 s a chart, 4 minutes a build; this draws the same bytes in
// about 0.13 s a chart.)
import { drawSvg } from "./echarts-svg.mjs";
import { initWasm, Resvg } from "@resvg/resvg-wasm";
import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/render-charts.mjs OPTIONS_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(output, { recursive: true });

const FAMILY = "Noto Sans CJK SC";
/** The font file fontconfig has for `pattern`, which must be the family asked for. */
function fontFile(pattern) {
  const [file, family] = execFileSync("fc-match", [pattern, "-f", "%{file}\n%{family}"]).toString().split("\n");
  if (!family.split(",").includes(FAMILY)) {
    throw new Error(`render-charts: no ${pattern} font (fontconfig offers ${family}); scripts/setup.sh installs fonts-noto-cjk`);
  }
  return file;
}
// Then, for a character the CJK font lacks (the ⁸ of 10⁸), the next two fonts in
// fontconfig's own fallback order: a sans-serif and its bold.
const fallback = execFileSync("fc-match", ["-s", FAMILY, "-f", "%{file}\n"]).toString().split("\n").filter(Boolean);
const files = [...new Set([fontFile(FAMILY), fontFile(`${FAMILY}:bold`), ...fallback])].slice(0, 4);
const fonts = files.map((file) => readFileSync(file));
await initWasm(readFileSync(createRequire(import.meta.url).resolve("@resvg/resvg-wasm/index_bg.wasm")));

let count = 0;
for (const name of readdirSync(input).filter((n) => n.endsWith(".json")).sort()) {
  const option = JSON.parse(readFileSync(join(input, name), "utf8"));
  const base = name.replace(/\.json$/, "");
  writeFileSync(join(output, `${base}.svg`), drawSvg(option, 960, 600));
  const png = new Resvg(drawSvg(option, 1200, 630), {
    font: { fontBuffers: fonts, loadSystemFonts: false, sansSerifFamily: FAMILY, defaultFontFamily: FAMILY },
    fitTo: { mode: "width", value: 1200 },
  })
    .render()
    .asPng();
  writeFileSync(join(output, `${base}.png`), png);
  count++;
}
console.log(`rendered ${count} charts to ${output} (SVG and PNG)`);
