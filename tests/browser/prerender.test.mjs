// Every page is in its HTML (issue 11): rendered at build time by the site's own
// views, readable with script off, then its islands woken in place without a
// mismatch, a changed word or a layout shift.
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { BASE, DIST, openPage, overview, readDist, routePages, startServer, useSite, wakesAs } from "./harness.mjs";

const site = useSite();

/** The kind of page a route is, by its path. */
const kindOf = (rel) => rel.replace(/^en\//, "").split("/")[0] || "overview";

test("with script off, every route in both languages shows its content, and every link leads to a page", async () => {
  const routes = routePages();
  assert.ok(routes.length > 300, `${routes.length} pages`);
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 800 } });
  const page = await context.newPage();
  const links = new Set();
  for (const rel of routes) {
    await page.goto(site.server.url(rel));
    const where = rel || "(overview)";
    assert.equal(await page.locator(".loading").count(), 0, `${where}: no loading notice`);
    assert.ok((await page.locator("h1").first().innerText()).trim().length > 0, `${where}: a heading`);
    const kind = kindOf(rel);
    if (kind === "indicator") {
      // Headline sentence, figures, the table (its tab's panel, shown without script) and the sources.
      for (const id of ["sentence", "milestone-latest", "sources", "status-name"]) {
        assert.ok(await page.getByTestId(id).first().isVisible(), `${where}: ${id} visible`);
      }
      assert.ok(await page.locator(".views table").first().isVisible(), `${where}: the data table is shown`);
      assert.ok(await page.locator(".chart-picture").first().isVisible(), `${where}: the chart's picture`);
      assert.equal(await page.getByTestId("tab-table").isVisible(), false, `${where}: no tabs that need script`);
    } else if (kind === "embed") {
      assert.ok(await page.getByTestId("sentence").isVisible(), `${where}: the embed's sentence`);
      assert.ok(await page.getByTestId("embed-source").isVisible(), `${where}: the source line`);
      assert.ok(await page.locator(".chart-picture").first().isVisible(), `${where}: the chart's picture`);
    } else if (kind === "overview") {
      assert.equal(await page.getByTestId("area-card").count(), 7, `${where}: every area`);
      // Search degrades to the full list.
      assert.equal(await page.locator("[data-testid=search-results] li").count(), overview().indicators.length, `${where}: every indicator listed`);
    } else if (kind === "area") {
      assert.ok((await page.locator("[data-testid=indicator-card], .card").count()) > 0, `${where}: its indicators`);
    } else if (kind === "cities") {
      // Every indicator's comparison in every year it has figures for, each under its
      // heading: the script shows the one the address asks for.
      const years = (i) => new Set(i.breakdown.flatMap((s) => s.values.map((v) => v.year))).size;
      const expected = overview().indicators.filter((i) => i.breakdown?.length).reduce((n, i) => n + years(i), 0);
      const sections = page.locator("section.comparison");
      assert.equal(await sections.count(), expected, `${where}: every comparison`);
      assert.ok(await sections.last().isVisible(), `${where}: the comparisons the script hides are shown`);
      assert.equal(await sections.last().getByTestId("comparison-row").count() >= 14, true, `${where}: with its table`);
    } else if (kind === "city") {
      assert.ok((await page.getByTestId("city-lead").innerText()).length > 0, `${where}: the city's lead`);
    } else if (kind === "about") {
      assert.ok((await page.getByTestId("citation").innerText()).length > 0, `${where}: how to cite`);
    } else if (kind === "changes") {
      assert.ok((await page.locator("main h2").count()) > 0, `${where}: the releases`);
    }
    for (const href of await page.locator("main a[href], header a[href]").evaluateAll((as) => as.map((a) => a.href))) {
      links.add(href);
    }
  }
  await context.close();
  // Every link to a page of the site is a real file on the host (no rewrites needed).
  const origin = site.server.origin;
  const broken = [...links]
    .filter((u) => u.startsWith(origin + BASE))
    .map((u) => decodeURIComponent(new URL(u).pathname.slice(BASE.length)))
    .filter((p) => !existsSync(join(DIST, p)) && !existsSync(join(DIST, p, "index.html")));
  assert.deepEqual([...new Set(broken)], [], "links to missing pages");
});

