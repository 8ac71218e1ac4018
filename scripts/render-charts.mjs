// Renders every chart option written by `sitegen chart-options` to static
// pictures with the same pinned ECharts package, in Node, at build time:
//   <ID>.<lang>.svg  960×600, the no-JavaScript fallback of indicator and embed pages
//   <ID>.<lang>.png  1200×630, the link-preview (Open Graph) image
//   node scripts/render-charts.mjs build/chart-options dist/charts
import { drawSvg } from "./echarts-svg.mjs";
import { Resvg } from "@resvg/resvg-js";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/render-charts.mjs OPTIONS_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(output, { recursive: true });


let count = 0;
for (const name of readdirSync(input).filter((n) => n.endsWith(".json")).sort()) {
  const option = JSON.parse(readFileSync(join(input, name), "utf8"));
  const base = name.replace(/\.json$/, "");
  writeFileSync(join(output, `${base}.svg`), drawSvg(option, 960, 600));
  const png = new Resvg(drawSvg(option, 1200, 630), {
    font: { loadSystemFonts: true, sansSerifFamily: "Noto Sans CJK SC", defaultFontFamily: "Noto Sans CJK SC" },
    fitTo: { mode: "width", value: 1200 },
  })
    .render()
    .asPng();
  writeFileSync(join(output, `${base}.png`), png);
  count++;
}
console.log(`rendered ${count} charts to ${output} (SVG and PNG)`);
