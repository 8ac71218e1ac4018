// The citizen dashboard as a reader meets it: every route in both languages on
// the built site under a sub-path, what each page says compared with the data
// files, filters, search, tabs, accessibility (axe-core) and small screens.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, indicatorFile, openPage, overview, screenshotPath, scrollThrough, settled, useSite, waitForChart } from "./harness.mjs";
const AREAS = ["air", "water", "soil", "waste", "carbon", "ecology", "governance"];

const site = useSite();

const prefix = (lang) => (lang === "en" ? "en/" : "");
const detail = (id) => indicatorFile(id).indicator;
const number = (v) => v.toLocaleString("en-US", { maximumFractionDigits: 2 });

function routes() {
  const pages = ["", "about/", ...AREAS.map((a) => `area/${a}/`), ...overview().indicators.map((i) => `indicator/${i.id}/`)];
  return ["zh", "en"].flatMap((lang) => pages.map((p) => `${prefix(lang)}${p}`));
}

test("every route in both languages loads, draws its charts and logs no error", async () => {
  const { page, problems } = await openPage(site.browser, site.server.origin);
  const all = routes();
  for (const rel of all) {
    const response = await page.goto(site.server.url(rel));
    assert.equal(response.status(), 200, `${rel} is a real file`);
    if (rel.endsWith("about/")) {
      await page.getByTestId("citation").waitFor();
    } else {
      await waitForChart(page);
    }
    assert.ok((await page.locator("h1").innerText()).trim().length > 0, `${rel} has a heading`);
    assert.equal(await page.locator("html").getAttribute("lang"), rel.startsWith("en/") ? "en" : "zh-CN");
    assert.deepEqual(problems.consoleErrors, [], `${rel}: console errors`);
    assert.deepEqual(problems.pageErrors, [], `${rel}: page errors`);
    assert.deepEqual(problems.foreignRequests, [], `${rel}: requests to other hosts`);
  }
  assert.equal(all.length, 2 * (9 + overview().indicators.length));
  await page.context().close();
});

/** Indicators simple enough to check by reading the data file: one basis, every value full-year. */
function simpleIndicators() {
  return overview()
    .indicators.filter((i) => i.role === "goal" && !i.bases && typeof i.target?.value === "number")
    .filter((i) => i.values.every((v) => !v.period && !v.alternative && typeof v.value === "number"))
    .filter((i) => i.values.some((v) => v.year > (i.baseline?.year ?? 2020)))
    .map((i) => i.id);
}

test("indicator pages show the latest value, target and status the data gives", async () => {
  const sample = simpleIndicators();
  assert.ok(sample.length >= 5, `enough simple indicators to sample: ${sample}`);
  const { page } = await openPage(site.browser, site.server.origin);
  for (const lang of ["zh", "en"]) {
    for (const id of sample) {
      const ind = detail(id);
      const latest = [...ind.values].sort((a, b) => a.year - b.year).at(-1);
      await page.goto(site.server.url(`${prefix(lang)}indicator/${id}/`));
      await waitForChart(page);
      const shown = await page.getByTestId("milestone-latest").innerText();
      assert.ok(shown.includes(number(latest.value)) && shown.includes(String(latest.year)), `${id} latest: ${shown}`);
      const target = await page.getByTestId("milestone-target").innerText();
      assert.ok(target.includes(number(ind.target.value)) && target.includes(String(ind.target.year)), `${id} target: ${target}`);
      const sentence = await page.getByTestId("sentence").innerText();
      assert.ok(sentence.includes(number(latest.value)), `${id} sentence: ${sentence}`);
      const status = await page.getByTestId("status").first().innerText();
      // The same status on the area page's card.
      await page.goto(site.server.url(`${prefix(lang)}area/${ind.area}/`));
      const card = page.locator(`[data-testid=indicator-card][data-id="${id}"]`);
      assert.equal(await card.getByTestId("status").innerText(), status, `${id}: card and page agree`);
      assert.ok((await card.getByTestId("card-latest").innerText()).includes(number(latest.value)));
    }
  }
  await page.context().close();
});