/** A `YYYY-MM-DD` day as the pages write it, in Chinese and in English (i18n::date). */
const spelled = (iso) => {
  const [y, m, d] = iso.split("-").map(Number);
  const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][m - 1];
  return [`${y}年${m}月${d}日`, `${d} ${month} ${y}`];
};

/** Visible words of the page's main content, as a reader sees them. */
const mainText = (page) => page.locator("main").first().innerText();

test("the rendered page and the woken page show the same words and numbers, and the page wakes without a mismatch", async () => {
  const ids = overview().indicators.map((i) => i.id);
  const sample = ["", "area/air/", "about/", "changes/", "cities/", "city/620100/", "city/620900/", "embed/AIR-02/", "embed/WAT-03/"]
    .concat(ids.filter((_, i) => i % 8 === 0).map((id) => `indicator/${id}/`));
  const nojs = await site.browser.newContext({ javaScriptEnabled: false });
  const still = await nojs.newPage();
  const { page, problems, context } = await openPage(site.browser, site.server.origin);
  for (const rel of sample.flatMap((r) => [r, `en/${r}`])) {
    await still.goto(site.server.url(rel));
    // Without script the view behind the other tab shows too; the woken page hides it.
    // So does every comparison of the cities' page but the one the address asks for.
    await still.evaluate(() => document.querySelectorAll(".views .view[hidden], section.comparison[hidden]").forEach((v) => v.remove()));
    const rendered = await mainText(still);
    await page.goto(site.server.url(rel));
    await page.waitForFunction(() => document.documentElement.dataset.app, null, { timeout: 15000 });
    assert.equal(await page.locator("html").getAttribute("data-app"), wakesAs(rel), `${rel}: woken in place`);
    // Script-only controls are hidden without script (noscript.css); compare what both show.
    // Once awake, copied addresses name the address the site is really at, not the build's.
    let woken = (await mainText(page)).replaceAll(site.server.url(""), "http://127.0.0.1:8080/gansu/");
    // ... and the reader's day (a citation's access date), not the build's: compare as of the build's.
    const [today, built] = await page.evaluate(() => [new Date().toISOString().slice(0, 10), document.querySelector("meta[name=rendered-on]")?.content]);
    if (built) spelled(today).forEach((day, i) => (woken = woken.replaceAll(day, spelled(built)[i])));
    const words = (t) => t.split(/\s+/).filter(Boolean);
    const missing = words(rendered).filter((w) => !woken.includes(w));
    assert.deepEqual(missing, [], `${rel}: words of the rendered page missing once woken`);
    const numbers = (t) => (t.match(/\d+(?:\.\d+)?/g) ?? []).join(" ");
    assert.equal(numbers(woken).includes(numbers(rendered)) || numbers(rendered) === numbers(woken), true, `${rel}: the same numbers`);
    assert.deepEqual(problems.consoleErrors, [], `${rel}: console errors (a hydration mismatch is one)`);
    assert.deepEqual(problems.pageErrors, [], `${rel}: page errors`);
  }
  await nojs.close();
  await context.close();
});

