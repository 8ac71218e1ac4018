// The performance benchmark (not a test: times vary, so nothing here passes or fails).
//
//   node bench/run.mjs [--runs 5] [--no-lighthouse]     (after scripts/build.sh)
//
// Serves dist/ on loopback the way a CDN would (precompressed .br files), then in
// headless Chromium with the CPU slowed 4× and the network shaped like a slow 4G
// link, loads the overview, an indicator page, an embed and the plain-JS reference
// page (bench/reference/) several times each, and writes bench/REPORT.md with:
//   - first-load transfer (compressed bytes over the wire) per page,
//   - time from navigation start to the chart's first paint, with the ratio of
//     ours to the reference measured in the same run,
//   - Lighthouse 12.2.3 mobile performance scores for the overview and the embed,
//   - the sizes behind the levers (ECharts subset vs full, site vs embed wasm, br vs gzip).
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { launch, startServer } from "../tests/browser/harness.mjs";

const args = process.argv.slice(2);
const RUNS = Number(args[args.indexOf("--runs") + 1] || 5) || 5;
const LIGHTHOUSE = !args.includes("--no-lighthouse");
const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const release = JSON.parse(readFileSync(join(DIST, "data/releases.json"), "utf8")).current;

// Lighthouse's "slow 4G" as DevTools applies it, and a mid-range phone's CPU.
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

// The reference page, next to the site so it is served the same way.
const echartsFile = readdirSync(DIST).find((f) => /^echarts-[0-9a-f]+\.js$/.test(f));
mkdirSync(join(DIST, "bench-reference"), { recursive: true });
writeFileSync(
  join(DIST, "bench-reference/index.html"),
  readFileSync(join(ROOT, "bench/reference/index.html"), "utf8").replace("ECHARTS_FILE", echartsFile),
);
copyFileSync(join(ROOT, "bench/reference/reference.js"), join(DIST, "bench-reference/reference.js"));

const PAGES = [
  ["overview", ""],
  ["indicator page", "indicator/AIR-02/"],
  ["embed", "embed/AIR-02/"],
  ["reference (plain JS)", `bench-reference/?id=AIR-02&release=${release}`],
];

// Records when the first chart's SVG has content on screen (after a frame).
const PAINT_PROBE = `
  new MutationObserver((_, obs) => {
    const svg = document.querySelector("[data-testid=chart] svg path");
    if (svg && !window.__chartPaint) {
      obs.disconnect();
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__chartPaint = performance.now(); }));
    }
  }).observe(document, { childList: true, subtree: true });
`;

async function measure(browser, url) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  let bytes = 0;
  cdp.on("Network.loadingFinished", (e) => (bytes += e.encodedDataLength));
  await page.addInitScript(PAINT_PROBE);
  await page.goto(url);
  await page.waitForFunction(() => window.__chartPaint, null, { timeout: 120000 });
  const paint = await page.evaluate(() => window.__chartPaint);
  await page.waitForLoadState("networkidle");
  await context.close();
  return { bytes, paint };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (n) => (n / 1024).toFixed(1);

const server = await startServer();
const browser = await launch();
const results = Object.fromEntries(PAGES.map(([name]) => [name, []]));
for (let run = 0; run < RUNS; run++) {
  for (const [name, rel] of PAGES) {
    results[name].push(await measure(browser, server.url(rel)));
    process.stdout.write(".");
  }
}
await browser.close();
console.log();

// Lighthouse runs as a child process, asynchronously: the site is served from this
// same process, which must stay free to answer.
async function lighthouse(url) {
  const { stdout: out } = await promisify(execFile)(
    join(ROOT, "node_modules/.bin/lighthouse"),
    [url, "--only-categories=performance", "--output=json", "--quiet",
     "--chrome-flags=--headless --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --no-first-run"],
    { env: { ...process.env, CHROME_PATH: "/usr/bin/chromium" }, maxBuffer: 64 * 1024 * 1024 },
  );
  const report = JSON.parse(out);
  return { score: Math.round(report.categories.performance.score * 100), lcp: report.audits["largest-contentful-paint"].displayValue, tbt: report.audits["total-blocking-time"].displayValue };
}
const scores = [];
if (LIGHTHOUSE) {
  for (const [name, rel] of [["overview", ""], ["embed", "embed/AIR-02/"]]) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await lighthouse(server.url(rel)));
    const best = runs.sort((a, b) => a.score - b.score)[1];
    scores.push([name, runs.map((r) => r.score), best]);
  }
}
await server.close();