test("the data table lists every value of the data file", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  for (const id of ["AIR-01", "WAT-01", "CE-02"]) {
    const ind = detail(id);
    await page.goto(site.server.url(`en/indicator/${id}/`));
    await waitForChart(page);
    await page.getByTestId("tab-table").click();
    await page.waitForURL(/view=table/);
    await page.getByTestId("data-table").waitFor();
    const rows = page.getByTestId("data-table").locator("tbody tr");
    assert.equal(await rows.count(), ind.values.length + (ind.baseline ? 1 : 0), `${id} rows`);
    await page.getByTestId("tab-chart").click();
    await waitForChart(page);
  }
  await page.context().close();
});

test("the area filter shows only goals with the chosen status, and the URL keeps it", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("en/area/water/"));
  await waitForChart(page);
  // The page holds every goal's card; the filter hides the others (src/pages/area.rs).
  const list = page.getByTestId("goal-list");
  const all = await list.getByTestId("indicator-card").count();
  const shownCards = () => page.locator("#goal-list > [data-testid=indicator-card]:not([hidden])");
  // Every chip in turn: the data decides which statuses the area has.
  const keys = await page.locator(".filter li[class^=status--]").evaluateAll((lis) => lis.map((li) => li.className.slice(8)));
  assert.ok(keys.length > 1, `more than one status among the water goals: ${keys}`);
  let key, expected;
  for (key of keys) {
    await page.goto(site.server.url("en/area/water/"));
    await page.waitForFunction(() => document.documentElement.dataset.app);
    await page.evaluate(() => (window.stayed = true));
    const chip = page.locator(`.filter li.status--${key} a`);
    expected = Number(await chip.locator("strong").innerText());
    await chip.click();
    await page.waitForURL(new RegExp(`status=${key}`));
    await page.locator(`#goal-list[data-status=${key}]`).waitFor({ state: "attached" });
    assert.equal(await page.evaluate(() => window.stayed), true, `${key}: the filter changes the page in place`);
    assert.equal(await chip.getAttribute("aria-current"), "true");
    assert.equal(await shownCards().count(), expected, key);
    for (const badge of await shownCards().getByTestId("status").all()) {
      const classes = await badge.getAttribute("class");
      assert.ok(classes.split(" ").includes(`status--${key}`), `${key}: ${classes}`);
    }
    assert.equal(await list.getByTestId("indicator-card").count(), all, "the others are hidden, not gone");
    assert.equal(await page.locator("#no-goals").isVisible(), false);
  }
  await page.reload();
  await page.locator(`#goal-list[data-status=${key}]`).waitFor({ state: "attached" });
  assert.equal(await shownCards().count(), expected, "filter survives a reload");
  // Back to every status, and a status no water goal has: the page says none is left.
  await page.locator(".filter li:first-child a").click();
  await page.waitForFunction(() => !document.getElementById("goal-list").dataset.status);
  assert.equal(await shownCards().count(), all, "all statuses again");
  await page.goto(site.server.url("en/area/water/?status=no-such-status"));
  await page.locator("#goal-list[data-status=no-such-status]").waitFor({ state: "attached" });
  assert.equal(await shownCards().count(), 0);
  assert.equal(await page.locator("#no-goals").isVisible(), true, "a line says no goal has that status");
  await page.context().close();
});

test("search finds indicators by name in either language and by id", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url(""));
  await waitForChart(page);
  const input = page.getByLabel("查找指标");
  for (const [query, id] of [["PM2.5", "AIR-02"], ["森林", "ECO-01"], ["wat-05", "WAT-05"], ["forest cover", "ECO-01"]]) {
    await input.fill(query);
    const links = page.getByTestId("search-results").locator("a");
    const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.includes(`indicator/${id}/`), `${query} finds ${id}: ${hrefs}`);
  }
  await input.fill("zzzz");
  assert.match(await page.getByTestId("search-results").innerText(), /没有符合的指标/);
  assert.ok((await page.getByTestId("search-results").locator("a").count()) >= 7, "no result offers the area pages");
  await page.context().close();
});

