// The finished plan, over the real release: the overview's met / missed /
// provisional split agrees with every card; overdue figures say so on their
// page and card; goals set in words quote the government's reports with their
// sources; the changes page lists every release and the feeds link to it. (A
// revised figure's mark: src/bin/sitegen/pages_tests.rs, on the rendered page.)
import { test } from "node:test";
import assert from "node:assert/strict";
import { indicatorFile, openPage, overview, readDist, useSite, waitForChart } from "./harness.mjs";

const site = useSite();
const AREAS = ["air", "water", "soil", "waste", "carbon", "ecology", "governance"];

/** The counts a list of status chips shows: { key: n }, read from their classes and numbers. */
async function chipCounts(page, selector) {
  const chips = await page.locator(selector).evaluateAll((lis) =>
    lis.map((li) => [[...li.classList].find((c) => c.startsWith("status--"))?.slice(8), Number(li.querySelector("strong")?.textContent)]),
  );
  return Object.fromEntries(chips.filter(([k]) => k));
}

test("after 2025 the overview splits goals into met, missed and provisional, and every card agrees", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 1280, height: 900 });
  await page.goto(site.server.url(""));
  await page.getByTestId("plan-ended").waitFor();
  const totals = await chipCounts(page, ".totals .count");
  assert.ok(totals.provisional > 0, `the current data has provisional goals: ${JSON.stringify(totals)}`);
  for (const gone of ["on-track", "at-risk", "off-track"]) {
    assert.equal(totals[gone], undefined, `after 2025 no goal is "${gone}" without being provisional`);
  }
  const sums = {};
  for (const area of AREAS) {
    await page.goto(site.server.url(`area/${area}/`));
    await page.getByTestId("goal-list").or(page.locator(".filter")).first().waitFor();
    const chips = await chipCounts(page, ".filter li[class^=status--]");
    const badges = await page.locator("[data-testid=goal-list] [data-testid=status]").evaluateAll((bs) =>
      bs.map((b) => ({
        id: b.closest("[data-testid=indicator-card]").dataset.id,
        provisional: b.classList.contains("status--provisional"),
        key: [...b.classList].find((c) => c.startsWith("status--") && c !== "status--provisional")?.slice(8),
        text: b.textContent,
        year: Number(b.querySelector(".status__year")?.textContent.match(/\d{4}/)?.[0]),
      })),
    );
    const byGroup = {};
    for (const b of badges) {
      const group = b.provisional ? "provisional" : b.key;
      byGroup[group] = (byGroup[group] ?? 0) + 1;
      if (b.provisional) {
        assert.match(b.text, /暂定：/, `a provisional badge says so: ${b.text}`);
        assert.ok(b.year < 2025, `a provisional badge rests on a year before 2025: ${b.text}`);
      } else if (["achieved", "missed"].includes(b.key)) {
        // Final: judged on 2025 — or a five-year total already reached, which cannot be undone.
        const cumulative = overview().indicators.find((i) => i.id === b.id).target.kind === "cumulative_total";
        assert.ok(b.year >= 2025 || (cumulative && b.key === "achieved"), `${b.id}: a final badge rests on 2025: ${b.text}`);
      }
    }
    assert.deepEqual(byGroup, chips, `${area}: the chips count the cards`);
    for (const [k, n] of Object.entries(chips)) sums[k] = (sums[k] ?? 0) + n;
  }
  assert.deepEqual(sums, totals, "the overview's counts are the areas' counts added up");
  // The provisional chip filters to exactly the provisional goals.
  await page.goto(site.server.url("en/area/air/?status=provisional"));
  await page.locator("#goal-list[data-status=provisional]").waitFor({ state: "attached" });
  const shown = await page.locator("[data-testid=goal-list] > :not([hidden]) [data-testid=status]").evaluateAll((bs) =>
    bs.map((b) => b.classList.contains("status--provisional") && b.textContent.includes("Provisional: ")),
  );
  assert.ok(shown.length > 0 && shown.every(Boolean), `only provisional goals, in English: ${shown}`);
  await context.close();
});

/** Overdue by the rule the site states: the usual day after the newest full year has passed. */
function overdue(ind, asOf) {
  const usual = ind.publication?.usual;
  if (!usual) return null;
  const years = ind.values.filter((v) => !v.period && !v.alternative).map((v) => v.year);
  const year = years.length ? Math.max(...years) + 1 : 2021;
  const since = `${year + 1}-${usual}`;
  return since <= asOf ? { year, since } : null;
}

