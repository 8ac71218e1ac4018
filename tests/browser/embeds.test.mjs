// Embeds that never move the host page: every embed fits the height its snippet
// reserves for its width, a newsroom page with three embeds has no layout shift,
// `?theme=auto` follows a dark host without a white flash, and a pinned embed of
// an older release says newer data exists.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:http";
import { currentRelease, openPage, overview, readDist, settled, useSite, waitForChart } from "./harness.mjs";

const site = useSite();
const SITE_URL = "http://127.0.0.1:8080/gansu/";
const WIDTHS = [320, 640, 1000];

/** The snippet the site publishes for an indicator (its oEmbed `html`), pointing at the test server. */
function snippet(id, lang) {
  const rel = `${lang === "en" ? "en/" : ""}indicator/${id}/oembed.json`;
  return JSON.parse(readDist(rel)).html.replaceAll(SITE_URL, site.server.url(""));
}

/** The height the snippet gives its frame at `width`: max(floor, intercept − slope% × width). */
function reserved(html, width) {
  const m = html.match(/height:max\((\d+)px,calc\((\d+)px - (\d+)cqw\)\)/);
  assert.ok(m, `the snippet reserves a height for its width: ${html}`);
  const [floor, intercept, slope] = m.slice(1).map(Number);
  return Math.max(floor, intercept - (slope * width) / 100);
}

/** A page on another origin (another loopback port) holding `body`. */
async function newsroom(head, body) {
  const host = createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(`<!doctype html><html><head><meta charset="utf-8"><title>Article</title>${head}</head><body>${body}</body></html>`);
  });
  await new Promise((ok) => host.listen(0, "127.0.0.1", ok));
  const close = () => {
    host.closeAllConnections();
    return new Promise((ok) => host.close(ok));
  };
  return { url: `http://127.0.0.1:${host.address().port}/article`, close };
}

test("every embed fits the height its snippet reserves, at 320, 640 and 1000 px, in both languages", async () => {
  const ids = overview().indicators.map((i) => i.id);
  for (const lang of ["zh", "en"]) {
    for (const width of WIDTHS) {
      const { page, context } = await openPage(site.browser, site.server.origin, { width, height: 600 });
      for (const id of ids) {
        const height = Math.floor(reserved(snippet(id, lang), width));
        await page.setViewportSize({ width, height });
        await page.goto(site.server.url(`${lang === "en" ? "en/" : ""}embed/${id}/`));
        await settled(page);
        const { content, chart } = await page.evaluate(() => ({
          content: document.documentElement.scrollHeight,
          chart: document.querySelector("[data-testid=chart]")?.getBoundingClientRect().height,
        }));
        assert.ok(content <= height, `${lang} ${id} at ${width} px needs ${content} px, the snippet gives ${height}`);
        assert.ok(chart >= 240, `${lang} ${id} at ${width} px: the chart keeps at least 15rem (${chart})`);
      }
      await context.close();
    }
  }
});

