// The performance benchmark (not a test: times vary, so nothing here passes or fails).
//
//   node bench/run.mjs [--runs 5] [--no-lighthouse] [--pages overview,area,indicator,embed]
//                                                                   (after scripts/build.sh)
//
// Serves dist/ on loopback the way a CDN would (precompressed .br files), then in
// headless Chromium with the CPU slowed 4× and the network shaped like a slow 4G
// link, loads the overview, an indicator page, an embed and the plain-JS reference
// page (bench/reference/) several times each, and writes bench/REPORT.md with:
//   - issue #11's targets, each with the figure measured here and whether it is met,
//   - per page: first-load transfer, the bytes received before the first chart is
//     on screen, the time until it is on screen and until the chart answers a
//     hover (each with its ratio to the reference measured in the same run), and
//     the cumulative layout shift,
//   - Lighthouse 12.2.3 mobile performance for the overview, an area page, the
//     indicator page and the embed (score, LCP, TBT, CLS),
//   - the sizes behind the levers (ECharts subset vs full, site vs embed wasm, br vs gzip),
//   - the wasm by crate before issue #11's change (bench/TWIGGY-BEFORE.md) and now.
// --pages limits our pages (and Lighthouse's) to those named; the reference is
// always loaded, since the ratios need it.
import { execFile, execFileSync } from "node:child_process";
import { promisify } from "node:util";
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import os from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { launch, startServer } from "../tests/browser/harness.mjs";
import { readTwiggyData, twiggyReport } from "./twiggy.mjs";

const args = process.argv.slice(2);
const option = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const RUNS = Number(option("--runs")) || 5;
const LIGHTHOUSE = !args.includes("--no-lighthouse");
const ONLY = option("--pages")?.split(",").map((s) => s.trim());
const wanted = (key) => key === "reference" || !ONLY || ONLY.includes(key);
const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "dist");
const release = JSON.parse(readFileSync(join(DIST, "data/releases.json"), "utf8")).current;

// Lighthouse's "slow 4G" as DevTools applies it, and a mid-range phone's CPU.
const NETWORK = { offline: false, latency: 562.5, downloadThroughput: (1474.56 * 1024) / 8, uploadThroughput: (675 * 1024) / 8 };
const CPU_SLOWDOWN = 4;
// A reader who wants a chart's figures keeps pointing at it; give up after this.
const HOVER_TIMEOUT = 120000;
const HOVER_EVERY = 50;

// The reference page, next to the site so it is served the same way.
const echartsFile = readdirSync(DIST).find((f) => /^echarts-[0-9a-f]+\.js$/.test(f));
mkdirSync(join(DIST, "bench-reference"), { recursive: true });
writeFileSync(
  join(DIST, "bench-reference/index.html"),
  readFileSync(join(ROOT, "bench/reference/index.html"), "utf8").replace("ECHARTS_FILE", echartsFile),
);
copyFileSync(join(ROOT, "bench/reference/reference.js"), join(DIST, "bench-reference/reference.js"));

// The reference's chart element carries data-testid="chart" too, so one probe fits all.
const PAGES = [
  { key: "overview", name: "overview", rel: "" },
  { key: "indicator", name: "indicator page", rel: "indicator/AIR-02/" },
  { key: "embed", name: "embed", rel: "embed/AIR-02/" },
  { key: "reference", name: "reference (plain JS)", rel: `bench-reference/?id=AIR-02&release=${release}` },
].filter((p) => wanted(p.key));
const LIGHTHOUSE_PAGES = [
  { key: "overview", name: "overview", rel: "" },
  { key: "area", name: "area page (air)", rel: "area/air/" },
  { key: "indicator", name: "indicator page", rel: "indicator/AIR-02/" },
  { key: "embed", name: "embed", rel: "embed/AIR-02/" },
].filter((p) => wanted(p.key));

