// One voice, read as a reader would: the skip link keeps the reader on the page,
// charts answer a hover and a tap, legends never page on a phone, every text of
// every exported picture lies inside it, sources the public can trust.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DIST, indicatorFile, openPage, overview, readDist, screenshotPath, useSite, waitForChart } from "./harness.mjs";

const site = useSite();

test("the skip link moves focus into main and keeps the page's address", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  for (const rel of ["en/indicator/AIR-01/", "area/water/", "about/"]) {
    await page.goto(site.server.url(rel));
    await page.locator("main h1").first().waitFor();
    await page.keyboard.press("Tab");
    const link = page.locator(".skip-link");
    assert.equal(await link.evaluate((el) => el === document.activeElement), true, `${rel}: the skip link comes first`);
    await page.keyboard.press("Enter");
    await page.waitForFunction(() => document.activeElement?.id === "main");
    assert.equal(new URL(page.url()).pathname, `/gansu/${rel}`, `${rel}: the reader stays on the page`);
  }
  await page.context().close();
});

test("a source reference in the data table leads to its entry on the same page", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("indicator/AIR-01/?view=table"));
  const ref = page.getByTestId("data-table").locator("a").first();
  await ref.waitFor();
  const n = (await ref.innerText()).replace(/\D/g, "");
  await ref.click();
  await page.waitForFunction((n) => document.activeElement?.id === `source-${n}`, n);
  assert.equal(new URL(page.url()).pathname, "/gansu/indicator/AIR-01/");
  await page.context().close();
});

/** The screen position of the first drawn data point of the chart's first series. */
async function firstPoint(page) {
  return page.evaluate(() => {
    const el = document.querySelector("[data-testid=chart][data-rendered=true]");
    const chart = globalThis.echarts.getInstanceByDom(el.querySelector("div") ?? el) ?? globalThis.echarts.getInstanceByDom(el);
    const option = chart.getOption();
    const data = option.series[0].data;
    const i = data.findIndex((d) => d !== null && (typeof d === "object" ? d.value !== null : true));
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [i, typeof data[i] === "object" ? data[i].value : data[i]]);
    const box = chart.getDom().getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  });
}

test("a chart point answers a hover on a desktop and a tap on a phone", async () => {
  const { indicator } = indicatorFile("AIR-02");
  for (const [width, how] of [[1280, "hover"], [360, "tap"]]) {
    const { page } = await openPage(site.browser, site.server.origin, { width, height: 800 });
    await page.goto(site.server.url("indicator/AIR-02/"));
    const chart = await waitForChart(page);
    await chart.scrollIntoViewIfNeeded();
    const { x, y } = await firstPoint(page);
    if (how === "hover") await page.mouse.move(x, y);
    else await page.mouse.click(x, y);
    const tip = page.locator("[data-testid=chart] div").filter({ hasText: String(indicator.values[0].year) }).last();
    await tip.waitFor({ state: "visible", timeout: 5000 });
    const text = await tip.innerText();
    assert.match(text, /μg\/m³/, `${how}: the tooltip gives the value with its unit: ${text}`);
    await page.screenshot({ path: screenshotPath(`tooltip-${how}-${width}`) });
    await page.context().close();
  }
});

test("legends wrap instead of paging on a 360 px phone", async () => {
  const { page } = await openPage(site.browser, site.server.origin, { width: 360, height: 780 });
  for (const id of ["AIR-01", "WAT-01", "CE-02"]) {
    await page.goto(site.server.url(`indicator/${id}/`));
    // A chart is drawn when it nears the screen; on a phone it is further down.
    await page.locator("[data-testid=chart]").first().scrollIntoViewIfNeeded();
    await waitForChart(page);
    const legend = await page.evaluate(() => {
      const el = document.querySelector("[data-testid=chart][data-rendered=true]");
      const chart = globalThis.echarts.getInstanceByDom(el.querySelector("div") ?? el) ?? globalThis.echarts.getInstanceByDom(el);
      return chart.getOption().legend[0];
    });
    assert.notEqual(legend.type, "scroll", `${id}: the legend does not page`);
    // Every series name is drawn as text in the chart (none hidden on a second page).
    const names = await page.evaluate(() => {
      const el = document.querySelector("[data-testid=chart][data-rendered=true]");
      const chart = globalThis.echarts.getInstanceByDom(el.querySelector("div") ?? el) ?? globalThis.echarts.getInstanceByDom(el);
      return chart.getOption().series.map((s) => s.name);
    });
    const drawn = await page.locator("[data-testid=chart] svg text").allInnerTexts().catch(() => []);
    const svgText = await page.locator("[data-testid=chart] svg").first().evaluate((svg) => svg.textContent);
    for (const name of names) assert.ok(svgText.includes(name) || drawn.includes(name), `${id}: legend shows ${name}`);
    await page.screenshot({ path: screenshotPath(`legend-${id}-360`), fullPage: false });
  }
  await page.context().close();
});

