// Renders every chart option written by `sitegen chart-options` to static
// pictures with the same pinned ECharts package, in Node, at build time:
//   <ID>.<lang>.svg  960×600, the no-JavaScript fallback of indicator and embed pages
//   <ID>.<lang>.png  1200×630, the link-preview (Open Graph) image
//   node scripts/render-charts.mjs build/chart-options dist/charts
import * as echarts from "echarts";
import { Resvg } from "@resvg/resvg-js";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const [input, output] = process.argv.slice(2);
if (!input || !output) {
  console.error("usage: node scripts/render-charts.mjs OPTIONS_DIR OUT_DIR");
  process.exit(2);
}
mkdirSync(output, { recursive: true });

function svg(option, width, height) {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  chart.setOption(option);
  const text = chart.renderToSVGString();
  chart.dispose();
  return text;
}

let count = 0;
for (const name of readdirSync(input).filter((n) => n.endsWith(".json")).sort()) {
  const option = JSON.parse(readFileSync(join(input, name), "utf8"));
  const base = name.replace(/\.json$/, "");
  writeFileSync(join(output, `${base}.svg`), svg(option, 960, 600));
  const png = new Resvg(svg(option, 1200, 630), {
    font: { loadSystemFonts: true, sansSerifFamily: "Noto Sans CJK SC", defaultFontFamily: "Noto Sans CJK SC" },
    fitTo: { mode: "width", value: 1200 },
  })
    .render()
    .asPng();
  writeFileSync(join(output, `${base}.png`), png);
  count++;
}
console.log(`rendered ${count} charts to ${output} (SVG and PNG)`);
