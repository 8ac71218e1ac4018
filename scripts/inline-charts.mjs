// Draws every chart of the rendered pages into them, at build time:
//   node scripts/inline-charts.mjs dist
// `sitegen pages` rendered each page with empty chart boxes, each naming its
// chart (`data-chart="<key>"`), and left each chart's option in
// dist/.chart-options/<key>.json. Here the same pinned ECharts draws each option
// to SVG (the very drawing ECharts makes in the browser), which goes into its box.
// The chart is on screen as soon as the HTML is; ECharts, loaded later, takes
// over the same box (src/components/chart_host.rs). Each option is kept as
// dist/charts/<key>.json: a reader reaching for a chart before the wasm has
// woken the page gets ECharts drawn from it (public/chart-early.js).
//
// The pictures must pass the pages' Content-Security-Policy (`style-src 'self'`):
// ECharts' `style` attributes become presentation attributes, and its `<style>`
// (hover rules, useless in a picture) is dropped. Ids are made unique per
// picture, since a page holds many. A box whose width differs a lot between a
// phone and a desktop gets two pictures, and CSS shows the one that fits
// (style/chart.css, `.chart-picture--wide`).
import { drawSvg } from "./echarts-svg.mjs";
import { mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const dist = process.argv[2];
if (!dist) {
  console.error("usage: node scripts/inline-charts.mjs DIST");
  process.exit(2);
}
const optionsDir = join(dist, ".chart-options");
mkdirSync(join(dist, "charts"), { recursive: true });

// Each box's size (CSS px, style/chart.css and style/embed.css): one picture, or
// a phone's and a desktop's (≥ 48rem).
const SIZES = {
  "chart--compact": [[300, 192]],
  "chart--spark": [[300, 56]],
  "chart--large": [[328, 352], [1120, 416]],
  "chart--embed": [[336, 360], [640, 400]],
  chart: [[328, 288], [1120, 288]],
};


// `style="font-size:12px;font-weight:bold;"` → `font-size="12px" font-weight="bold"`.
const presentation = (style) =>
  style
    .split(";")
    .map((d) => d.split(":").map((x) => x.trim()))
    .filter(([name, value]) => name && value)
    .map(([name, value]) => `${name}="${value.replace(/"/g, "&quot;")}"`)
    .join(" ");

function picture(svg, id, variant) {
  const [, width, height] = svg.match(/^<svg width="(\d+)" height="(\d+)"/) ?? [];
  if (!width) throw new Error(`unexpected ECharts SVG for ${id}`);
  const className = variant ? `chart-picture chart-picture--${variant}` : "chart-picture";
  return svg
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/^<svg [^>]*>/, `<svg class="${className}" viewBox="0 0 ${width} ${height}" preserveAspectRatio="xMidYMid meet" aria-hidden="true" focusable="false">`)
    .replace(/ style="([^"]*)"/g, (_, style) => ` ${presentation(style)}`)
    .replace(/ class="zr\d+-cls-\d+"/g, "")
    .replace(/ ecmeta_[a-z_]+="[^"]*"/g, "")
    .replace(/zr\d+-/g, `${id}-`)
    .replace(/<[^>]+>/g, (tag) => tag.replace(/(\d+\.\d)\d+/g, "$1"))
    .replace(/>\s+</g, "><")
    .trim();
}

const pictures = new Map();
for (const name of readdirSync(optionsDir)) {
  const key = name.replace(/\.json$/, "");
  const { class: boxClass, option } = JSON.parse(readFileSync(join(optionsDir, name), "utf8"));
  writeFileSync(join(dist, "charts", name), JSON.stringify(option));
  const sizes = SIZES[boxClass.split(/\s+/).find((c) => SIZES[c])] ?? SIZES.chart;
  const variants = sizes.length > 1 ? ["narrow", "wide"] : [null];
  pictures.set(
    key,
    sizes.map(([w, h], i) => picture(drawSvg(option, w, h), `c${key.slice(0, 8)}${i}`, variants[i])).join(""),
  );
}

// Every page: each empty box that names a chart gets its picture.
let pages = 0;
let boxes = 0;
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) {
      if (name !== "data" && !name.startsWith(".")) walk(path);
    } else if (name.endsWith(".html")) {
      const html = readFileSync(path, "utf8");
      const drawn = html.replace(/(<div [^>]*data-chart="([0-9a-f]{16})"[^>]*>)<\/div>/g, (_, open, key) => {
        const svg = pictures.get(key);
        if (!svg) throw new Error(`${path}: no chart option for data-chart="${key}"`);
        boxes++;
        return `${open}${svg}</div>`;
      });
      if (drawn !== html) {
        writeFileSync(path, drawn);
        pages++;
      }
    }
  }
};
walk(dist);
rmSync(optionsDir, { recursive: true });
console.log(`drew ${pictures.size} charts into ${boxes} chart boxes on ${pages} pages`);
// ECharts' SSR leaves no timers, but end explicitly all the same.
process.exit(0);