test("every text of every exported picture lies inside it, all indicators, both languages", async () => {
  const dir = join(DIST, "charts");
  const files = readdirSync(dir).filter((n) => n.endsWith(".svg"));
  assert.equal(files.length, overview().indicators.length * 2, "one picture per indicator and language");
  const { page } = await openPage(site.browser, site.server.origin);
  // A blank page: the site's own CSS and CSP (which blocks the style attributes
  // ECharts writes) would change how a standalone picture's texts are drawn.
  await page.setContent("<!doctype html><html><body style='margin:0'></body></html>");
  const outside = [];
  for (const name of files) {
    const svg = readDist(`charts/${name}`);
    const found = await page.evaluate((svg) => {
      const host = document.createElement("div");
      host.innerHTML = svg;
      document.body.append(host);
      const el = host.querySelector("svg");
      const w = Number(el.getAttribute("width"));
      const h = Number(el.getAttribute("height"));
      const bad = [];
      for (const t of el.querySelectorAll("text")) {
        const b = t.getBBox();
        const m = t.getCTM();
        const x0 = m.a * b.x + m.c * b.y + m.e;
        const y0 = m.b * b.x + m.d * b.y + m.f;
        const x1 = x0 + b.width * m.a;
        const y1 = y0 + b.height * m.d;
        if (b.width > 0 && (x0 < -0.5 || y0 < -0.5 || x1 > w + 0.5 || y1 > h + 0.5)) {
          bad.push(`${t.textContent.slice(0, 60)} [${Math.round(x0)},${Math.round(y0)}–${Math.round(x1)},${Math.round(y1)}]`);
        }
      }
      host.remove();
      return bad;
    }, svg);
    outside.push(...found.map((f) => `${name}: ${f}`));
  }
  assert.deepEqual(outside, [], "texts run past the picture's edge");
  await page.context().close();
});

test("sources are named for the public: tier in words, no link to a flagged site, distinct link names", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  const flagged = Object.entries(JSON.parse(readDist(`data/${JSON.parse(readDist("data/releases.json")).current}/sources.json`)).sources)
    .filter(([, s]) => s.unsafe_site)
    .map(([key, s]) => ({ key, site: s.reprinted_by }));
  assert.ok(flagged.length > 0);
  for (const lang of ["", "en/"]) {
    for (const id of ["AIR-01", "WAT-01", "CE-02", "GOV-07"]) {
      await page.goto(site.server.url(`${lang}indicator/${id}/`));
      const sources = page.getByTestId("sources");
      await sources.waitFor();
      const text = await sources.innerText();
      for (const word of ["spam", "inject", "research note", "研究记录", "正文未读取", "lujuwang"]) {
        assert.ok(!text.toLowerCase().includes(word), `${lang}${id}: "${word}" in the sources`);
      }
      const hrefs = await sources.locator("a").evaluateAll((as) => as.map((a) => a.href));
      for (const { site } of flagged) {
        assert.ok(!hrefs.some((h) => h.includes(`//${site}`)), `${lang}${id}: a link to ${site}`);
      }
      const names = await sources.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("aria-label") ?? a.innerText));
      assert.equal(new Set(names).size, names.length, `${lang}${id}: every source link has its own name`);
    }
  }
  await page.goto(site.server.url("indicator/AIR-01/"));
  await page.getByTestId("sources").screenshot({ path: screenshotPath("sources-AIR-01") });
  await page.context().close();
});

test("the header's Downloads link lands on the downloads section, whose CSV is the whole dataset", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("en/indicator/WAT-01/"));
  await waitForChart(page);
  await page.getByTestId("nav-downloads").click();
  await page.waitForFunction(() => document.activeElement?.id === "downloads");
  assert.equal(new URL(page.url()).pathname, "/gansu/en/about/");
  const href = await page.getByTestId("about-csv").getAttribute("href");
  assert.match(href, /^data\/\d{4}-\d{2}-\d{2}\/gansu-eco-indicators\.csv$/);
  await page.context().close();
});

test("after 2025 the overview says the plan period has ended, and judged badges name their year", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url(""));
  await page.getByTestId("plan-ended").waitFor();
  assert.match(await page.getByTestId("plan-ended").innerText(), /规划期已于2025年结束/);
  assert.match(await page.getByTestId("overview-as-of").innerText(), /本站更新于/);
  // AIR-02 is judged on a year's figure: its badge says which year.
  const judged = overview().indicators.find((i) => i.id === "AIR-02");
  const year = Math.max(...judged.values.filter((v) => !v.period && !v.alternative).map((v) => v.year));
  await page.goto(site.server.url("en/indicator/AIR-02/"));
  const badge = page.locator("article [data-testid=status]").first();
  await badge.waitFor();
  assert.match(await badge.innerText(), new RegExp(`\\(${year} figure\\)`));
  // A goal that cannot be judged names no year.
  await page.goto(site.server.url("en/indicator/AIR-01/"));
  const none = page.locator("article [data-testid=status]").first();
  await none.waitFor();
  assert.doesNotMatch(await none.innerText(), /figure\)/);
  await page.context().close();
});
