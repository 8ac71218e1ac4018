// Bad, hostile and slow data served to the built site: every case is explained
// on the page, located (file, indicator, field), never half-drawn, and the rest
// of the site keeps working. Also: hostile text stays inert, the CSP holds, and
// a data update behind long-cache headers never mixes releases.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { currentRelease, launch, openPage, readDist, startServer, waitForChart } from "./harness.mjs";

let browser;
before(async () => (browser = await launch()));
after(async () => browser?.close());

const release = currentRelease();
const OVERVIEW = `data/${release}/overview.json`;
const fileOf = (id, r = release) => `data/${r}/indicators/${id}.json`;
const DETAIL = fileOf("AIR-02");
const original = (rel) => readDist(rel);

/** Indicator `id`'s file with its indicator changed by `edit`. */
function fileWith(id, edit) {
  const file = JSON.parse(original(fileOf(id)));
  edit(file.indicator);
  return JSON.stringify(file);
}

/** Serves the site with one file answered by `fake`, opens `page`, hands it to `check`. */
async function withBroken(t, file, fake, pageRel, check) {
  const server = await startServer({ intercept: (rel) => (rel === file ? fake() : null) });
  t.after(() => server.close());
  const { page, problems, context } = await openPage(browser, server.origin);
  t.after(() => context.close());
  await page.goto(server.url(pageRel));
  await check(page);
  assert.deepEqual(problems.pageErrors, [], "nothing panicked");
  assert.deepEqual(problems.foreignRequests, []);
  return { page, problems };
}

/** The error panel names the file and why, with a retry; nothing is drawn from the broken file. */
async function panelSays(page, ...parts) {
  const panel = page.getByTestId("load-error");
  await panel.waitFor({ timeout: 30000 });
  const text = await panel.innerText();
  for (const p of parts) assert.ok(text.includes(p), `error panel says "${p}":\n${text}`);
  assert.equal(await page.locator("[data-testid=chart][data-rendered=true]").count(), 0, "nothing drawn from it");
  assert.equal(await panel.getByRole("button").count(), 1, "a retry button");
}

const json = (body) => () => ({ body, type: "application/json" });