// Put in every page before its own scripts run. Records:
//  - __chartPaint: when the first chart is on screen, i.e. two frames after an
//    <svg> with drawn marks and a box appears in a chart element. That is either
//    ECharts' drawing or an SVG pre-rendered into the HTML: the observer is
//    attached before the parser starts, so it sees the parser's nodes too (after
//    each parser task), and DOMContentLoaded checks once more in case.
//    __chartFrom says which: ECharts marks the element it draws in with
//    _echarts_instance_.
//  - __cls: the sum of layout shifts not caused by input (Layout Instability API,
//    buffered, so shifts before the observer ran count too).
// The resource timing buffer is enlarged so that no response goes unlisted.
const PROBE = `
  (() => {
    // Marks, not a <rect>: ECharts' SVG painter puts a background rect in first.
    const MARKS = "path, polyline, line, circle, ellipse, polygon";
    let seen = false;
    const check = () => {
      if (seen) return;
      const svg = [...document.querySelectorAll("[data-testid=chart] svg")]
        .find((el) => el.querySelector(MARKS) && el.getBoundingClientRect().width > 0);
      if (!svg) return;
      seen = true;
      observer.disconnect();
      window.__chartFrom = svg.closest("[data-testid=chart]").hasAttribute("_echarts_instance_") ? "ECharts" : "HTML";
      requestAnimationFrame(() => requestAnimationFrame(() => { window.__chartPaint = performance.now(); }));
    };
    const observer = new MutationObserver(check);
    observer.observe(document, { childList: true, subtree: true });
    document.addEventListener("DOMContentLoaded", check, { once: true });
    window.__cls = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__cls += e.value;
    }).observe({ type: "layout-shift", buffered: true });
    performance.setResourceTimingBufferSize(2000);
  })();
`;

/** A fresh context (cold cache) with the phone's screen, CPU and network. */
async function open(browser) {
  const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", NETWORK);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return { context, page, cdp };
}

/**
 * One load with no input: transfer, time to the first chart on screen, bytes
 * before it, and layout shift, read when the network has been idle for a second.
 */
async function measure(browser, url) {
  const { context, page, cdp } = await open(browser);
  // Bytes per response as the network counts them (compressed body and headers).
  const urls = new Map();
  const finished = [];
  cdp.on("Network.requestWillBeSent", (e) => urls.set(e.requestId, e.request.url));
  cdp.on("Network.loadingFinished", (e) => finished.push({ url: urls.get(e.requestId), bytes: e.encodedDataLength }));
  await page.addInitScript(PROBE);
  await page.goto(url, { timeout: 120000 });
  await page.waitForFunction(() => window.__chartPaint, null, { timeout: 120000 });
  await page.waitForLoadState("networkidle");
  await sleep(1000);
  const seen = await page.evaluate(() => ({
    paint: window.__chartPaint,
    from: window.__chartFrom,
    cls: window.__cls,
    // When each response ended, on the page's own clock (same origin: no Timing-Allow-Origin needed).
    responses: [...performance.getEntriesByType("navigation"), ...performance.getEntriesByType("resource")]
      .map((e) => ({ url: e.name, end: e.responseEnd, transferSize: e.transferSize, page: e.entryType === "navigation" })),
  }));
  await context.close();
  // Bytes before the chart: the page's HTML (a pre-rendered chart may be painted
  // while the parser still streams it) and every other response that had ended
  // by the time the chart was on screen (resource timing's responseEnd, the same
  // clock as the paint, so no conversion from CDP's monotonic timestamps), each
  // counted as CDP counted it, like the transfer column; resource timing's
  // transferSize only if no CDP record has the URL.
  const pool = [...finished];
  let beforeChart = 0;
  for (const r of seen.responses) {
    const i = pool.findIndex((f) => f.url === r.url);
    const bytes = i >= 0 ? pool.splice(i, 1)[0].bytes : r.transferSize;
    if (r.page || (r.end > 0 && r.end <= seen.paint)) beforeChart += bytes;
  }
  return {
    bytes: finished.reduce((s, f) => s + f.bytes, 0),
    paint: seen.paint,
    from: seen.from,
    cls: seen.cls,
    beforeChart,
  };
}

