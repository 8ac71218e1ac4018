// Builds the front-end assets trunk then puts into dist/ (ECharts, hashed) or into
// each page's head (the stylesheets, inlined: a page's first paint waits for no
// request but its HTML):
//  - build/echarts.js: ECharts from node_modules (pinned in package.json), reduced to
//    the chart types and components the site uses, exposing the `echarts` global
//    that the wasm chart host calls. No CDN is ever involved.
//  - build/site.css: every stylesheet in style/ bundled into one small file, and
//    build/embed.css: the few an embed needs (style/embed-main.css).
import { build } from "esbuild";
import { mkdirSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
mkdirSync(join(root, "build"), { recursive: true });

await build({
  entryPoints: [join(root, "scripts/echarts-entry.js")],
  outfile: join(root, "build/echarts.js"),
  bundle: true,
  minify: true,
  format: "iife",
  target: "es2019",
  legalComments: "none",
  logLevel: "warning",
});

// The site's stylesheet, and the embed's smaller one (only what an embed shows).
for (const [entry, out] of [["style/main.css", "build/site.css"], ["style/embed-main.css", "build/embed.css"]]) {
  await build({
    entryPoints: [join(root, entry)],
    outfile: join(root, out),
    bundle: true,
    minify: true,
    logLevel: "warning",
  });
}