test("an indicator whose next figure is overdue says so on its page and its card", async () => {
  const file = overview();
  const late = file.indicators.filter((i) => overdue(i, file.as_of));
  const onTime = file.indicators.filter((i) => i.publication?.usual && !overdue(i, file.as_of));
  assert.ok(late.length > 0, "the current data has overdue figures");
  const { page, context } = await openPage(site.browser, site.server.origin);
  for (const ind of [...late.slice(0, 4), ...onTime.slice(0, 2)]) {
    const due = overdue(ind, file.as_of);
    await page.goto(site.server.url(`indicator/${ind.id}/`));
    await page.getByTestId("freshness").waitFor();
    const notice = page.getByTestId("overdue");
    if (due) {
      const text = await notice.innerText();
      const [y, m, d] = due.since.split("-").map(Number);
      assert.ok(text.includes(`${due.year}年`) && text.includes(`${y}年${m}月${d}日`), `${ind.id}: ${text}`);
    } else {
      assert.equal(await notice.count(), 0, `${ind.id} is not overdue`);
    }
  }
  // Cards: exactly the overdue indicators of an area carry the line.
  const area = late[0].area;
  await page.goto(site.server.url(`en/area/${area}/`));
  await page.getByTestId("indicator-card").first().waitFor();
  const flagged = await page.locator("[data-testid=indicator-card]:has([data-testid=card-overdue])").evaluateAll((cs) => cs.map((c) => c.dataset.id).sort());
  const expected = late.filter((i) => i.area === area).map((i) => i.id).sort();
  assert.deepEqual(flagged, expected);
  await context.close();
});

test("a goal set in words quotes what the government reports, sourced, and says whose word it is", async () => {
  const words = overview().indicators.filter((i) => i.role === "goal" && i.target?.kind === "qualitative");
  const withEvidence = words.filter((i) => indicatorFile(i.id).indicator.evidence?.length);
  const without = words.filter((i) => !indicatorFile(i.id).indicator.evidence?.length);
  assert.ok(withEvidence.length > 0 && without.length > 0, "the data has goals with and without reports");
  const { page, context } = await openPage(site.browser, site.server.origin);
  for (const ind of withEvidence) {
    const detail = indicatorFile(ind.id);
    const statements = detail.indicator.evidence;
    await page.goto(site.server.url(`indicator/${ind.id}/`));
    const section = page.getByTestId("evidence");
    await section.waitFor();
    const newest = statements.at(-1).reported;
    assert.equal(await section.getByTestId("report-status").innerText(), newest === "done" ? "政府报告：已完成" : "政府报告：推进中");
    assert.ok((await section.innerText()).includes("这是政府自己的说法，不是独立的测量"), "whose word it is");
    const shown = section.getByTestId("statement");
    assert.equal(await shown.count(), statements.length);
    for (let i = 0; i < statements.length; i++) {
      const st = statements[statements.length - 1 - i]; // newest first
      const item = shown.nth(i);
      assert.ok((await item.locator("blockquote").innerText()).includes(st.quote.zh.slice(0, 20)), `${ind.id}: quote ${i}`);
      const ref = item.locator("a[href*='#source-']");
      const target = (await ref.getAttribute("href")).split("#")[1];
      const entry = await page.locator(`#${target}`).innerText();
      const source = detail.sources[st.source];
      assert.ok(entry.includes(source.title.zh), `${ind.id}: [n] leads to ${st.source}: ${entry}`);
    }
  }
  await page.goto(site.server.url(`en/indicator/${without[0].id}/`));
  await page.getByTestId("evidence").waitFor();
  assert.equal(await page.getByTestId("report-status").innerText(), "No government report found");
  // The overview counts the reports apart from the measured statuses.
  await page.goto(site.server.url(""));
  const line = await page.getByTestId("reports-line").innerText();
  assert.ok(line.includes(`以文字表述的目标${words.length}项`) && line.includes(`未找到报告${without.length}项`), line);
  await context.close();
});

test("the changes page lists every release with its changes, and the feeds link to it", async () => {
  const { releases } = JSON.parse(readDist("data/releases.json"));
  const words = JSON.parse(readDist("data/changes.json")).releases;
  assert.deepEqual(words.map((r) => r.release), releases.map((r) => r.release));
  const { page, problems, context } = await openPage(site.browser, site.server.origin, { width: 360, height: 800 });
  for (const lang of ["zh", "en"]) {
    await page.goto(site.server.url(`${lang === "en" ? "en/" : ""}changes/`));
    await page.getByTestId("release").first().waitFor();
    assert.equal(await page.getByTestId("release").count(), releases.length);
    for (const r of releases) {
      const section = page.locator(`#release-${r.release}`);
      assert.ok((await section.innerText()).includes(r.release));
      const items = section.locator("[data-testid=change-list] li");
      assert.equal(await items.count(), r.changes?.length ?? 0, `${r.release}: one line per change`);
    }
    // The page offers its language's feed.
    assert.equal(await page.getByTestId("feed-link").getAttribute("href"), lang === "en" ? "en/feed.xml" : "feed.xml");
  }
  // Every entry of each feed points at its release on the changes page.
  for (const feed of ["feed.xml", "en/feed.xml"]) {
    const links = [...readDist(feed).matchAll(/<entry>[\s\S]*?<link rel="alternate" type="text\/html" href="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(links.length, releases.length);
    for (const link of links) {
      const url = new URL(link);
      await page.goto(site.server.url(url.pathname.replace(/^\/gansu\//, "")) + url.hash);
      await page.locator(url.hash).waitFor();
    }
  }
  await page.goto(site.server.url("about/"));
  await page.getByTestId("changes-link").click();
  await page.getByTestId("release").first().waitFor();
  assert.deepEqual(problems.pageErrors, []);
  await context.close();
});
