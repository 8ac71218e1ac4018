// Charts everyone can read (issue 14): a keyboard-only walk from the overview
// to a chart's points and on to the share panel and the table, with what the
// live region announces; the same keys in an embed; forced colours; the
// larger-text mode at 360 px; 200 % zoom; high contrast.
import { test } from "node:test";
import assert from "node:assert/strict";
import { indicatorFile, openPage, screenshotPath, settled, scrollThrough, useSite, waitForChart } from "./harness.mjs";

const site = useSite();

/** What has focus: its test id, or its tag and text. */
function focused(page) {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return "body";
    const id = el.dataset.testid ?? el.closest("[data-testid]")?.dataset.testid ?? "";
    return `${el.tagName.toLowerCase()}|${id}|${(el.getAttribute("href") ?? "").replace(/^.*\/gansu\//, "")}|${el.textContent.trim().slice(0, 40)}`;
  });
}

/** Presses Tab until `wanted(focused)` holds; returns every stop on the way. */
async function tabUntil(page, wanted, max = 200) {
  const stops = [];
  for (let i = 0; i < max; i++) {
    await page.keyboard.press("Tab");
    const now = await focused(page);
    stops.push(now);
    if (wanted(now)) return stops;
  }
  throw new Error(`never reached after ${max} tabs: ${stops.slice(-8).join(" ⟶ ")}`);
}

/** The live region's words after pressing `key` on the focused chart. */
async function press(page, key) {
  await page.keyboard.press(key);
  const live = page.getByTestId("chart-live").first();
  await page.waitForFunction((el) => el.textContent.length > 0, await live.elementHandle());
  return live.innerText();
}

/** The full-year figures the chart's main line draws, oldest first. */
function headlineLine(id) {
  const ind = indicatorFile(id).indicator;
  const headline = ind.headline_basis ?? null;
  return ind.values
    .filter((v) => v.value != null && !v.period && !v.alternative && (v.basis ?? headline) === headline)
    .sort((a, b) => a.year - b.year);
}

test("keyboard only: overview → area → indicator → chart points → share panel → table", async () => {
  const { page, context, problems } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url(""));
  await settled(page);

  // Overview: Tab to the air area's card link, Enter.
  await tabUntil(page, (f) => f.startsWith("a|area-card|area/air/"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/area\/air\/$/);
  await settled(page);

  // Area page: Tab to PM2.5's link, Enter.
  await tabUntil(page, (f) => f.startsWith("a|") && f.includes("|indicator/AIR-02/|"));
  await page.keyboard.press("Enter");
  await page.waitForURL(/\/indicator\/AIR-02\/$/);
  await waitForChart(page);

  // Indicator page: the chart view's tabs come before the chart; Tab reaches the chart.
  const toChart = await tabUntil(page, (f) => f.startsWith("div|chart|"));
  const tabChart = toChart.findIndex((f) => f.includes("|tab-chart|"));
  const tabTable = toChart.findIndex((f) => f.includes("|tab-table|"));
  assert.ok(tabChart >= 0 && tabChart < tabTable, `tabs before the chart: ${toChart.join(" ⟶ ")}`);
  const chart = page.getByTestId("chart").first();
  assert.equal(await chart.getAttribute("role"), "application");
  const hint = await page.locator(`#${await chart.getAttribute("aria-describedby")}`);
  assert.match(await hint.innerText(), /← →.*↑ ↓.*Home\/End.*Esc/, "the keys are told beside the focused chart");
  assert.ok(await hint.isVisible(), "and shown while the chart has focus");

  // Three points, announced with their series and the target.
  const line = headlineLine("AIR-02");
  const target = indicatorFile("AIR-02").indicator.target;
  const first = await press(page, "ArrowRight");
  assert.ok(first.startsWith(`${line[0].year}：${line[0].value} μg/m³（实际值）。`), first);
  assert.ok(first.includes(`目标：${target.year}年 ≤ ${target.value} μg/m³；此值`), first);
  const second = await press(page, "ArrowRight");
  assert.ok(second.startsWith(`${line[1].year}：${line[1].value} μg/m³`), second);
  const last = await press(page, "End");
  const newest = line[line.length - 1];
  assert.ok(last.startsWith(`${newest.year}：${newest.value} μg/m³`), last);
  const verdict = newest.value <= target.value ? "此值已达到目标水平" : "此值距目标水平差";
  assert.ok(last.includes(verdict), last);
  // The point is visibly marked: ECharts' tooltip shows the same figure.
  const tooltip = page.locator(".chart div").filter({ hasText: `${newest.year}：${newest.value}` });
  await tooltip.first().waitFor({ state: "visible" });
  await page.screenshot({ path: screenshotPath("keyboard-AIR-02-point"), clip: await chart.boundingBox() });
  // Down: another series (the part-year figures, the baseline, …), never the same words.
  const down = await press(page, "ArrowDown");
  assert.notEqual(down, last);
  assert.ok(!down.includes("（实际值）"), down);
  // Escape leaves the chart; the next Tab goes on from it.
  await page.keyboard.press("Escape");
  assert.notEqual(await focused(page), toChart[toChart.length - 1]);
  assert.equal(await tooltip.first().isVisible(), false, "the tooltip goes with the focus");

  // On to the share panel: every stop on the way is a real control.
  const toShare = await tabUntil(page, (f) => f.includes("|share|"));
  assert.ok(toShare.every((f) => f !== "body"), toShare.join(" ⟶ "));

  // Back up to the table tab, Enter: the table.
  for (let i = 0; i < 300 && !(await focused(page)).includes("|tab-table|"); i++) await page.keyboard.press("Shift+Tab");
  await page.keyboard.press("Enter");
  await page.getByTestId("data-table").waitFor();
  assert.match(page.url(), /view=table/);
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});