test("a view in the query applies once awake; a host's 404 page opens the page its address names", async () => {
  const { page, problems, context } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("indicator/AIR-02/?view=table"));
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  await page.locator(".views table").waitFor({ state: "visible" });
  assert.equal(await page.locator(".indicator__chart").isVisible(), false, "the chart's view is hidden");
  // A host's 404 page answers at any path: at no page's address, it is the not-found page.
  const notFound = await page.goto(site.server.url("area/no-such-area/"));
  assert.equal(notFound.status(), 404);
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  assert.match(await page.locator("h1").innerText(), /找不到|not found/i);
  assert.equal(new URL(page.url()).pathname, `${BASE}area/no-such-area/`, "it stays where it is");
  // A host that serves no folder's index.html answers every page's address with its 404
  // page, which opens the page's own file, query kept; a file that is not there stays not found.
  const notFoundPage = readDist("404.html");
  const host = await startServer({
    intercept: (rel) => (rel === "" || rel.endsWith("/") ? { status: 404, type: "text/html; charset=utf-8", body: notFoundPage } : null),
  });
  await page.goto(host.url("en/indicator/AIR-02/?view=table"));
  await page.waitForURL(host.url("en/indicator/AIR-02/index.html?view=table"));
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  await page.locator(".views table").waitFor({ state: "visible" });
  assert.match(await page.locator("h1").innerText(), /PM2\.5/);
  await page.goto(host.url("indicator/ZZZ-99/"));
  await page.waitForURL(host.url("indicator/ZZZ-99/index.html"));
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  assert.match(await page.locator("h1").innerText(), /找不到/);
  await host.close();
  // A city's series embed is not the province's rendered embed: drawn afresh with its own data.
  await page.goto(site.server.url("embed/AIR-02/?place=620100"));
  await page.waitForFunction(() => document.documentElement.dataset.app);
  assert.equal(await page.locator("html").getAttribute("data-app"), "drawn");
  await page.getByTestId("embed-source").waitFor();
  assert.equal(await page.getByTestId("load-error").count(), 0, "its series read");
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

/** Records the page's layout shifts not caused by input (Layout Instability API), from its start. */
const watchShifts = (page) =>
  page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: "layout-shift", buffered: true });
  });

/** The layout shift recorded so far (CLS). */
const shifted = (page) => page.evaluate(() => window.__shifts.reduce((a, b) => a + b, 0));

test("nothing moves while a page wakes or a chart's picture becomes ECharts (CLS ≤ 0.01)", async () => {
  for (const width of [360, 1280]) {
    for (const rel of ["", "area/air/", "indicator/AIR-02/", "en/indicator/WAT-03/", "embed/AIR-02/", "city/620100/"]) {
      const { page, context } = await openPage(site.browser, site.server.origin, { width, height: 800 });
      await watchShifts(page);
      await page.goto(site.server.url(rel));
      await page.waitForFunction((as) => document.documentElement.dataset.app === as, wakesAs(rel), { timeout: 15000 });
      // A reader points at the first chart: ECharts loads and takes over its box.
      const chart = page.locator("[data-testid=chart]").first();
      if (await chart.isVisible()) {
        await chart.scrollIntoViewIfNeeded();
        const box = await chart.boundingBox();
        await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
        await page.waitForSelector("[data-testid=chart][data-rendered=true]", { timeout: 15000 });
      }
      await page.waitForTimeout(300);
      const cls = await shifted(page);
      assert.ok(cls <= 0.01, `${rel} at ${width} px: CLS ${cls.toFixed(4)}`);
      await context.close();
    }
  }
});

/** Where the first chart's first data point is, once ECharts draws the chart (null before). */
const firstPoint = () => {
  const el = document.querySelector("[data-testid=chart]");
  const chart = globalThis.echarts?.getInstanceByDom(el);
  if (!chart) return null;
  const dom = el.getBoundingClientRect();
  const data = chart.getOption().series[0].data;
  for (let i = data.length - 1; i >= 0; i--) {
    const d = data[i];
    const v = d !== null && typeof d === "object" && !Array.isArray(d) ? d.value : d;
    const xy = Array.isArray(v) ? v : [i, v];
    if (typeof xy[1] !== "number") continue;
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, xy);
    return { x: dom.left + x, y: dom.top + y };
  }
  return null;
};