test("search understands how people ask: synonyms, full width, ids without a dash, places, English words", async () => {
  const { page } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url(""));
  await waitForChart(page);
  const input = page.getByLabel("查找指标");
  const cases = [
    ["pm25", "AIR-02"], ["PM 2.5", "AIR-02"], ["ＰＭ２．５", "AIR-02"], ["细颗粒物", "AIR-02"],
    ["好天", "AIR-01"], ["沙尘", "AIR-01"], ["兰州", "AIR-02"], ["Lanzhou", "AIR-01"],
    ["大气", "AIR-03"], ["土壤", "SOIL-01"], ["carbon", "CE-01"], ["碳排放", "CE-04"],
    ["water quality", "WAT-01"], ["drinking water", "WAT-16"], ["air02", "AIR-02"], ["水质", "WAT-15"],
  ];
  for (const [query, id] of cases) {
    await input.fill(query);
    const hrefs = await page.getByTestId("search-results").locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
    assert.ok(hrefs.includes(`indicator/${id}/`), `${query} finds ${id}: ${hrefs.slice(0, 8)}`);
    assert.match(await page.getByTestId("search-status").innerText(), /找到\d+项指标/);
  }
  // The list is not a live region; the status line is.
  assert.equal(await page.getByTestId("search-results").getAttribute("aria-live"), null);
  assert.equal(await page.getByTestId("search-status").getAttribute("role"), "status");
  // The query is in the address, so a search can be shared; Enter opens the first result.
  await input.fill("air02");
  await page.waitForFunction(() => new URLSearchParams(location.search).get("q") === "air02");
  await page.goto(site.server.url("?q=%E5%A5%BD%E5%A4%A9"));
  await waitForChart(page);
  assert.equal(await page.getByLabel("查找指标").inputValue(), "好天");
  await page.getByLabel("查找指标").fill("AIR-02");
  await page.getByLabel("查找指标").press("Enter");
  await page.waitForURL(/indicator\/AIR-02\/$/);
  // A place's name finds the place first; Enter opens its page (the place pages' own build).
  await page.goto(site.server.url(""));
  await waitForChart(page);
  await page.getByLabel("查找指标").fill("兰州");
  const first = await page.getByTestId("search-results").locator("a").first().getAttribute("href");
  assert.match(first, /city\/620100\/$/, "兰州 finds Lanzhou's page first");
  await page.getByLabel("查找指标").press("Enter");
  await page.waitForURL(/city\/620100\/$/);
  await page.getByTestId("city-lead").waitFor();
  await page.context().close();
});

test("charts further down a page are drawn as the reader scrolls to them", async () => {
  const { page } = await openPage(site.browser, site.server.origin, { width: 360, height: 740 });
  await page.goto(site.server.url("area/water/"));
  await waitForChart(page);
  const drawn = () => page.locator("[data-testid=chart][data-rendered=true]").count();
  const total = await page.locator("[data-testid=chart]").count();
  const before = await drawn();
  assert.ok(before < total, `not all ${total} charts drawn up front (${before})`);
  await scrollThrough(page);
  assert.equal(await drawn(), total, "every chart drawn after scrolling");
  await page.context().close();
});

test("pages fit a 360 px phone without sideways scrolling", async () => {
  const { page } = await openPage(site.browser, site.server.origin, { width: 360, height: 740 });
  for (const rel of ["", "area/water/", "indicator/AIR-01/", "en/indicator/CE-02/?view=table", "en/about/"]) {
    await page.goto(site.server.url(rel));
    await page.locator("h1").waitFor();
    await settled(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `${rel} is ${width}px wide`);
  }
  await page.context().close();
});

