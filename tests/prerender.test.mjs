// Every indicator page is readable in its HTML: a plain HTTP fetch (no browser,
// no script; what a crawler, a link unfurler or a read-later app gets) of
// `indicator/<ID>/`, in both languages, holds the indicator's latest figure,
// its target and its status in words, checked against the release's data files.
//   node --test tests/prerender.test.mjs      (after scripts/build.sh)
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { currentRelease, indicatorFile, overview, startServer } from "./browser/harness.mjs";

const STATUS_NAMES = {
  zh: ["已达标", "进展顺利", "需要加快", "进展落后", "未达标", "背景数据", "无法判断", "暂无数据"],
  en: ["Target met", "On track", "Needs to speed up", "Off track", "Target missed", "Context figure", "Not assessable", "No data yet"],
};

let server;
before(async () => (server = await startServer()));
after(async () => server?.close());

/** The text of the first element carrying `data-testid="<id>"` (tags stripped). */
function byTestId(html, id) {
  const at = html.indexOf(`data-testid="${id}"`);
  if (at < 0) return null;
  const open = html.lastIndexOf("<", at);
  const tag = html.slice(open + 1).match(/^[a-z0-9]+/)[0];
  // Elements of the same tag may nest (a list inside a list item): count them.
  let depth = 0;
  const re = new RegExp(`<(/?)${tag}\\b[^>]*>`, "g");
  re.lastIndex = open;
  for (let m; (m = re.exec(html)); ) {
    depth += m[1] ? -1 : 1;
    if (depth === 0) return text(html.slice(open, m.index));
  }
  return null;
}

const text = (html) =>
  html
    .replace(/<svg[\s\S]*?<\/svg>/g, "")
    .replace(/<[^>]+>/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'");

/** Every number in a text, as written ("1,234.5" → 1234.5). */
const numbers = (s) => [...s.replaceAll(",", "").replaceAll("−", "-").matchAll(/-?\d+(?:\.\d+)?/g)].map((m) => Number(m[0]));

const ids = overview().indicators.map((i) => i.id);

test("the data has indicators to check", () => assert.ok(ids.length >= 50, `${ids.length} indicators`));

for (const lang of ["zh", "en"]) {
  test(`every indicator page (${lang}) holds its latest figure, target and status in its HTML`, async () => {
    const release = currentRelease();
    for (const id of ids) {
      const url = server.url(`${lang === "en" ? "en/" : ""}indicator/${id}/`);
      const response = await fetch(url);
      assert.equal(response.status, 200, url);
      const html = await response.text();
      assert.match(html, new RegExp(`<meta name="data-release" content="${release}">`), url);
      const file = indicatorFile(id);
      const ind = file.indicator;
      const where = `${id} (${lang})`;

      // The name, as the page's heading.
      assert.ok(html.includes(`>${ind.name[lang]}</h1>`) || text(html).includes(ind.name[lang]), `${where}: name`);

      // Latest figure: the figure and year shown are one of the file's figures for that year.
      const latest = byTestId(html, "milestone-latest");
      assert.ok(latest, `${where}: a latest figure`);
      // Figures from the base year (2020) on: older history is never "latest".
      const numeric = ind.values.filter((v) => typeof v.value === "number" && v.year >= 2020);
      // (With no figure, the page says so or quotes a statement in words.)
      if (numeric.length > 0) {
        const shown = numbers(latest);
        const year = shown.find((n) => Number.isInteger(n) && n >= 2000 && n <= 2100 && numeric.some((v) => v.year === n));
        assert.ok(year, `${where}: latest names a year with a figure: ${latest}`);
        const ofYear = numeric.filter((v) => v.year === year).map((v) => v.value);
        assert.ok(
          shown.some((n) => ofYear.some((v) => Math.abs(v - n) <= Math.max(0.051, Math.abs(v) * 0.001))),
          `${where}: latest "${latest}" shows one of ${year}'s figures ${ofYear}`,
        );
        // Never older than the newest full-year figure (a newer part-year one may be shown, marked as such).
        const full = numeric.filter((v) => !v.alternative && v.period?.kind !== "partial");
        if (full.length) assert.ok(year >= Math.max(...full.map((v) => v.year)), `${where}: ${year} is the newest`);
      }

      // Target: its number, or its words where the plan gave none.
      if (ind.role === "goal" && ind.target) {
        const target = byTestId(html, "milestone-target");
        assert.ok(target, `${where}: a target`);
        if (typeof ind.target.value === "number") {
          assert.ok(numbers(target).some((n) => Math.abs(n - ind.target.value) < 1e-9), `${where}: target "${target}" shows ${ind.target.value}`);
        } else {
          assert.ok(target.length > 0, `${where}: the target's words`);
        }
      }

      // Status in words, one of the method's names, consistent with the data.
      const status = byTestId(html, "status-name");
      assert.ok(STATUS_NAMES[lang].includes(status), `${where}: status "${status}"`);
      if (numeric.length === 0 && ind.role === "goal" && typeof ind.target?.value === "number") {
        assert.equal(status, STATUS_NAMES[lang][7], `${where}: no figure, so no data`);
      }
      if (ind.role !== "goal") assert.ok(![0, 1, 2, 3, 4].some((i) => STATUS_NAMES[lang][i] === status), `${where}: a context figure is not judged`);

      // The chart is in the page as a picture, and the sources are listed.
      assert.match(html, /<svg class="chart-picture/, `${where}: the chart's picture`);
      for (const key of Object.keys(file.sources).slice(0, 3)) {
        const publisher = file.sources[key].publisher?.[lang] ?? file.sources[key].publisher;
        if (typeof publisher === "string") assert.ok(text(html).includes(publisher), `${where}: source ${key} (${publisher})`);
      }
    }
  });
}