// Where to point, and whether the chart has answered, looked at from the page.
// The chart is the page's first chart element, brought on screen if it is not.
// The tooltip: ECharts 5 appends it as a plain <div> (no class by default,
// TooltipHTMLContent) inside the chart's element, and shows it by setting an
// inline style of position:absolute; display:block with a visible text, and hides
// it with visibility:hidden; opacity:0. So: a child div of the chart element,
// holding no <svg>/<canvas> (the renderer's own layer is a sibling div holding
// the SVG), absolutely positioned, displayed, visible, opaque, with a box and a
// non-empty text. Where: with trigger "item" (ours and the reference's) only a
// data point answers, so once ECharts has the chart we point at the first
// series' point nearest 60 % across (convertToPixel); before, at 60 % across and
// half way down, which is over the chart and wakes a chart that loads on pointer.
const HOVER_STEP = () => {
  const chart = document.querySelector("[data-testid=chart]");
  if (!chart) return null;
  const tip = [...chart.children].find((el) => {
    if (el.tagName !== "DIV" || el.querySelector("svg, canvas") || !el.innerText.trim()) return false;
    const s = getComputedStyle(el);
    const box = el.getBoundingClientRect();
    return s.position === "absolute" && s.display !== "none" && s.visibility === "visible" && Number(s.opacity) > 0 && box.width > 0 && box.height > 0;
  });
  if (tip) return { answered: performance.now() };
  let box = chart.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  if (box.top < 0 || box.bottom > innerHeight) {
    chart.scrollIntoView({ block: "center" });
    box = chart.getBoundingClientRect();
  }
  const point = { x: box.left + 0.6 * box.width, y: box.top + 0.5 * box.height };
  try {
    const ec = globalThis.echarts?.getInstanceByDom(chart) ?? globalThis.echarts?.getInstanceByDom(chart.firstElementChild);
    const data = ec?.getOption()?.series?.[0]?.data ?? [];
    const dom = ec?.getDom().getBoundingClientRect();
    let best = Infinity;
    data.forEach((d, i) => {
      const v = d !== null && typeof d === "object" && !Array.isArray(d) ? d.value : d;
      const xy = Array.isArray(v) ? v : [i, v];
      if (typeof xy[1] !== "number") return;
      const [x, y] = ec.convertToPixel({ seriesIndex: 0 }, xy) ?? [];
      if (!Number.isFinite(x) || !Number.isFinite(y)) return;
      const off = Math.abs(dom.left + x - (box.left + 0.6 * box.width));
      if (off < best) {
        best = off;
        Object.assign(point, { x: dom.left + x, y: dom.top + y });
      }
    });
  } catch {
    // Not drawn yet: keep pointing at the box.
  }
  return point;
};

/**
 * One load with the pointer on the chart from the start: every ~50 ms the mouse
 * moves to the chart's point, one pixel to either side in turn so that each is a
 * move, until a tooltip shows. Returns performance.now() when it is seen (right
 * after the move that brought it; the steps are ~50 ms apart), or null if none
 * showed in 120 s.
 */
async function hover(browser, url) {
  const { context, page } = await open(browser);
  await page.goto(url, { waitUntil: "commit", timeout: 120000 });
  const deadline = Date.now() + HOVER_TIMEOUT;
  let answered = null;
  let at = null;
  for (let k = 0; Date.now() < deadline; k++) {
    const step = Date.now();
    if (at) await page.mouse.move(at.x + (k % 2 ? 1 : -1), at.y);
    // Looked at right after the move (ECharts shows an item's tooltip within the
    // move's own event). The document may still be replacing its first context;
    // then just try again.
    at = await page.evaluate(HOVER_STEP).catch(() => null);
    if (at?.answered) {
      answered = at.answered;
      break;
    }
    await sleep(Math.max(0, HOVER_EVERY - (Date.now() - step)));
  }
  await context.close();
  return answered;
}

const median = (xs) => {
  const v = xs.filter((x) => x != null).sort((a, b) => a - b);
  return v.length ? v[Math.floor(v.length / 2)] : null;
};
const kb = (n) => (n / 1024).toFixed(1);

