// The journalists' toolkit as a newsroom uses it: embeds on another origin that
// resize themselves, pinned releases, downloads read back from disk, citation,
// link-preview tags and the no-JavaScript fallback.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { currentRelease, indicatorFile, openPage, readDist, screenshotPath, startServer, useSite, waitForChart } from "./harness.mjs";

const site = useSite();

const detail = indicatorFile;

/** The embed code exactly as the indicator page offers it. */
async function snippetFor(page, id, lang = "en") {
  await page.goto(site.server.url(`${lang === "en" ? "en/" : ""}indicator/${id}/`));
  await waitForChart(page);
  return page.getByTestId("embed-code").inputValue();
}

/** A newsroom page on another origin (another loopback port) holding `html`. */
async function newsroom(html) {
  const host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Article</title></head><body>
      <script>window.heights = []; addEventListener("message", (e) => { if (e.data && e.data["datawrapper-height"]) heights.push(e.data["datawrapper-height"]); });</script>
      <h1>An article</h1>${html}<p>The end.</p></body></html>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  const close = () => {
    host.closeAllConnections();
    return new Promise((ok) => host.close(ok));
  };
  return { url: `http://127.0.0.1:${host.address().port}/article`, close };
}

test("two embeds on another origin render, report their height and resize", async (t) => {
  const { page: editor } = await openPage(site.browser, site.server.origin);
  // The snippet points at the site's own URL; the test serves it on a random port.
  const fix = (s) => s.replaceAll("http://127.0.0.1:8080/gansu/", site.server.url(""));
  const html = fix(await snippetFor(editor, "AIR-02")) + "\n" + fix(await snippetFor(editor, "WAT-01", "zh"));
  await editor.context().close();
  assert.match(html, /<iframe [^>]*title="[^"]+"[^>]*aria-label="[^"]+"[^>]*loading="lazy"/);

  const host = await newsroom(html);
  t.after(() => host.close());
  const { page, problems } = await openPage(site.browser, host.url.replace(/\/article$/, ""), { width: 800 });
  await page.goto(host.url);
  const frames = page.locator("iframe");
  assert.equal(await frames.count(), 2);
  for (const i of [0, 1]) {
    const frame = page.frameLocator("iframe").nth(i);
    // Woken: its chart shows the build's picture until a reader reaches for it.
    await frame.locator("html[data-app=islands]").waitFor({ state: "attached", timeout: 15000 });
    assert.equal(await frame.locator("[data-testid=chart] .chart-picture:visible").count(), 1, "one picture (a phone's or a desktop's)");
    assert.ok((await frame.locator(".embed__title").innerText()).length > 0);
  }
  await page.waitForFunction(() => window.heights.length >= 2);
  const keys = await page.evaluate(() => window.heights.flatMap((h) => Object.keys(h)));
  assert.ok(keys.includes("AIR-02") && keys.includes("WAT-01"), `messages name their embed: ${keys}`);
  await page.waitForFunction(() => [...document.querySelectorAll("iframe")].every((f) => f.style.height !== "480px"));
  for (const frame of await frames.all()) {
    const height = await frame.evaluate((f) => f.getBoundingClientRect().height);
    const content = await frame.evaluate((f) => f.contentWindow && 0);
    assert.ok(height > 300 && height < 900, `iframe resized to its content: ${height}px ${content}`);
  }
  assert.deepEqual(problems.pageErrors, []);
  assert.deepEqual(problems.consoleErrors, []);
  await page.context().close();
});

test("an embed fills 280 to 1200 px; screenshots at 320 and 800", async () => {
  for (const width of [280, 320, 800, 1200]) {
    const { page, problems } = await openPage(site.browser, site.server.origin, { width, height: 700 });
    await page.goto(site.server.url("en/embed/AIR-02/"));
    await waitForChart(page);
    const sw = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(sw <= width, `no sideways scroll at ${width}px (${sw})`);
    assert.equal(await page.locator("header, nav, footer").count(), 0, "no site navigation in an embed");
    const back = page.locator(".embed__source a");
    assert.equal(await back.getAttribute("target"), "_blank");
    assert.match(await back.getAttribute("href"), /^http:\/\/127\.0\.0\.1:\d+\/gansu\/en\/indicator\/AIR-02\/$/);
    if (width === 320 || width === 800) await page.screenshot({ path: screenshotPath(`embed-AIR-02-${width}`), fullPage: true });
    assert.deepEqual(problems.consoleErrors, []);
    await page.context().close();
  }
});