/** Whether the first chart shows a tooltip with words in it. */
const tooltipShown = () =>
  [...document.querySelector("[data-testid=chart]").querySelectorAll(":scope > div")].some((el) => {
    if (el.querySelector("svg") || !el.innerText.trim()) return false;
    const s = getComputedStyle(el);
    return s.display !== "none" && s.visibility === "visible" && Number(s.opacity) > 0;
  });

test("a chart answers a reader before the wasm has woken the page, and the wasm's chart takes over from it", async () => {
  for (const rel of ["indicator/AIR-02/", "embed/AIR-02/"]) {
    const { page, problems, context } = await openPage(site.browser, site.server.origin);
    // The wasm is held back until the chart has answered.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    await page.route(/_bg\.wasm$/, async (route) => {
      await held;
      await route.continue();
    });
    await watchShifts(page);
    await page.goto(site.server.url(rel));
    const chart = page.locator("[data-testid=chart]").first();
    await chart.scrollIntoViewIfNeeded();
    const box = await chart.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(firstPoint, null, { timeout: 15000 });
    assert.equal(await chart.locator(".chart-picture").count(), 0, `${rel}: the picture gave way to ECharts`);
    const point = await page.evaluate(firstPoint);
    for (let k = 0; k < 20 && !(await page.evaluate(tooltipShown)); k++) {
      await page.mouse.move(point.x + (k % 2 ? 1 : -1), point.y);
      await page.waitForTimeout(100);
    }
    assert.ok(await page.evaluate(tooltipShown), `${rel}: the chart answers a hover`);
    assert.equal(await page.locator("html").getAttribute("data-app"), null, `${rel}: before the wasm woke`);
    // The wasm wakes, and its chart host draws the chart in its place: one chart in the box.
    release();
    await page.waitForFunction((woken) => document.documentElement.dataset.app === woken, wakesAs(rel), { timeout: 15000 });
    await page.mouse.move(point.x + 2, point.y);
    await page.waitForSelector("[data-testid=chart][data-rendered=true]", { timeout: 15000 });
    assert.equal(await chart.locator(":scope > div > svg").count(), 1, `${rel}: one drawing in the box`);
    assert.ok(await page.evaluate(firstPoint), `${rel}: the chart host's chart is ECharts'`);
    const cls = await shifted(page);
    assert.ok(cls <= 0.01, `${rel}: nothing moved (CLS ${cls.toFixed(4)})`);
    assert.deepEqual(problems.pageErrors, [], rel);
    assert.deepEqual(problems.consoleErrors, [], rel);
    await context.close();
  }
  // A reader in dark mode keeps the picture until the wasm draws the chart in their look.
  const { page, context } = await openPage(site.browser, site.server.origin, { colorScheme: "dark" });
  await page.route(/_bg\.wasm$/, (route) => route.abort());
  await page.goto(site.server.url("indicator/AIR-02/"));
  const chart = page.locator("[data-testid=chart]").first();
  const box = await chart.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.waitForTimeout(1500);
  assert.equal(await chart.locator(".chart-picture").count() > 0, true, "dark mode: the picture stays");
  assert.equal(await page.evaluate(firstPoint), null, "dark mode: not drawn in the picture's look");
  await context.close();
});