// Sizes behind the levers.
const size = (path) => {
  const raw = readFileSync(path);
  return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const top = readdirSync(DIST);
const lever = (label, path) => ({ label, ...size(path) });
const levers = [
  lever("ECharts, full build (echarts.min.js 5.6.0)", join(ROOT, "node_modules/echarts/dist/echarts.min.js")),
  lever("ECharts, the site's subset (scripts/echarts-entry.js)", join(DIST, echartsFile)),
  lever("wasm, site build", join(DIST, top.find((f) => /^gansu-eco-dashboard-.*_bg\.wasm$/.test(f)))),
  lever("wasm, embed build", join(DIST, top.find((f) => /^gansu-eco-embed-.*_bg\.wasm$/.test(f)))),
  lever("data: the overview (every indicator, no notes)", join(DIST, `data/${release}/overview.json`)),
  lever("data: one indicator in full (AIR-02)", join(DIST, `data/${release}/indicators/AIR-02.json`)),
  lever("data: the whole dataset in one file", join(DIST, `data/${release}/gansu-eco-indicators.json`)),
];

const chromium = execFileSync("/usr/bin/chromium", ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const ref = median(results["reference (plain JS)"].map((r) => r.paint));
const lines = [];
lines.push("# Performance report", "");
lines.push(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`node bench/run.mjs\` on ${cpu} (${os.cpus().length} cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, ${chromium}, Node ${process.version}.`);
lines.push(`Data release ${release}. Each page loaded ${RUNS} times in a fresh browser context (cold cache), interleaved; CPU slowed ${CPU_SLOWDOWN}×; network: ${NETWORK.latency} ms latency, ${((NETWORK.downloadThroughput * 8) / 1024).toFixed(0)} kbit/s down (Lighthouse's slow 4G as DevTools applies it). Files served precompressed (brotli) like a CDN. Mobile viewport 412×823.`, "");
lines.push("## First load and time to chart", "");
lines.push("| page | transfer KB (median) | chart painted, ms (median) | spread (min–max) | ratio to reference |", "|---|---:|---:|---:|---:|");
for (const [name] of PAGES) {
  const r = results[name];
  const paints = r.map((x) => x.paint);
  lines.push(`| ${name} | ${kb(median(r.map((x) => x.bytes)))} | ${median(paints).toFixed(0)} | ${Math.min(...paints).toFixed(0)}–${Math.max(...paints).toFixed(0)} | ${(median(paints) / ref).toFixed(2)} |`);
}
lines.push("", "Transfer counts every byte over the wire, headers included, until the chart is drawn and the network is idle.", "");
if (scores.length) {
  lines.push("## Lighthouse 12.2.3 (mobile, simulated throttling)", "", "| page | performance score (median of 3) | all runs | LCP | TBT |", "|---|---:|---|---|---|");
  for (const [name, all, best] of scores) lines.push(`| ${name} | ${best.score} | ${all.join(", ")} | ${best.lcp} | ${best.tbt} |`);
  lines.push("");
}
lines.push("## Sizes behind the levers", "", "| file | raw KB | gzip KB | brotli KB |", "|---|---:|---:|---:|");
for (const l of levers) lines.push(`| ${l.label} | ${kb(l.raw)} | ${kb(l.gz)} | ${kb(l.br)} |`);
lines.push("");
// The wasm levers need several full builds; bench/wasm-levers.sh measures them apart.
const leversFile = join(ROOT, "bench/WASM-LEVERS.md");
if (existsSync(leversFile)) {
  lines.push("## wasm levers (`bench/wasm-levers.sh`)", "", readFileSync(leversFile, "utf8").trim(), "");
}
writeFileSync(join(ROOT, "bench/REPORT.md"), lines.join("\n") + "\n");
console.log(lines.join("\n"));