test("embed options: dark theme, table view", async () => {
  const { page } = await openPage(site.browser, site.server.origin, { width: 600 });
  await page.goto(site.server.url("embed/WAT-01/?theme=dark"));
  await waitForChart(page);
  assert.equal(await page.locator("html").getAttribute("data-theme"), "dark");
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.equal(bg, "rgb(18, 20, 23)");
  await page.goto(site.server.url("en/embed/WAT-01/?view=table&theme=light"));
  await page.getByTestId("data-table").waitFor();
  assert.equal(await page.getByTestId("data-table").locator("tbody tr").count(), detail("WAT-01").indicator.values.length + 1);
  await page.context().close();
});

test("a pinned embed shows its own release, not the current one", async (t) => {
  const old = detail("AIR-02");
  old.release = "2025-06-30";
  old.as_of = "2025-06-30";
  old.indicator.values = old.indicator.values.filter((v) => v.year <= 2022);
  const asked = [];
  const pinnedServer = await startServer({
    intercept: (rel) => {
      asked.push(rel);
      return rel === "data/2025-06-30/indicators/AIR-02.json" ? { body: JSON.stringify(old) } : null;
    },
  });
  t.after(() => pinnedServer.close());
  const { page } = await openPage(site.browser, pinnedServer.origin);
  await page.goto(pinnedServer.url("en/embed/AIR-02/?release=2025-06-30"));
  await waitForChart(page);
  assert.match(await page.getByTestId("sentence").innerText(), /In 2022, PM2\.5 annual mean concentration was 26 μg\/m³/);
  assert.match(await page.getByTestId("embed-source").innerText(), /30 Jun 2025/);
  assert.ok(asked.includes("data/2025-06-30/indicators/AIR-02.json"), `read the pinned release: ${asked}`);
  await page.context().close();
});

/** Width and height from a PNG's IHDR chunk. */
function pngSize(buf) {
  assert.equal(buf.subarray(1, 4).toString(), "PNG");
  return { width: buf.readUInt32BE(16), height: buf.readUInt32BE(20) };
}

function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\n") { row.push(field.replace(/\r$/, "")); rows.push(row); row = []; field = ""; }
    else field += c;
  }
  return rows;
}

test("downloads: the CSV rows equal the JSON values; PNG and SVG pictures", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("en/indicator/AIR-01/"));
  await waitForChart(page);
  await page.locator(".share__part > summary").nth(1).click();

  const [csvDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-csv").click()]);
  const csv = readFileSync(await csvDownload.path(), "utf8");
  assert.ok(csv.startsWith("\uFEFF"), "UTF-8 with BOM for Excel");
  const [header, ...rows] = parseCsv(csv.slice(1));
  const col = (name) => header.indexOf(name);
  const { indicator } = detail("AIR-01");
  const values = rows.filter((r) => r[col("row")] === "value");
  assert.equal(values.length, indicator.values.length);
  indicator.values.forEach((v, i) => {
    assert.equal(values[i][col("year")], String(v.year));
    assert.equal(values[i][col("value")], v.value === undefined ? "" : String(v.value));
    assert.equal(values[i][col("source")], v.source);
    assert.equal(values[i][col("basis")], v.basis ?? indicator.headline_basis ?? "");
    assert.equal(values[i][col("unit")], indicator.unit);
  });
  assert.equal(rows.filter((r) => r[col("row")] === "baseline")[0][col("value")], String(indicator.baseline.value));
  assert.equal(rows.filter((r) => r[col("row")] === "target")[0][col("value")], String(indicator.target.value));

  const [jsonDownload] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-json").click()]);
  assert.deepEqual(JSON.parse(readFileSync(await jsonDownload.path(), "utf8")), detail("AIR-01"));

  const [png] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-png").click()]);
  assert.match(png.suggestedFilename(), /^AIR-01-\d{4}-\d{2}-\d{2}\.png$/);
  const pngBuf = readFileSync(await png.path());
  assert.deepEqual(pngSize(pngBuf), { width: 1920, height: 1200 });
  assert.ok(pngBuf.length > 20000, `PNG is not empty: ${pngBuf.length} bytes`);

  const [svg] = await Promise.all([page.waitForEvent("download"), page.getByTestId("download-svg").click()]);
  const svgText = readFileSync(await svg.path(), "utf8");
  assert.match(svgText, /^<svg/);
  for (const expected of [indicator.name.en, "updated", "Gansu eco-environment goals"]) {
    assert.ok(svgText.includes(expected), `the picture carries "${expected}"`);
  }
  await page.context().close();
});