test("an embed's chart reads by keyboard too", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 640, height: 480 });
  await page.goto(site.server.url("embed/AIR-02/"));
  await waitForChart(page);
  await tabUntil(page, (f) => f.startsWith("div|chart|"), 20);
  const line = headlineLine("AIR-02");
  const said = await press(page, "Home");
  assert.ok(said.startsWith(`${line[0].year}：${line[0].value} μg/m³`), said);
  await context.close();
});

test("forced colours (Windows High Contrast): lines, target and badges stay distinct", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin);
  await page.emulateMedia({ forcedColors: "active" });
  await page.goto(site.server.url("indicator/AIR-02/"));
  const chart = await waitForChart(page);
  await page.screenshot({ path: screenshotPath("forced-colors-AIR-02") });
  await chart.scrollIntoViewIfNeeded();
  await chart.screenshot({ path: screenshotPath("forced-colors-AIR-02-chart") });
  // Without colour, the actual line (solid), the target (dashed) and the path
  // (dotted) differ by their dash pattern.
  const dashes = await chart.evaluate((el) =>
    [...el.querySelectorAll("svg path")].map((p) => p.getAttribute("stroke-dasharray") ?? "solid"),
  );
  assert.ok(new Set(dashes).size >= 3, `dash patterns: ${[...new Set(dashes)].join(", ")}`);
  // A badge keeps its edge and its symbol.
  const badge = page.locator(".status").first();
  const edge = await badge.evaluate((el) => getComputedStyle(el).borderTopWidth);
  assert.notEqual(edge, "0px");
  assert.match(await badge.innerText(), /[✓✕~?!…—▲▼●○◐]/u);
  await context.close();
});

/** Page width beyond the viewport, and chart texts outside their chart's box. */
async function overflow(page) {
  return page.evaluate(() => {
    const clipped = [];
    for (const chart of document.querySelectorAll("[data-testid=chart]")) {
      const box = chart.getBoundingClientRect();
      for (const t of chart.querySelectorAll("svg text")) {
        const r = t.getBoundingClientRect();
        if (r.width && (r.left < box.left - 1 || r.right > box.right + 1)) clipped.push(t.textContent);
      }
    }
    return { wide: document.documentElement.scrollWidth - innerWidth, clipped };
  });
}

test("larger text at 360 px: 150 % everywhere, charts too, kept across pages, nothing wider than the phone", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 360, height: 740 });
  await page.goto(site.server.url(""));
  await settled(page);
  const button = page.getByTestId("large-text");
  assert.equal(await button.getAttribute("aria-pressed"), "false");
  await button.click();
  assert.equal(await button.getAttribute("aria-pressed"), "true");
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).fontSize), "24px");
  for (const rel of ["", "area/air/", "indicator/AIR-02/", "en/indicator/WAT-03/", "cities/", "city/620100/", "en/about/"]) {
    await page.goto(site.server.url(rel));
    await settled(page);
    await scrollThrough(page);
    // Kept in this browser: the next page opens in the same mode, before any script of ours.
    assert.equal(await page.evaluate(() => document.documentElement.dataset.text), "large", rel);
    const { wide, clipped } = await overflow(page);
    assert.ok(wide <= 0, `${rel} is ${wide}px wider than the phone`);
    assert.deepEqual(clipped, [], `${rel}: chart labels cut off`);
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll("[data-testid=chart] svg text")].map((t) => parseFloat(t.getAttribute("font-size") ?? getComputedStyle(t).fontSize)),
    );
    if (sizes.length) assert.ok(Math.min(...sizes) >= 18, `${rel}: chart text ${Math.min(...sizes)}px`);
  }
  await page.screenshot({ path: screenshotPath("large-text-city-360"), fullPage: true });
  await page.goto(site.server.url("indicator/AIR-02/"));
  await settled(page);
  await page.screenshot({ path: screenshotPath("large-text-AIR-02-360"), fullPage: true });
  await page.getByTestId("large-text").click();
  assert.equal(await page.evaluate(() => document.documentElement.dataset.text), undefined, "switched off again");
  await context.close();
});

test("200 % zoom at 1280 px (a 640 px viewport): no sideways scrolling", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 640, height: 450 });
  for (const rel of ["", "area/water/", "indicator/AIR-01/", "en/indicator/CE-02/?view=table", "cities/", "city/620100/", "en/about/", "changes/"]) {
    await page.goto(site.server.url(rel));
    await settled(page);
    const { wide } = await overflow(page);
    assert.ok(wide <= 0, `${rel} is ${wide}px wider than the window`);
  }
  await context.close();
});

test("high contrast: black on white, white on black in dark mode, charts with thicker lines", async () => {
  for (const [colorScheme, bg] of [["light", "rgb(255, 255, 255)"], ["dark", "rgb(0, 0, 0)"]]) {
    const { page, context } = await openPage(site.browser, site.server.origin, { colorScheme });
    await page.goto(site.server.url("indicator/AIR-02/"));
    await waitForChart(page);
    const widthBefore = await page.evaluate(() => Math.max(...[...document.querySelectorAll("[data-testid=chart] svg path")].map((p) => parseFloat(p.getAttribute("stroke-width") ?? "0"))));
    await page.getByTestId("high-contrast").click();
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), bg, colorScheme);
    await page.waitForFunction((before) => Math.max(...[...document.querySelectorAll("[data-testid=chart] svg path")].map((p) => parseFloat(p.getAttribute("stroke-width") ?? "0"))) > before, widthBefore);
    await page.screenshot({ path: screenshotPath(`high-contrast-${colorScheme}-AIR-02`) });
    await page.getByTestId("chart").first().screenshot({ path: screenshotPath(`high-contrast-${colorScheme}-AIR-02-chart`) });
    await context.close();
  }
});
