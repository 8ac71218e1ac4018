// The cities and prefectures, over the real release: each city page lists
// exactly the figures the data holds for that place (and names what it lacks);
// the comparison grid shows all 14 places with the missing ones marked; the
// table sorts; indicator pages, the overview and the search lead to them; a
// city's series embeds like any indicator.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, overview, screenshotPath, settled, useSite, waitForChart } from "./harness.mjs";

const site = useSite();
const CODES = [
  "620100", "620200", "620300", "620400", "620500", "620600", "620700",
  "620800", "620900", "621000", "621100", "621200", "622900", "623000",
];

/** Every city series in the data: { id, key, place, values }. */
function allSeries() {
  return overview().indicators.flatMap((ind) =>
    (ind.breakdown ?? []).map((s) => ({
      id: ind.id,
      key: s.scope ? `${s.place}.${s.scope.id}` : s.place,
      place: s.place,
      values: s.values,
    })),
  );
}

test("each city page lists exactly the figures the data holds for it, and what it lacks", async () => {
  const series = allSeries();
  const withBreakdown = overview().indicators.filter((i) => (i.breakdown ?? []).length > 0).map((i) => i.id);
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 1280, height: 900 });
  for (const code of CODES) {
    await page.goto(site.server.url(`city/${code}/`));
    await page.getByTestId("city-lead").waitFor();
    const mine = series.filter((s) => s.place === code);
    const shown = await page.getByTestId("city-series").evaluateAll((sections) =>
      sections.map((s) => ({
        id: s.dataset.id,
        key: s.dataset.series,
        years: [...s.querySelectorAll("[data-testid=city-figure]")].map((r) => Number(r.dataset.year)),
      })),
    );
    const expected = mine.map((s) => ({ id: s.id, key: s.key, years: s.values.map((v) => v.year).sort((a, b) => a - b) }));
    const order = (a, b) => `${a.id}${a.key}`.localeCompare(`${b.id}${b.key}`);
    assert.deepEqual(shown.sort(order), expected.sort(order), `city/${code}/: one section per series, one row per figure`);
    const missing = await page.getByTestId("missing-indicator").evaluateAll((lis) => lis.map((li) => li.dataset.id));
    const lacking = withBreakdown.filter((id) => !mine.some((s) => s.id === id));
    assert.deepEqual(missing.sort(), lacking.sort(), `city/${code}/: the indicators it lacks are named`);
    if (mine.length === 0) {
      assert.match(await page.getByTestId("city-lead").textContent(), /没有找到/, `city/${code}/ says it has no figure`);
    }
    // Every figure names its source, with the tier.
    const sourced = await page.locator("[data-testid=city-figure]").evaluateAll((rows) =>
      rows.every((r) => r.querySelector(".tier") && r.querySelector("cite")),
    );
    assert.ok(sourced, `city/${code}/: every figure cites its source`);
  }
  // A page with figures draws each series' chart, the province beside it.
  await page.goto(site.server.url("en/city/620100/"));
  await waitForChart(page);
  assert.equal(await page.getByTestId("city-name").textContent(), "Lanzhou");
  const legend = await page.locator("[data-testid=city-series] .chart").first().getAttribute("aria-label");
  assert.match(legend ?? "", /Lanzhou/, "the chart's description names the place");
  await context.close();
});