// The browser reads a data file in one place: an embed at an address its page was not
// rendered for (its table, another release, a city's series), which the embed's own
// build draws from the indicator's file. Every other page holds what it shows and reads
// no data file (src/islands.rs), and the build refuses a bad file before it writes any
// page (`sitegen check`; the same reader's cases, overview files too, are
// tests/validator.rs's). So the bad files are served to an embed's table.
const older = JSON.parse(original("data/releases.json")).releases.find((r) => r.release !== release).release;
const tableOf = (id) => `en/embed/${id}/?view=table`;
const EMBED = "en/embed/AIR-02/";
const READS_DETAIL = tableOf("AIR-02");
// Whole-file problems: the file cannot be used; the page says which file and why.
const fileCases = [
  ["malformed JSON", json('{"schema_version": 1,,}'), ["not valid JSON", "line 1"]],
  ["truncated file", json(original(DETAIL).slice(0, 700)), ["ends too early"]],
  ["empty file", json(""), ["the file is empty"]],
  ["wrong schema_version", json(original(DETAIL).replace('"schema_version": 1', '"schema_version": 2')), ["schema_version", "reads version 1, the file says 2"]],
  ["not an object", json("[1, 2, 3]"), ["expected a JSON object, found an array"]],
  ["missing release", json(JSON.stringify({ ...JSON.parse(original(DETAIL)), release: undefined })), ["release", "missing"]],
  ["no indicator in the file", json(JSON.stringify({ ...JSON.parse(original(DETAIL)), indicator: undefined })), ["indicator", "missing"]],
  ["bad as_of date", json(original(DETAIL).replace(/"as_of": "[^"]+"/, '"as_of": "28/11/2026"')), ["as_of", "YYYY-MM-DD"]],
  ["NaN in a value", json(original(DETAIL).replace('"value": 25.7', '"value": NaN')), ["not valid JSON"]],
  ["number beyond f64", json(original(DETAIL).replace('"value": 25.7', '"value": 1e400')), ["number out of range"]],
  ["HTML page instead of JSON", () => ({ body: "<!doctype html><h1>Welcome to nginx</h1>", type: "text/html" }), ["not a data file", "text/html"]],
];
for (const [name, fake, parts] of fileCases) {
  test(`indicator file: ${name} is explained with its file name`, async (t) => {
    await withBroken(t, DETAIL, fake, READS_DETAIL, (page) => panelSays(page, DETAIL, ...parts));
  });
}

test("indicator file: a response that never finishes times out, and retry recovers", async (t) => {
  let hang = true;
  await withBroken(t, DETAIL, () => (hang ? { hang: true, body: '{"schema_version":' } : null), READS_DETAIL, async (page) => {
    await panelSays(page, DETAIL, "timed out");
    hang = false;
    await page.getByTestId("load-error").getByRole("button").click();
    await page.getByTestId("data-table").waitFor();
  });
});

// The embed's other two reads: a city's series (its own file) and a pinned older release.
test("a city's series file that is not JSON is named, in the chart's place", async (t) => {
  const series = `data/${release}/places/AIR-02.620100.json`;
  await withBroken(t, series, json('{"schema_version": 1,,}'), "en/embed/AIR-02/?place=620100", (page) =>
    panelSays(page, series, "not valid JSON"),
  );
});

test("a pinned older release's file answered by an HTML page is named, in the chart's place", async (t) => {
  const pinned = fileOf("AIR-02", older);
  const page = () => ({ body: "<!doctype html><h1>Welcome to nginx</h1>", type: "text/html" });
  await withBroken(t, pinned, page, `${EMBED}?release=${older}`, (p) => panelSays(p, pinned, "not a data file", "text/html"));
});

test("indicator file: HTTP 404 says there is no such indicator, and draws nothing", async (t) => {
  await withBroken(t, DETAIL, () => ({ status: 404, body: "gone", type: "text/plain" }), READS_DETAIL, async (page) => {
    // An embed of an indicator or a city's series with no file (src/components/load.rs).
    assert.match(await page.getByTestId("not-found").innerText(), /no page or indicator at this address/);
    assert.equal(await page.getByTestId("data-table").count(), 0);
  });
});

// A bad indicator: the file, the indicator and the field are named; nothing is drawn from it.
const indicatorCases = [
  ["unknown unit", "AIR-02", (i) => (i.unit = "furlongs"), ["indicator AIR-02", "unit", "unknown variant `furlongs`"]],
  ["missing required field", "AIR-03", (i) => delete i.direction, ["indicator AIR-03", "missing field `direction`"]],
  ["wrong type", "AIR-02", (i) => (i.target.value = "25微克"), ["indicator AIR-02", "target.value", 'invalid type: string "25微克"']],
  ["unknown area", "AIR-02", (i) => (i.area = "sky"), ["indicator AIR-02", "area", "unknown variant `sky`"]],
  ["unknown target kind", "AIR-02", (i) => (i.target.kind = "roughly"), ["indicator AIR-02", "target.kind", "unknown variant `roughly`"]],
  ["value with no source", "AIR-02", (i) => delete i.values[0].source, ["indicator AIR-02", "values[0]", "missing field `source`"]],
  ["year out of range", "AIR-02", (i) => (i.values[0].year = 2099), ["indicator AIR-02", "values[0].year", "outside 2010…"]],
  ["huge number", "AIR-02", (i) => (i.values[0].value = 1e300), ["indicator AIR-02", "values[0].value", "not a plausible figure"]],
  ["percentage above 100", "AIR-01", (i) => (i.values[0].value = 250), ["indicator AIR-01", "outside −100…100"]],
  ["target kind against direction", "AIR-02", (i) => (i.target.kind = "at_least"), ["indicator AIR-02", "target.kind", "does not fit direction"]],
  ["wrong type in the baseline", "AIR-02", (i) => (i.baseline.year = "2020年"), ["indicator AIR-02", "baseline.year", "invalid type"]],
];
for (const [name, id, edit, parts] of indicatorCases) {
  test(`a bad indicator (${name}) is named with its file and field; nothing is drawn from it`, async (t) => {
    await withBroken(t, fileOf(id), json(fileWith(id, edit)), tableOf(id), (page) => panelSays(page, fileOf(id), ...parts));
  });
}

test("indicator file: a source key not in its registry is named with the field", async (t) => {
  const file = JSON.parse(original(DETAIL));
  file.indicator.values[1].source = "nope";
  await withBroken(t, DETAIL, json(JSON.stringify(file)), READS_DETAIL, (page) =>
    panelSays(page, DETAIL, "indicator AIR-02", "values[1].source", 'source "nope" is not in the source registry'),
  );
});

test("indicator file: HTTP 500 with retry", async (t) => {
  let failing = true;
  await withBroken(t, DETAIL, () => (failing ? { status: 500, body: "" } : null), READS_DETAIL, async (page) => {
    await panelSays(page, DETAIL, "HTTP 500");
    failing = false;
    await page.getByTestId("load-error").getByRole("button").click();
    await page.getByTestId("data-table").waitFor();
  });
});

test("hostile text stays inert text; only http(s) links are clickable", async (t) => {
  // An embed pinned to an older release: the embed's build draws it from that file.
  const OLDER = fileOf("AIR-02", older);
  const file = JSON.parse(original(OLDER));
  const evil = '<img src="http://evil.example/x.png" onerror="alert(1)">';
  for (const source of Object.values(file.sources)) {
    source.title.en = `${evil}</script><script>alert(2)</script>`;
    source.publisher.en = "javascript:alert(3)";
  }
  file.indicator.name.en = `${evil} PM2.5`;
  file.indicator.values.find((v) => v.period).period.label.en = `${evil} Jan–Nov`;
  const server = await startServer({ intercept: (rel) => (rel === OLDER ? { body: JSON.stringify(file) } : null) });
  t.after(() => server.close());
  const { page, problems, context } = await openPage(browser, server.origin);
  t.after(() => context.close());
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  const noElementFromData = async (where) => {
    // (The head's own inline script, which applies the display choices, is the page's, not the data's.)
    assert.equal(await page.locator('img[onerror], body script:not([src]):not([type=module]):not([type="application/ld+json"])').count(), 0, `${where}: no element made from data`);
    for (const href of await page.locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
      assert.ok(!/^\s*javascript:/i.test(href ?? ""), `${where}: no javascript: link (${href})`);
    }
  };
  // Its table: the name, the sources and the part-year label, as text.
  await page.goto(server.url(`${EMBED}?release=${older}&view=table`));
  await page.getByTestId("data-table").waitFor();
  const text = await page.locator("main").innerText();
  assert.ok(text.includes('<img src="http://evil.example/x.png"'), `shown as text:\n${text}`);
  assert.ok((await page.getByTestId("embed-source").innerText()).includes("javascript:alert(3)"), "a publisher shown as text");
  await noElementFromData("table");
  // Its chart: hover the part-year mark so ECharts shows the hostile label in a tooltip.
  await page.goto(server.url(`${EMBED}?release=${older}`));
  await waitForChart(page);
  assert.ok((await page.locator("h1").innerText()).includes("<img"), "the name shown as text");
  await noElementFromData("chart");
  const box = await page.locator("[data-testid=chart]").boundingBox();
  for (let x = box.x + 20; x < box.x + box.width - 10; x += 12) {
    for (const y of [0.2, 0.35, 0.5, 0.65].map((f) => box.y + box.height * f)) await page.mouse.move(x, y);
  }
  // A negative check has no event to wait for: give an injected script, if
  // any, a moment to run before asserting that none did.
  await page.waitForTimeout(300);
  assert.deepEqual(dialogs, [], "no script ran");
  assert.ok(!problems.foreignRequests.some((u) => u.includes("evil.example")), `no request to the injected host: ${problems.foreignRequests}`);
  assert.deepEqual(problems.pageErrors, []);
});

test("a javascript: source URL is rejected by the validator, and said as text", async (t) => {
  const file = JSON.parse(original(DETAIL));
  const first = Object.keys(file.sources)[0];
  file.sources[first].url = "javascript:alert(1)";
  await withBroken(t, DETAIL, json(JSON.stringify(file)), READS_DETAIL, async (page) => {
    await panelSays(page, "not an http(s) address");
    assert.equal(await page.locator('a[href^="javascript"]').count(), 0);
  });
});

test("every page works under the Content-Security-Policy with no violation", async (t) => {
  const server = await startServer();
  t.after(() => server.close());
  const { page, problems, context } = await openPage(browser, server.origin);
  t.after(() => context.close());
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  for (const rel of ["", "en/area/water/", "en/indicator/AIR-01/", "indicator/CE-02/?view=table", "embed/AIR-02/?theme=dark", "en/about/"]) {
    await page.goto(server.url(rel));
    const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
    assert.ok(csp.includes("default-src 'none'") && csp.includes("connect-src 'self'"), csp);
    assert.ok(!/'unsafe-eval'|'unsafe-inline'/.test(csp), `no unsafe-eval or unsafe-inline: ${csp}`);
    if (rel.endsWith("about/")) await page.getByTestId("citation").waitFor();
    else if (rel.includes("view=table")) await page.getByTestId("data-table").waitFor();
    else await waitForChart(page);
    // Hover a chart so the tooltip (inline styles set by ECharts) appears too.
    const box = await page.locator("[data-testid=chart]").first().boundingBox().catch(() => null);
    if (box) await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4);
    // Violations are reported asynchronously and "none" has no event: a short wait.
    await page.waitForTimeout(200);
    assert.deepEqual(await page.evaluate(() => window.__csp), [], `${rel}: CSP violations`);
  }
  assert.deepEqual(problems.consoleErrors, []);
});

test("a data update behind long-cache headers never mixes releases", async (t) => {
  // Release files are immutable and cached for a year; HTML is revalidated. A new
  // release arrives: the new HTML names it, and the page reads only it. (An embed's
  // table: a page of the islands build reads no data file, src/islands.rs.)
  const next = "2099-01-01";
  let updated = false;
  const newer = JSON.parse(original(DETAIL));
  newer.release = next;
  newer.indicator.values.push({ year: 2025, value: 24.2, source: newer.indicator.values[0].source });
  const newOverview = JSON.parse(original(OVERVIEW));
  newOverview.release = next;
  newOverview.indicators.find((i) => i.id === "AIR-02").values.push({ year: 2025, value: 24.2, source: "x" });
  const asked = [];
  const server = await startServer({
    intercept: (rel, req) => {
      asked.push(rel);
      if (rel === `data/${next}/indicators/AIR-02.json`) return { body: JSON.stringify(newer) };
      if (rel === `data/${next}/overview.json`) return { body: JSON.stringify(newOverview) };
      if (updated && rel === EMBED) {
        return { type: "text/html", body: original(`${EMBED}index.html`).replaceAll(release, next) };
      }
      return null;
    },
  });
  t.after(() => server.close());
  const { page, context } = await openPage(browser, server.origin);
  t.after(() => context.close());
  await page.goto(server.url(READS_DETAIL));
  await page.getByTestId("data-table").waitFor();
  assert.match(await page.getByTestId("sentence").innerText(), /In 2024/);
  updated = true;
  asked.length = 0;
  await page.reload();
  await page.getByTestId("data-table").waitFor();
  assert.match(await page.getByTestId("sentence").innerText(), /In 2025, PM2\.5 annual mean concentration was 24\.2/);
  const data = asked.filter((r) => r.startsWith("data/"));
  assert.ok(data.length > 0 && data.every((r) => r.startsWith(`data/${next}/`)), `only the new release was read: ${data}`);
});