test("a newsroom page with embeds at 320, 640 and 1000 px does not shift while they load", async (t) => {
  // The longest texts of the data (WAT-03 in English), and two more.
  const frames = [
    ["WAT-03", "en", 320],
    ["AIR-02", "zh", 640],
    ["AIR-01", "en", 1000],
  ];
  const body = frames.map(([id, lang, w]) => `<h2>Chart</h2><div style="width:${w}px">${snippet(id, lang)}</div><p>Text after the chart.</p>`);
  const head = `<script>
    window.shift = 0; window.heights = [];
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) window.shift += e.value; })
      .observe({ type: "layout-shift", buffered: true });
    addEventListener("message", (e) => { if (e.data && e.data["datawrapper-height"]) heights.push(e.data["datawrapper-height"]); });
  </script>`;
  const host = await newsroom(head, `<h1>An article</h1>${body.join("")}<p>The end.</p>`);
  t.after(() => host.close());
  const { page, context, problems } = await openPage(site.browser, host.url.replace(/\/article$/, ""), { width: 1280, height: 2400 });
  await page.goto(host.url);
  const before = await page.locator("iframe").evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
  for (let i = 0; i < frames.length; i++) {
    // Loaded: the embed's page has woken (its chart shows the build's picture until a reader reaches for it).
    await page.frameLocator("iframe").nth(i).locator("html[data-app=islands]").waitFor({ state: "attached", timeout: 20000 });
  }
  await page.waitForFunction((n) => window.heights.length >= n, frames.length);
  // Two frames later, anything the messages changed has been laid out.
  await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
  const after = await page.locator("iframe").evaluateAll((fs) => fs.map((f) => f.getBoundingClientRect().height));
  const shift = await page.evaluate(() => window.shift);
  const messages = await page.evaluate(() => window.heights);
  t.diagnostic(`host page CLS ${shift.toFixed(4)}; frames ${before.join("/")} px → ${after.join("/")} px`);
  assert.ok(shift <= 0.01, `cumulative layout shift ${shift} (frames ${before} → ${after}, messages ${JSON.stringify(messages)})`);
  for (let i = 0; i < frames.length; i++) {
    assert.ok(Math.abs(after[i] - before[i]) < 2, `frame ${frames[i]} kept its height: ${before[i]} → ${after[i]}`);
  }
  // No message reports a loading notice's height: each is the laid-out embed's.
  for (const m of messages) {
    const [[id, px]] = Object.entries(m);
    const i = frames.findIndex(([f]) => f === id);
    assert.ok(Math.abs(px - before[i]) < 2, `${id} reported ${px} px in a ${before[i]} px frame`);
  }
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("?theme=auto follows a dark host from the first paint, before any script runs", async (t) => {
  const html = snippet("AIR-02", "en").replace("/embed/AIR-02/", "/embed/AIR-02/?theme=auto");
  const host = await newsroom(`<meta name="color-scheme" content="dark"><style>body{background:#111;color:#eee}</style>`, html);
  t.after(() => host.close());
  const { page, context } = await openPage(site.browser, host.url.replace(/\/article$/, ""), { width: 800, colorScheme: "dark" });
  // No wasm: what shows is the page's HTML and CSS alone, as in the first moments of a load.
  await page.route("**/*.wasm", (route) => route.abort());
  await page.goto(host.url);
  await page.locator("iframe").waitFor();
  await page.waitForFunction(() => document.querySelector("iframe").contentWindow.length >= 0);
  const frame = await (await page.locator("iframe").elementHandle()).contentFrame();
  await frame.waitForLoadState("load");
  const shot = await page.locator("iframe").screenshot();
  const { data } = await decodePng(page, shot);
  const mean = data.reduce((n, v, i) => (i % 4 === 3 ? n : n + v), 0) / ((data.length / 4) * 3);
  assert.ok(mean < 80, `the frame is dark before the script (mean channel ${mean.toFixed(0)})`);
  await context.close();

  // With the script, the embed is dark too and says so to the browser.
  const live = await openPage(site.browser, site.server.origin, { width: 640, colorScheme: "dark" });
  await live.page.goto(site.server.url("en/embed/AIR-02/?theme=auto"));
  await waitForChart(live.page);
  const scheme = await live.page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
  assert.match(scheme, /dark/);
  await live.context.close();
});

/** Pixels of a PNG, decoded by the browser. */
async function decodePng(page, png) {
  return page.evaluate(async (b64) => {
    const img = new Image();
    img.src = "data:image/png;base64," + b64;
    await img.decode();
    const c = Object.assign(document.createElement("canvas"), { width: img.width, height: img.height });
    const ctx = c.getContext("2d");
    ctx.drawImage(img, 0, 0);
    return { data: [...ctx.getImageData(0, 0, img.width, img.height).data] };
  }, png.toString("base64"));
}

test("a pinned embed of an older release links to the newer data; a current one does not", async () => {
  const releases = JSON.parse(readDist("data/releases.json")).releases.map((r) => r.release);
  const older = releases.find((r) => r !== currentRelease());
  assert.ok(older, "the data has an older release to pin");
  const { page, context, problems } = await openPage(site.browser, site.server.origin, { width: 640 });
  await page.goto(site.server.url(`en/embed/AIR-02/?release=${older}`));
  await waitForChart(page);
  const newer = page.getByTestId("embed-newer");
  assert.equal(await newer.innerText(), `Newer data: release ${currentRelease()} ›`);
  assert.equal(await newer.locator("a").getAttribute("href"), site.server.url("en/indicator/AIR-02/"));
  for (const query of [`?release=${currentRelease()}`, ""]) {
    await page.goto(site.server.url(`en/embed/AIR-02/${query}`));
    await waitForChart(page);
    assert.equal(await page.getByTestId("embed-newer").count(), 0, `no newer-data link for ${query || "a live embed"}`);
  }
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});
