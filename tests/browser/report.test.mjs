// Reporting a problem with a figure: every indicator page (scripts/test.sh builds
// with `--report-url mailto:data-problems@example.org`) links to a report prefilled
// with the indicator, the data release, its latest figure and the page's address;
// a site built without an address shows no link.
import { test } from "node:test";
import assert from "node:assert/strict";
import { currentRelease, indicatorFile, openPage, overview, readDist, useSite } from "./harness.mjs";

const site = useSite();
const TO = "mailto:data-problems@example.org";

test("every indicator page links to a prefilled problem report (both languages)", async () => {
  assert.ok(readDist("indicator/AIR-02/index.html").includes(`<meta name="report-url" content="${TO}">`), "built with --report-url");
  const { page, context, problems } = await openPage(site.browser, site.server.origin);
  // Every indicator, the languages in turn.
  for (const [i, { id }] of overview().indicators.entries()) {
    const lang = i % 2 ? "en" : "zh";
    const rel = `${lang === "en" ? "en/" : ""}indicator/${id}/`;
    await page.goto(site.server.url(rel));
    // The rendered link names the build's address (--site-url); once awake, the
    // page's real one (context::Reader), which is what this server's address is.
    await page.waitForFunction(() => document.documentElement.dataset.app === "islands", null, { timeout: 15000 });
    const href = await page.getByTestId("report-problem").getAttribute("href");
    const url = new URL(href);
    assert.equal(`${url.protocol}${url.pathname}`, TO, href);
    const subject = url.searchParams.get("subject");
    const body = url.searchParams.get("body");
    const { indicator } = indicatorFile(id);
    const name = lang === "en" ? indicator.name.en : indicator.name.zh;
    assert.ok(subject.includes(id) && subject.includes(name), `${rel}: ${subject}`);
    assert.ok(body.includes(currentRelease()), `${rel}: the data release`);
    assert.ok(body.includes(site.server.url(rel)), `${rel}: the page's address`);
    // The latest figure, as the page's own milestones show it.
    const latest = indicator.values.filter((v) => !v.alternative).map((v) => v.year);
    if (latest.length) assert.ok(body.includes(String(Math.max(...latest))), `${rel}: the latest year in ${body}`);
  }
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();
});

// A site built without a report address renders no report link: checked where the
// page is rendered (src/bin/sitegen/pages_tests.rs), since the link is in each page's HTML.
