// The vertical slice: the release build, served under a sub-path, fetches a
// snapshot and draws its chart; deep links load; a missing file is explained.
import { test } from "node:test";
import assert from "node:assert/strict";
import { currentRelease, indicatorFile, openPage, overview, readDist, screenshotPath, startServer, useSite, waitForChart } from "./harness.mjs";

const site = useSite();

/** The figure the page should headline: the latest full-year, non-alternative value. */
function latestPublished(indicator) {
  const full = indicator.values.filter((v) => !v.period && !v.alternative && typeof v.value === "number");
  return full.sort((a, b) => a.year - b.year).at(-1);
}

const pm25 = () => indicatorFile("AIR-02").indicator;

for (const lang of ["zh", "en"]) {
  test(`indicator page draws its chart from the snapshot (${lang})`, async () => {
    const ind = pm25();
    const { page, problems } = await openPage(site.browser, site.server.origin);
    const prefix = lang === "en" ? "en/" : "";
    await page.goto(site.server.url(`${prefix}indicator/AIR-02/`));
    const chart = await waitForChart(page);
    assert.ok(await chart.locator("svg, canvas").count() > 0, "ECharts drew an svg or canvas");
    const name = lang === "en" ? ind.name.en : ind.name.zh;
    assert.equal(await page.locator("h1").innerText(), name);
    const latest = latestPublished(ind);
    const line = await page.getByTestId("sentence").innerText();
    assert.ok(line.includes(String(latest.value)) && line.includes(String(latest.year)), `latest value shown: ${line}`);
    assert.deepEqual(problems.consoleErrors, []);
    assert.deepEqual(problems.pageErrors, []);
    assert.deepEqual(problems.foreignRequests, [], "no request left the site's origin");
    await page.screenshot({ path: screenshotPath(`indicator-AIR-02-${lang}`), fullPage: true });
    await page.context().close();
  });
}

test("deep links load when opened directly and when reloaded", async () => {
  const { page, problems } = await openPage(site.browser, site.server.origin);
  const response = await page.goto(site.server.url("en/indicator/AIR-02/"));
  assert.equal(response.status(), 200, "a real file answers the deep link");
  await waitForChart(page);
  await page.reload();
  await waitForChart(page);
  assert.match(await page.title(), /PM2\.5/);
  // Navigating inside the app keeps relative URLs working at the new depth.
  await page.getByTestId("lang-switch").click();
  await page.waitForURL(site.server.url("indicator/AIR-02/"));
  await waitForChart(page);
  assert.equal(await page.locator("html").getAttribute("lang"), "zh-CN");
  assert.deepEqual(problems.consoleErrors, []);
  await page.context().close();
});

test("links between pages are page loads of rendered pages; Back and Forward follow; files and new tabs are the browser's", async () => {
  const { page, problems } = await openPage(site.browser, site.server.origin, { width: 1280, height: 800 });
  // Every page is its own rendered file, whose islands alone wake (src/islands.rs):
  // a link to another page is a page load. (A mark on the window survives only if none happens.)
  await page.goto(site.server.url(""));
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  await page.evaluate(() => { window.stayed = true; });
  const area = page.getByTestId("area-card").first().locator("h3 a");
  const areaHref = await area.getAttribute("href");
  await area.click();
  await page.waitForURL(new URL(areaHref, site.server.url("")).href);
  await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
  assert.equal(await page.evaluate(() => window.stayed), undefined, "a page load from the overview");
  await page.getByTestId("goal-list").waitFor();
  const card = page.getByTestId("indicator-card").first().locator(".card__title");
  const cardHref = await card.getAttribute("href");
  await card.click();
  await page.waitForURL(new URL(cardHref, site.server.url("")).href);
  await page.getByTestId("indicator").waitFor();
  await page.goBack();
  await page.waitForURL(new URL(areaHref, site.server.url("")).href);
  await page.getByTestId("goal-list").waitFor();
  await page.goForward();
  await page.waitForURL(new URL(cardHref, site.server.url("")).href);
  await page.getByTestId("indicator").waitFor();
  // A data file is a download, not a route: the browser fetches it.
  await page.goto(site.server.url("indicator/AIR-02/"));
  await waitForChart(page);
  await page.locator(".share__part > summary").nth(1).click();
  const csv = page.getByTestId("download-csv");
  const [download] = await Promise.all([page.waitForEvent("download"), csv.click()]);
  assert.match(download.suggestedFilename(), /\.csv$/);
  // A modifier-click (open in a new tab) is left to the browser.
  const before = page.url();
  const [popup] = await Promise.all([
    page.context().waitForEvent("page"),
    page.getByRole("link", { name: /方法与说明/ }).first().click({ modifiers: ["Control"] }),
  ]);
  await popup.waitForLoadState();
  assert.equal(page.url(), before, "the page itself stayed");
  assert.deepEqual(problems.pageErrors, []);
  await page.context().close();
});

test("the overview shows every area and indexes every indicator of the snapshot", async () => {
  const { page, problems } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url(""));
  await waitForChart(page);
  const areas = new Set(overview().indicators.map((i) => i.area));
  assert.equal(await page.getByTestId("area-card").count(), areas.size);
  const index = page.getByTestId("search-results").locator("li");
  assert.equal(await index.count(), overview().indicators.length);
  assert.deepEqual(problems.consoleErrors, []);
  await page.context().close();
});

test("a missing data file shows which file failed and why, with a retry", async (t) => {
  const release = currentRelease();
  const missing = `data/${release}/indicators/AIR-02.json`;
  let broken = true;
  const failing = await startServer({ intercept: (rel) => (broken && rel === missing ? { status: 500, body: "boom", type: "text/plain" } : null) });
  t.after(() => failing.close());
  const { page } = await openPage(site.browser, failing.origin);
  // An embed's table reads its indicator's file: the embed's own build draws it (a page
  // the islands build wakes reads none: src/islands.rs).
  await page.goto(failing.url("en/embed/AIR-02/?view=table"));
  const panel = page.getByTestId("load-error");
  await panel.waitFor();
  const text = await panel.innerText();
  assert.ok(text.includes(missing), `names the file: ${text}`);
  assert.ok(text.includes("500"), `says why: ${text}`);
  await page.screenshot({ path: screenshotPath("error-missing-file"), fullPage: true });
  broken = false;
  await panel.getByRole("button").click();
  await page.getByTestId("data-table").waitFor();
  await page.context().close();
});

test("an unknown indicator shows the not-found page with a way back, in both languages", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("en/indicator/XYZ-99/"));
  await page.getByTestId("not-found").waitFor();
  // The host's one 404 page, in Chinese first, then in English with the English way back.
  const back = page.getByTestId("not-found").getByRole("link");
  assert.deepEqual(await back.evaluateAll((as) => as.map((a) => a.getAttribute("href"))), ["./", "en/"]);
  const english = page.getByTestId("not-found").locator('[lang="en"]');
  assert.match(await english.innerText(), /Page not found[\s\S]*Back to the overview/);
  assert.equal(await page.getByTestId("lang-switch").getAttribute("href"), "en/", "the header's English link: the English overview");
  await page.context().close();
});