test("the whole dataset downloads as CSV and JSON with every indicator", async () => {
  const release = currentRelease();
  const all = JSON.parse(readDist(`data/${release}/gansu-eco-indicators.json`));
  const csv = readDist(`data/${release}/gansu-eco-indicators.csv`);
  const [header, ...rows] = parseCsv(csv.slice(1));
  const ids = new Set(rows.map((r) => r[header.indexOf("id")]));
  assert.equal(ids.size, all.indicators.length);
  // The province's figures, targets and statements, then one row per city figure.
  const cityRows = (i) => (i.breakdown ?? []).reduce((n, s) => n + s.values.length, 0);
  const rowsOf = (i) =>
    i.values.length + (i.baseline ? 1 : 0) + (i.target ? 1 : 0) + (i.other_targets?.length ?? 0) + (i.evidence?.length ?? 0) + cityRows(i);
  const expectedRows = all.indicators.reduce((n, i) => n + rowsOf(i), 0);
  assert.equal(rows.length, expectedRows);
});

test("the cite box gives a citation with the permalink and release in both languages", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("indicator/WAT-01/"));
  await waitForChart(page);
  await page.locator(".share__part > summary").nth(2).click();
  const zh = await page.getByTestId("cite-zh").innerText();
  const en = await page.getByTestId("cite-en").innerText();
  assert.ok(zh.includes(site.server.url("indicator/WAT-01/")) && zh.includes(currentRelease()), zh);
  assert.ok(en.includes(site.server.url("en/indicator/WAT-01/")) && en.includes("Accessed"), en);
  await page.context().close();
});

test("copying says so, and the embed options come in labelled groups", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.origin });
  await page.goto(site.server.url("en/indicator/WAT-01/"));
  await waitForChart(page);
  const groups = await page.locator(".share__options fieldset legend").allInnerTexts();
  assert.deepEqual(groups, ["Language", "Colours", "Content", "Data version"]);
  await page.getByTestId("copy-embed").click();
  const status = page.getByTestId("copy-embed").locator("xpath=following-sibling::span[@role='status']");
  await status.filter({ hasText: "Copied ✓" }).waitFor({ timeout: 5000 });
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await page.getByTestId("embed-code").inputValue());
  // The citations: the page's language first, each with its own copy button.
  await page.locator(".share__part > summary").nth(2).click();
  const order = await page.locator(".citation").evaluateAll((ps) => ps.map((p) => p.lang));
  assert.deepEqual(order, ["en", "zh-CN"]);
  await page.getByTestId("copy-cite-zh").click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).includes("访问日期"));
  await context.close();
});

test("shared links carry title, description, canonical URL and a preview image", async () => {
  const html = await (await fetch(site.server.url("en/indicator/WAT-01/"))).text();
  const name = detail("WAT-01").indicator.name.en;
  assert.ok(html.includes(`<title>${name} · Gansu eco-environment goals</title>`));
  assert.ok(html.includes(`<meta property="og:title" content="${name} · Gansu eco-environment goals">`));
  assert.ok(html.includes(`<link rel="canonical" href="http://127.0.0.1:8080/gansu/en/indicator/WAT-01/">`));
  const image = html.match(/<meta property="og:image" content="([^"]+)"/)[1];
  const png = Buffer.from(await (await fetch(image.replace("http://127.0.0.1:8080/gansu/", site.server.url("")))).arrayBuffer());
  assert.deepEqual(pngSize(png), { width: 1200, height: 630 });
});

test("without JavaScript, indicator and embed pages still show the answer and the chart", async () => {
  const context = await site.browser.newContext({ javaScriptEnabled: false, viewport: { width: 360, height: 900 } });
  const page = await context.newPage();
  for (const rel of ["en/indicator/AIR-02/", "embed/AIR-02/"]) {
    await page.goto(site.server.url(rel));
    // The chart is in the page as the build's picture of it, inside its named box.
    const picture = page.locator("[data-testid=chart] svg.chart-picture:visible").first();
    assert.ok(await picture.isVisible(), `${rel}: the chart's picture`);
    assert.ok((await picture.locator("path").count()) > 5, `${rel}: the picture is drawn`);
    const label = await page.getByTestId("chart").first().getAttribute("aria-label");
    assert.ok(label.length > 40, `${rel}: the chart has a text summary: ${label}`);
    assert.ok((await page.getByTestId("sentence").innerText()).includes("PM2.5") || rel.startsWith("embed"), `${rel}: the answer`);
    await page.screenshot({ path: screenshotPath(`noscript-${rel.replace(/\W+/g, "-")}`), fullPage: true });
  }
  await context.close();
});