test("axe-core finds no violation at any impact on every kind of page, both languages, light, dark and high contrast (every page: axe-pages.test.mjs)", async () => {
  const sample = [
    "", "?q=PM2.5", "about/", "changes/", "cities/", "city/620100/", ...AREAS.map((a) => `area/${a}/`),
    "indicator/AIR-01/", "indicator/AIR-02/?view=table", "indicator/WAT-01/", "indicator/CE-02/", "indicator/SOIL-02/",
    "indicator/XYZ-99/", "embed/AIR-02/",
  ];
  const themes = [["light", false], ["dark", false], ["light", true], ["dark", true]];
  for (const [colorScheme, highContrast] of themes) {
    const { page, context } = await openPage(site.browser, site.server.origin, { colorScheme });
    if (highContrast) await context.addInitScript(() => localStorage.setItem("gansu-display-contrast", "high"));
    for (const rel of ["zh", "en"].flatMap((lang) => sample.map((p) => `${prefix(lang)}${p}`))) {
      await page.goto(site.server.url(rel));
      await page.locator("h1").first().waitFor();
      await settled(page);
      await scrollThrough(page);
      const mode = `${colorScheme}${highContrast ? ", high contrast" : ""}`;
      if (highContrast && !rel.includes("embed/")) {
        assert.equal(await page.evaluate(() => document.documentElement.dataset.contrast), "high", rel);
      }
      assert.deepEqual(await axe(page), [], `${rel} (${mode})`);
    }
    await context.close();
  }
});

test("screenshots at 360 px and 1280 px", async () => {
  for (const width of [360, 1280]) {
    const { page } = await openPage(site.browser, site.server.origin, { width, height: 900 });
    for (const [rel, name] of [["", "overview"], ["area/air/", "area-air"], ["indicator/AIR-02/", "indicator-AIR-02"], ["en/indicator/WAT-01/", "indicator-WAT-01-en"]]) {
      await page.goto(site.server.url(rel));
      // A phone may show no chart without scrolling: bring each into view and wait for it.
      await page.locator("[data-testid=chart]").first().waitFor({ state: "attached" });
      await scrollThrough(page);
      await page.screenshot({ path: screenshotPath(`${name}-${width}`), fullPage: true });
    }
    await page.context().close();
  }
});

test("the overview explains, by reason, every goal that cannot be judged, each a link to its page", async () => {
  for (const lang of ["zh", "en"]) {
    const { page, context, problems } = await openPage(site.browser, site.server.origin);
    await page.goto(site.server.url(prefix(lang)));
    await settled(page);
    const counted = await page.locator(".totals .count.status--not-assessable strong").innerText();
    const why = page.getByTestId("not-assessable");
    await why.locator("summary").click();
    assert.ok((await why.locator("summary").innerText()).includes(counted), "the heading says how many");
    const groups = await why.getByTestId("reason-group").all();
    assert.ok(groups.length > 1, "more than one reason in the data");
    let listed = 0;
    const ids = new Set();
    for (const group of groups) {
      const n = parseInt(await group.locator("p strong").innerText(), 10);
      const links = await group.locator(".why-not__goals a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
      assert.equal(links.length, n, "a group's count is its goals");
      listed += n;
      for (const href of links) {
        const id = href.match(new RegExp(`^${prefix(lang)}indicator/([A-Z]+-\\d+)/$`))?.[1];
        assert.ok(id && !ids.has(id), `one link per goal to its page: ${href}`);
        ids.add(id);
      }
      // The reason's sentence is what the goal's own page says about it.
      const sentence = (await group.locator("p").innerText()).replace(/^\d+\D*?[：:]\s*/, "");
      const first = await page.context().newPage();
      await first.goto(site.server.url(links[0]));
      assert.ok((await first.getByTestId("reason").innerText()).includes(sentence), `${links[0]}: ${sentence}`);
      await first.close();
    }
    assert.equal(listed, Number(counted), "every not-assessable goal is explained once");
    assert.ok([...ids].every((id) => overview().indicators.find((i) => i.id === id)?.role === "goal"));
    assert.deepEqual(problems.consoleErrors, []);
    await context.close();
  }
});
