// Shared set-up for the browser tests: the built site served on loopback under a
// sub-path, headless Debian Chromium driven by playwright-core, and collectors
// for console errors and requests that leave the site's origin.
import { before, after } from "node:test";
import { chromium } from "playwright-core";
import { existsSync, mkdirSync, readFileSync, readdirSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { serve } from "../../scripts/serve.mjs";

export const DIST = join(import.meta.dirname, "../../dist");
export const BASE = "/gansu/";
export const ARTIFACTS = join(import.meta.dirname, "../../test-results");
mkdirSync(ARTIFACTS, { recursive: true });

/** Reads a file of the built site, e.g. data the page should show. */
export function readDist(rel) {
  return readFileSync(join(DIST, rel), "utf8");
}

export function currentRelease() {
  return JSON.parse(readDist("data/releases.json")).current;
}

/** One indicator file of the current release, as the site serves it. */
export function indicatorFile(id) {
  return JSON.parse(readDist(`data/${currentRelease()}/indicators/${id}.json`));
}

export function overview() {
  return JSON.parse(readDist(`data/${currentRelease()}/overview.json`));
}

/** Every page of the built site: each folder with an index.html, as a path under the root ("", "en/", "indicator/AIR-02/", …). */
export function routePages() {
  const found = [];
  const walk = (rel) => {
    if (existsSync(join(DIST, rel, "index.html"))) found.push(rel);
    for (const e of readdirSync(join(DIST, rel), { withFileTypes: true })) {
      if (e.isDirectory() && !(rel === "" && ["data", "charts"].includes(e.name))) walk(`${rel}${e.name}/`);
    }
  };
  walk("");
  return found;
}

/**
 * How the page at `rel` wakes once its wasm has run (`<html data-app>`), by the
 * wasm its HTML loads: "islands" when it is the site's build, which wakes only
 * its interactive parts (src/islands.rs). Every page's is; a page that names no
 * wasm, or another, is "not woken by the site's build" and fails the checks that ask.
 */
export function wakesAs(rel) {
  return /gansu-eco-islands-/.test(readDist(`${rel}index.html`)) ? "islands" : "not woken by the site's build";
}

/** Starts the static server on a free loopback port. */
export async function startServer(options = {}) {
  const server = await serve({ root: DIST, at: BASE, listenPort: 0, listenHost: "127.0.0.1", ...options });
  const { port } = server.address();
  const origin = `http://127.0.0.1:${port}`;
  const close = () => {
    server.closeAllConnections();
    return new Promise((ok) => server.close(ok));
  };
  return { origin, url: (rel = "") => `${origin}${BASE}${rel}`, close };
}

/**
 * The site served and a browser started before a test file's tests, both
 * stopped after them: `const site = useSite();` then `site.server`, `site.browser`.
 */
export function useSite() {
  const site = {};
  before(async () => {
    site.server = await startServer();
    site.browser = await launch();
  });
  after(async () => {
    await site.browser?.close();
    await site.server?.close();
  });
  return site;
}

export async function launch() {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      "--headless",
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--no-first-run",
    ],
  });
}

/**
 * Opens a page that records console errors, page errors and any request to
 * another origin than `origin`.
 */
export async function openPage(browser, origin, { width = 1280, height = 900, colorScheme = "light" } = {}) {
  const context = await browser.newContext({ viewport: { width, height }, colorScheme });
  const page = await context.newPage();
  const problems = { consoleErrors: [], pageErrors: [], foreignRequests: [] };
  page.on("console", (m) => {
    if (m.type() === "error") problems.consoleErrors.push(m.text());
  });
  page.on("pageerror", (e) => problems.pageErrors.push(e.message));
  page.on("request", (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith("data:") && !u.startsWith("blob:")) problems.foreignRequests.push(u);
  });
  return { page, context, problems };
}

/**
 * Waits until the chart in `scope` has been drawn by ECharts. A chart shows the
 * build's picture of it until a reader reaches for it (src/components/chart_host.rs),
 * so this points at it first, as a reader would.
 */
export async function waitForChart(page, scope = "") {
  await page.waitForFunction(() => document.documentElement.dataset.app, null, { timeout: 15000 });
  const chart = page.locator(`${scope} [data-testid=chart]`.trim()).first();
  await chart.scrollIntoViewIfNeeded();
  await chart.dispatchEvent("pointermove");
  const sel = `${scope} [data-testid=chart][data-rendered=true]`.trim();
  await page.waitForSelector(sel, { timeout: 15000 });
  return page.locator(sel).first();
}

export function screenshotPath(name) {
  return join(ARTIFACTS, `${name}.png`);
}

/**
 * Waits until the page has settled: the app has woken (`<html data-app>`, set
 * once its islands are awake, or an embed is drawn; before that the page is its build-time
 * render), no loading notice left, and every chart on screen drawn: by
 * ECharts, or still the build's picture of it (or showing its error).
 * A readiness condition, not a sleep.
 */
export async function settled(page) {
  await page.waitForFunction(() => {
    if (!document.documentElement.dataset.app || document.querySelector(".loading")) return false;
    const onScreen = (el) => {
      const r = el.getBoundingClientRect();
      return r.bottom > 0 && r.top < innerHeight && r.width > 0;
    };
    return [...document.querySelectorAll("[data-testid=chart]")]
      .filter(onScreen)
      .every((el) => el.dataset.rendered === "true" || el.querySelector(".chart-picture") || el.parentElement.parentElement.querySelector(".chart-error"));
  }, null, { timeout: 15000 });
}

/** Brings every chart of the page into view in turn and waits until ECharts has drawn it. */
export async function scrollThrough(page) {
  const charts = page.locator("[data-testid=chart]");
  const n = await charts.count();
  for (let i = 0; i < n; i++) {
    // A chart in a hidden view (the table's tab is open) is not drawn.
    if (!(await charts.nth(i).isVisible())) continue;
    await charts.nth(i).scrollIntoViewIfNeeded();
    await charts.nth(i).dispatchEvent("pointermove");
    await page.waitForFunction(
      (i) => document.querySelectorAll("[data-testid=chart]")[i]?.dataset.rendered === "true",
      i,
      { timeout: 15000 },
    );
  }
  await page.evaluate(() => window.scrollTo(0, 0));
}

/** Every axe-core violation, at any impact, of WCAG 2.0–2.2 A/AA and best practice. */
export async function axe(page) {
  await page.evaluate(readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8"));
  return page.evaluate(async () => {
    const tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"];
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
  });
}