test("the comparison grid shows all 14 places, marks the missing ones, and its table sorts", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 360, height: 800 });
  const ind = overview().indicators.find((i) => i.id === "AIR-01");
  const years = [...new Set(ind.breakdown.flatMap((s) => s.values.map((v) => v.year)))].sort();
  // The page holds every comparison; once awake, only the one the address asks for shows.
  const shown = page.locator("section.comparison:not([hidden])");
  for (const year of [years[0], years.at(-1)]) {
    await page.goto(site.server.url(`cities/?indicator=AIR-01&year=${year}`));
    await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
    assert.equal(await shown.count(), 1, `${year}: one comparison shown`);
    assert.deepEqual([await shown.getAttribute("data-indicator"), await shown.getAttribute("data-year")], ["AIR-01", String(year)]);
    assert.match(await shown.getByTestId("comparison-heading").innerText(), new RegExp(` · ${year}$`));
    const tiles = await shown.getByTestId("tile").evaluateAll((ts) =>
      ts.map((t) => ({ place: t.dataset.place, missing: t.dataset.missing !== undefined, label: t.querySelector("a").getAttribute("aria-label") })),
    );
    assert.deepEqual(tiles.map((t) => t.place).sort(), CODES, `${year}: all 14 places are tiles`);
    for (const t of tiles) {
      const has = ind.breakdown.some((s) => s.place === t.place && s.values.some((v) => v.year === year && v.value != null && !v.alternative));
      assert.equal(t.missing, !has, `${year} ${t.place}: marked missing exactly when the data has no figure (${t.label})`);
      if (t.missing) assert.match(t.label, /没有找到/, `${t.place}: a screen reader hears that it is missing`);
    }
    // Part-year figures are flagged on their tile.
    const partial = ind.breakdown.filter((s) => s.values.some((v) => v.year === year && v.period));
    for (const s of partial) {
      const flags = await shown.locator(`[data-testid=tile][data-place="${s.place}"] .tile__flag`).allTextContents();
      assert.ok(flags.includes("◐"), `${year} ${s.place}: its part-year figure is flagged`);
    }
    const rows = await shown.getByTestId("comparison-row").count();
    assert.ok(rows >= 14, `${year}: the table has a row for every place (${rows})`);
  }
  await page.screenshot({ path: screenshotPath("cities-360"), fullPage: true });
  const noSideways = await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
  assert.ok(noSideways, "the grid fits a 360 px phone without sideways scrolling");

  // Sorting: by value (best first for good-air days: high to low), missing places last.
  const values = () =>
    shown.getByTestId("comparison-row").evaluateAll((rs) => rs.map((r) => (r.dataset.value === undefined ? null : Number(r.dataset.value))));
  const sort = shown.getByTestId("sort");
  await sort.nth(1).click();
  assert.equal(await sort.nth(1).getAttribute("aria-pressed"), "true");
  const down = await values();
  const present = down.filter((v) => v !== null);
  assert.deepEqual(present, [...present].sort((a, b) => b - a), `high to low: ${down}`);
  assert.ok(down.indexOf(null) === -1 || down.slice(down.indexOf(null)).every((v) => v === null), "missing places stay last");
  await sort.nth(2).click();
  const up = (await values()).filter((v) => v !== null);
  assert.deepEqual(up, [...up].sort((a, b) => a - b), `low to high: ${up}`);
  await sort.nth(0).click();
  const places = await shown.getByTestId("comparison-row").evaluateAll((rs) => rs.map((r) => r.dataset.place));
  assert.deepEqual([...new Set(places)], CODES, "by place: in the order of their codes");

  // Another indicator: the page changes in place (nothing reloads), in its newest year.
  await page.evaluate(() => (window.__stayed = true));
  const water = overview().indicators.find((i) => i.id === "WAT-01");
  const newest = Math.max(...water.breakdown.flatMap((s) => s.values.map((v) => v.year)));
  const chip = page.locator("nav.filter:not(.filter--years) a[href*='indicator=WAT-01']");
  await chip.click();
  await page.waitForURL(/indicator=WAT-01/);
  await page.waitForFunction(() => document.querySelector("section.comparison:not([hidden])")?.dataset.indicator === "WAT-01");
  assert.equal(await page.evaluate(() => window.__stayed), true, "moved in place");
  assert.equal(await chip.getAttribute("aria-current"), "true");
  assert.equal(await shown.count(), 1);
  assert.equal(await shown.getAttribute("data-year"), String(newest), "its newest year");
  // Back returns to the comparison before.
  await page.goBack();
  await page.waitForFunction(() => document.querySelector("section.comparison:not([hidden])")?.dataset.indicator === "AIR-01");
  await context.close();
});

test("the overview, indicator pages and search lead to the places", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 1280, height: 900 });
  await page.goto(site.server.url(""));
  await page.getByTestId("place-links").waitFor();
  assert.equal(await page.locator("[data-testid=place-links] .chips a").count(), 14);
  await page.locator("[data-testid=place-links] .chips a", { hasText: "兰州" }).click();
  await page.getByTestId("city-lead").waitFor();
  assert.ok(page.url().endsWith("/city/620100/"), page.url());

  await page.goto(site.server.url("indicator/AIR-02/"));
  await page.getByTestId("breakdown").waitFor();
  const listed = await page.getByTestId("breakdown-series").count();
  assert.equal(listed, overview().indicators.find((i) => i.id === "AIR-02").breakdown.length, "every series of the indicator is listed");
  assert.match(await page.getByTestId("compare-link").getAttribute("href"), /cities\/\?indicator=AIR-02/);

  for (const [q, code] of [["兰州", "620100"], ["Lanzhou", "620100"], ["linxia", "622900"]]) {
    await page.goto(site.server.url(`?q=${encodeURIComponent(q)}`));
    // Before the search wakes, its list is every indicator (what a page read without script shows).
    await page.waitForFunction(() => document.documentElement.dataset.app === "islands");
    const first = page.locator("[data-testid=search-results] li").first();
    await first.waitFor();
    assert.match(await first.locator("a").getAttribute("href"), new RegExp(`city/${code}/`), `${q} finds the place first`);
  }
  await context.close();
});

test("a city's series embeds like any indicator, and names the place", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 640, height: 700 });
  await page.goto(site.server.url("embed/AIR-02/?place=622900.linxia-city-stations"));
  await settled(page);
  await waitForChart(page);
  const title = await page.locator(".embed__title").textContent();
  assert.match(title, /临夏州（临夏市国控点）/, title);
  const back = await page.locator("[data-testid=embed-source] a").last().getAttribute("href");
  assert.match(back, /city\/622900\/$/, "the embed links to the place's page");
  // The table view: the chart's figures (the place's and the province's), each source named and linked to the place's page.
  await page.goto(site.server.url("embed/AIR-02/?place=622900.linxia-city-stations&view=table"));
  await page.getByTestId("data-table").waitFor();
  const rows = await page.locator("[data-testid=data-table] tbody tr").evaluateAll((rs) =>
    rs.map((r) => ({ basis: r.cells[2]?.textContent, source: r.cells[3]?.querySelector("a")?.getAttribute("href") })),
  );
  const data = overview().indicators.find((i) => i.id === "AIR-02").breakdown.find((s) => s.scope?.id === "linxia-city-stations");
  const placeRows = rows.filter((r) => r.basis?.includes("临夏"));
  assert.equal(placeRows.length, data.values.length, `one row per figure of the series: ${JSON.stringify(rows)}`);
  assert.ok(placeRows.every((r) => /city\/622900\/$/.test(r.source)), "each source links to the place's page");
  assert.ok(!(await page.locator("[data-testid=data-table]").textContent()).match(/\[\d+\]/), "no [n] numbers that lead nowhere");
  await page.goto(site.server.url("embed/AIR-02/?place=620199"));
  await page.getByTestId("not-found").waitFor();
  await context.close();
});