const server = await startServer();
const browser = await launch();
const results = Object.fromEntries(PAGES.map(({ key }) => [key, []]));
for (let run = 0; run < RUNS; run++) {
  for (const { key, rel } of PAGES) {
    const load = await measure(browser, server.url(rel));
    load.hover = await hover(browser, server.url(rel));
    results[key].push(load);
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
  const audit = (id) => report.audits[id];
  return {
    score: Math.round(report.categories.performance.score * 100),
    lcp: audit("largest-contentful-paint").displayValue,
    tbt: audit("total-blocking-time").numericValue,
    cls: audit("cumulative-layout-shift").numericValue,
  };
}
const scores = {};
if (LIGHTHOUSE) {
  for (const { key, rel } of LIGHTHOUSE_PAGES) {
    const runs = [];
    for (let i = 0; i < 3; i++) runs.push(await lighthouse(server.url(rel)));
    const middle = [...runs].sort((a, b) => a.score - b.score)[1];
    scores[key] = { all: runs.map((r) => r.score), ...middle };
    process.stdout.write("L");
  }
  console.log();
}
await server.close();

// Sizes behind the levers.
const size = (path) => {
  const raw = readFileSync(path);
  return { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length, br: brotliCompressSync(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
};
const top = readdirSync(DIST);
const lever = (label, path) => ({ label, ...size(path) });
const islandsWasm = lever("wasm, the site's build (islands: every page, embeds too)", join(DIST, top.find((f) => /^gansu-eco-islands-.*_bg\.wasm$/.test(f))));
const embedWasm = lever("wasm, the embed's build (only for its table, another release, a city's series)", join(DIST, top.find((f) => /^gansu-eco-embed-.*_bg\.wasm$/.test(f))));
const levers = [
  lever("ECharts, full build (echarts.min.js 5.6.0)", join(ROOT, "node_modules/echarts/dist/echarts.min.js")),
  lever("ECharts, the site's subset (scripts/echarts-entry.js)", join(DIST, echartsFile)),
  islandsWasm,
  embedWasm,
  lever("data: the overview (every indicator, no notes)", join(DIST, `data/${release}/overview.json`)),
  lever("data: one indicator in full (AIR-02)", join(DIST, `data/${release}/indicators/AIR-02.json`)),
  lever("data: the whole dataset in one file", join(DIST, `data/${release}/gansu-eco-indicators.json`)),
];

// Per page, the medians the tables and the targets read.
const ref = median(results.reference.map((r) => r.paint));
const refHover = median(results.reference.map((r) => r.hover));
const stats = Object.fromEntries(PAGES.map(({ key }) => {
  const r = results[key];
  const paint = median(r.map((x) => x.paint));
  const hovered = median(r.map((x) => x.hover));
  return [key, {
    bytes: median(r.map((x) => x.bytes)),
    beforeChart: median(r.map((x) => x.beforeChart)),
    paint, paintRatio: paint / ref,
    hover: hovered, hoverRatio: hovered == null || refHover == null ? null : hovered / refHover,
    cls: median(r.map((x) => x.cls)),
  }];
}));
const nameOf = Object.fromEntries([...PAGES, ...LIGHTHOUSE_PAGES].map((p) => [p.key, p.name]));

// Issue #11's targets: each with the figure per page and whether every page meets it.
const targets = [];
function target(label, keys, value, show, ok) {
  const got = keys.map((k) => [k, value(k)]).filter(([, v]) => v != null);
  if (!got.length) return targets.push(`| ${label} | not measured in this run | — |`);
  const missed = got.filter(([, v]) => !ok(v)).map(([k]) => nameOf[k] ?? k);
  const figures = got.map(([k, v]) => (keys.length > 1 ? `${nameOf[k] ?? k} ${show(v)}` : show(v))).join("; ");
  const unmeasured = keys.length - got.length ? ` (${keys.length - got.length} not measured)` : "";
  targets.push(`| ${label} | ${figures}${unmeasured} | ${missed.length ? `not met (${missed.join(", ")})` : "met"} |`);
}
const ours = ["overview", "indicator", "embed"];
const fixed = (d) => (v) => v.toFixed(d);
target("First chart on screen ≤ 0.8× the reference", ours, (k) => stats[k]?.paintRatio, fixed(2), (v) => v <= 0.8);
target("Chart answers a hover ≤ 1.3× the reference", ours, (k) => stats[k]?.hoverRatio, fixed(2), (v) => v <= 1.3);
target("Lighthouse performance ≥ 95", ["overview", "area", "indicator"], (k) => scores[k]?.score, String, (v) => v >= 95);
target("Lighthouse performance ≥ 98 (embed)", ["embed"], (k) => scores[k]?.score, String, (v) => v >= 98);
target("CLS ≤ 0.01 (these runs, median)", ours, (k) => stats[k]?.cls, fixed(3), (v) => v <= 0.01);
target("CLS ≤ 0.01 (Lighthouse)", ["overview", "area", "indicator", "embed"], (k) => scores[k]?.cls, fixed(3), (v) => v <= 0.01);
target("TBT ≤ 150 ms (Lighthouse)", ["overview", "area", "indicator", "embed"], (k) => scores[k]?.tbt, (v) => `${v.toFixed(0)} ms`, (v) => v <= 150);
target("Bytes before the first chart ≤ 60 KB", ours, (k) => stats[k]?.beforeChart, (v) => `${kb(v)} KB`, (v) => v <= 60 * 1024);
target("First load ≤ 400 KB (overview; area and indicator pages are held to it too)", ["overview", "area", "indicator"], (k) => stats[k]?.bytes, (v) => `${kb(v)} KB`, (v) => v <= 400 * 1024);
target("First load ≤ 300 KB (embed)", ["embed"], (k) => stats[k]?.bytes, (v) => `${kb(v)} KB`, (v) => v <= 300 * 1024);
// Every page loads the site's build; an embed at an address its page was not rendered for, the embed's too.
nameOf["islands wasm"] = "site's build (islands: every page, embeds too)";
nameOf["embed wasm"] = "embed's build (an embed's table, another release, a city's series)";
const wasmOf = { "islands wasm": islandsWasm, "embed wasm": embedWasm };
target("Site wasm ≤ 220 KB brotli (every wasm file shipped)", ["islands wasm", "embed wasm"], (k) => wasmOf[k].br, (v) => `${kb(v)} KB`, (v) => v <= 220 * 1024);

const chromium = execFileSync("/usr/bin/chromium", ["--version"], { stdio: ["ignore", "pipe", "ignore"] }).toString().trim();
const cpu = os.cpus()[0]?.model ?? "unknown CPU";
const ms = (v) => (v == null ? "—" : v.toFixed(0));
const ratio = (v) => (v == null || !Number.isFinite(v) ? "—" : v.toFixed(2));
const spread = (xs) => {
  const v = xs.filter((x) => x != null);
  return v.length ? `${Math.min(...v).toFixed(0)}–${Math.max(...v).toFixed(0)}` : "—";
};
const lines = [];
lines.push("# Performance report", "");
lines.push(`Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC by \`node bench/run.mjs${args.length ? ` ${args.join(" ")}` : ""}\` on ${cpu} (${os.cpus().length} cores), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}, ${chromium}, Node ${process.version}.`);
lines.push(`Data release ${release}. Each page loaded ${RUNS} times in a fresh browser context (cold cache) for the figures, and as many times again with the pointer on its chart for the hover, interleaved; CPU slowed ${CPU_SLOWDOWN}×; network: ${NETWORK.latency} ms latency, ${((NETWORK.downloadThroughput * 8) / 1024).toFixed(0)} kbit/s down (Lighthouse's slow 4G as DevTools applies it). Files served precompressed (brotli) like a CDN. Mobile viewport 412×823.`, "");
lines.push("## Targets (issue #11)", "", "| target | measured | |", "|---|---|---|", ...targets, "");
lines.push("## First load, first chart and first answer", "");
lines.push("| page | transfer KB | bytes before first chart KB | first chart on screen ms (median, spread) | ratio | chart answers hover ms (median, spread) | ratio | CLS |", "|---|---:|---:|---:|---:|---:|---:|---:|");
for (const { key, name } of PAGES) {
  const s = stats[key];
  const r = results[key];
  const missing = r.filter((x) => x.hover == null).length;
  const hoverCell = `${ms(s.hover)} (${spread(r.map((x) => x.hover))})${missing ? `, ${missing} of ${r.length} no answer in ${HOVER_TIMEOUT / 1000} s` : ""}`;
  lines.push(`| ${name} | ${kb(s.bytes)} | ${kb(s.beforeChart)} | ${ms(s.paint)} (${spread(r.map((x) => x.paint))}) | ${ratio(s.paintRatio)} | ${hoverCell} | ${ratio(s.hoverRatio)} | ${s.cls.toFixed(3)} |`);
}
const fromHtml = PAGES.map(({ key, name }) => [name, results[key].filter((x) => x.from === "HTML").length]).filter(([, n]) => n);
lines.push(
  "",
  "All times from navigation start, medians over the runs; ratios are to the reference's medians from the same runs.",
  "- Transfer: every byte over the wire (compressed bodies and headers, as Chromium's network counts them) until 1 s after the network went idle (no request for 500 ms).",
  "- Bytes before first chart: the same count for the page's HTML and the responses that had ended (resource timing's responseEnd) by the time the first chart was on screen.",
  "- First chart on screen: two frames after the first `<svg>` with drawn marks appears in a chart element, whether ECharts drew it or it came pre-rendered in the HTML.",
  `- Chart answers hover: in separate loads, the mouse moves every ${HOVER_EVERY} ms over the first chart (on a data point once ECharts can say where one is) until ECharts' tooltip is visible.`,
  "- CLS: the sum of layout shifts without recent input (Layout Instability API), in the loads without input, until 1 s after the network went idle.",
  fromHtml.length
    ? `\nFirst chart from the HTML (pre-rendered SVG) rather than drawn by ECharts: ${fromHtml.map(([n, c]) => `${n} ${c} of ${RUNS}`).join(", ")}.`
    : "\nIn every run the first chart on screen was drawn by ECharts (none came pre-rendered in the HTML).",
  "",
);
if (Object.keys(scores).length) {
  lines.push("## Lighthouse 12.2.3 (mobile, simulated throttling)", "", "| page | performance score (median of 3) | all runs | LCP | TBT | CLS |", "|---|---:|---|---|---|---:|");
  for (const { key, name } of LIGHTHOUSE_PAGES) {
    const s = scores[key];
    lines.push(`| ${name} | ${s.score} | ${s.all.join(", ")} | ${s.lcp} | ${s.tbt.toFixed(0)} ms | ${s.cls.toFixed(3)} |`);
  }
  lines.push("", "LCP, TBT and CLS are those of the run with the median score.", "");
}
lines.push("## Sizes behind the levers", "", "| file | raw KB | gzip KB | brotli KB |", "|---|---:|---:|---:|");
for (const l of levers) lines.push(`| ${l.label} | ${kb(l.raw)} | ${kb(l.gz)} | ${kb(l.br)} |`);
lines.push("");

// The wasm by crate before issue #11's change (saved by bench/twiggy.mjs) beside this build's.
lines.push("## wasm by crate, before / after", "");
const beforeFile = join(ROOT, "bench/TWIGGY-BEFORE.md");
const before = existsSync(beforeFile) ? readTwiggyData(readFileSync(beforeFile, "utf8")) : null;
let after = null;
try {
  after = twiggyReport().data;
} catch (e) {
  lines.push(`This build could not be read by twiggy: ${e.message.split("\n")[0]}`, "");
}
if (after) {
  lines.push(
    `Before: bench/TWIGGY-BEFORE.md${before ? "" : " (missing: run `node bench/twiggy.mjs --out bench/TWIGGY-BEFORE.md` on the earlier build)"}; after: this build, by \`node bench/twiggy.mjs\` (its full tables: run it). Shallow bytes of code and data summed by crate (heuristic in bench/twiggy.mjs), custom sections left out.`,
    "",
  );
  for (const now of after) {
    const was = before?.find((b) => b.bin === (now.before ?? now.bin));
    const fmt = (n) => (n == null ? "—" : kb(n));
    lines.push(`### ${now.label} (\`${now.bin}\`${was && was.bin !== now.bin ? `; before: \`${was.bin}\`` : ""})`, "");
    lines.push(`Shipped, brotli: ${was ? `${kb(was.shippedBr)} KB before, ` : ""}${kb(now.shippedBr)} KB now (raw ${was ? `${kb(was.shippedRaw)} → ` : ""}${kb(now.shippedRaw)} KB).`);
    lines.push(`Read now: \`${now.read}\`, ${now.why}.${was && was.read !== now.read ? ` Read before: \`${was.read}\`.` : ""}`, "");
    lines.push("| crate | before KB | after KB | change KB |", "|---|---:|---:|---:|");
    const names = [...new Set([...Object.keys(now.crates), ...Object.keys(was?.crates ?? {})])];
    const big = (c) => Math.max(now.crates[c] ?? 0, was?.crates[c] ?? 0);
    names.sort((a, b) => big(b) - big(a));
    const row = (label, a, b) => `| ${label} | ${fmt(a)} | ${fmt(b)} | ${a == null || b == null ? "—" : `${b - a >= 0 ? "+" : ""}${kb(b - a)}`} |`;
    const sum = (obj, list) => (obj ? list.reduce((s, c) => s + (obj[c] ?? 0), 0) : null);
    for (const c of names.slice(0, 15)) lines.push(row(c, was ? (was.crates[c] ?? 0) : null, now.crates[c] ?? 0));
    const rest = names.slice(15);
    if (rest.length) lines.push(row(`other (${rest.length})`, sum(was?.crates, rest), sum(now.crates, rest)));
    lines.push(row("**total**", was?.total ?? null, now.total), "");
  }
}

// The wasm levers need several full builds; bench/wasm-levers.sh measures them apart.
const leversFile = join(ROOT, "bench/WASM-LEVERS.md");
if (existsSync(leversFile)) {
  lines.push("## wasm levers (`bench/wasm-levers.sh`)", "", readFileSync(leversFile, "utf8").trim(), "");
}
writeFileSync(join(ROOT, "bench/REPORT.md"), lines.join("\n") + "\n");
console.log(lines.join("\n"));