test("every page wakes only its interactive parts; an embed's table is drawn by the embed's own build", async () => {
  // Which pages the islands build wakes: every route, in both languages (an embed too;
  // its own build draws only the addresses its page was not rendered for).
  const areas = [...new Set(overview().indicators.map((i) => i.area))];
  const ids = overview().indicators.map((i) => i.id);
  const cities = routePages().filter((rel) => /^city\/\d{6}\/$/.test(rel));
  assert.equal(cities.length, 14, `the 14 cities and prefectures: ${cities}`);
  const kinds = (p) => [p, `${p}about/`, `${p}changes/`, `${p}cities/`, ...cities.map((c) => `${p}${c}`), ...areas.map((a) => `${p}area/${a}/`), ...ids.map((id) => `${p}indicator/${id}/`), ...ids.map((id) => `${p}embed/${id}/`)];
  const expected = ["", "en/"].flatMap(kinds);
  const islands = routePages().filter((rel) => wakesAs(rel) === "islands");
  assert.deepEqual(islands.sort(), expected.sort());
  const { page, problems, context } = await openPage(site.browser, site.server.origin);
  const requested = [];
  page.on("request", (r) => requested.push(new URL(r.url()).pathname.slice(BASE.length)));
  // Each kind of page in both languages.
  const sample = ["", "en/"].flatMap((p) => [p, `${p}about/`, `${p}changes/`, `${p}area/${areas[0]}/`, `${p}indicator/${ids[0]}/`, `${p}cities/`, `${p}${cities[0]}`]);
  for (const rel of sample) {
    requested.length = 0;
    await page.goto(site.server.url(rel));
    await page.waitForFunction(() => document.documentElement.dataset.app, null, { timeout: 15000 });
    assert.equal(await page.locator("html").getAttribute("data-app"), "islands", rel);
    // Its wasm is the islands build's; no data file is read: the page holds what its islands show.
    assert.ok(requested.some((f) => /^gansu-eco-islands-.*\.wasm$/.test(f)), `${rel}: ${requested}`);
    assert.deepEqual(requested.filter((f) => /^gansu-eco-embed-|^data\//.test(f)), [], `${rel}: nothing else`);
    // The display choices wake on every page.
    const large = page.getByTestId("large-text");
    await large.click();
    assert.equal(await page.locator("html").getAttribute("data-text"), "large", `${rel}: larger text`);
    assert.equal(await large.getAttribute("aria-pressed"), "true");
    await large.click();
    assert.equal(await page.locator("html").getAttribute("data-text"), null);
  }
  // The citation names the address the site is really at, and the reader's day.
  await page.goto(site.server.url("en/about/"));
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  // The day as the English citation writes it ("6 Dec 2026"), in UTC like the page's
  // clock (Site::today_iso). Not the ISO date: that is also the release's name on a
  // site built today, which made an earlier version of this check pass by coincidence.
  const today = await page.evaluate(() => {
    const d = new Date();
    const month = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"][d.getUTCMonth()];
    return `Accessed ${d.getUTCDate()} ${month} ${d.getUTCFullYear()}.`;
  });
  const citation = await page.getByTestId("citation").innerText();
  assert.ok(citation.includes(site.server.url("")) && citation.includes(today), `${today} in: ${citation}`);
  // A site page reads no data from its query: one naming a release or a city's series
  // (an embed's queries) is the page as rendered, its islands woken.
  const releases = JSON.parse(readDist("data/releases.json")).releases;
  const older = releases[releases.length - 1];
  for (const rel of [`en/?release=${older.release}`, `en/city/620100/?release=${older.release}`, "indicator/AIR-02/?place=620100"]) {
    requested.length = 0;
    await page.goto(site.server.url(rel));
    await page.waitForFunction(() => document.documentElement.dataset.app, null, { timeout: 15000 });
    assert.equal(await page.locator("html").getAttribute("data-app"), "islands", rel);
    assert.deepEqual(requested.filter((f) => /^gansu-eco-embed-|^data\//.test(f)), [], `${rel}: ${requested}`);
  }
  // An embed's chart wakes from its page too; its table is drawn by the embed's own build.
  requested.length = 0;
  await page.goto(site.server.url("en/embed/AIR-02/"));
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  assert.deepEqual(requested.filter((f) => /^gansu-eco-embed-|^data\//.test(f)), [], `an embed: ${requested}`);
  requested.length = 0;
  await page.goto(site.server.url("en/embed/AIR-02/?view=table"));
  await page.waitForFunction(() => document.documentElement.dataset.app === "drawn", null, { timeout: 20000 });
  await page.getByTestId("data-table").waitFor();
  assert.ok(requested.some((f) => /^gansu-eco-embed-.*\.wasm$/.test(f)), `the embed's build: ${requested}`);
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
