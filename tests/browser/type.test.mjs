// Type on a scale (style/base.css): every page's text is set in a handful of
// sizes, one bold and the system's font. Each distinct setting (size, weight,
// style, family) costs the browser a font lookup in the page's first layout,
// and Chinese text walks the font list for each: on the indicator page 17
// settings made Chromium's first layout look up fonts 126 times (a trace, 4×
// CPU), 8 settings 31 times. This keeps the count where it was brought.
import { test } from "node:test";
import assert from "node:assert/strict";
import { openPage, routePages, useSite } from "./harness.mjs";

const site = useSite();

/** Each distinct font setting of the page's visible text, with where it is used. */
const settings = (page) =>
  page.evaluate(() => {
    const found = new Map();
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node; (node = walker.nextNode()); ) {
      const el = node.parentElement;
      if (!node.data.trim() || !el || el.getClientRects().length === 0) continue;
      const s = getComputedStyle(el);
      const key = `${s.fontSize} ${s.fontWeight} ${s.fontStyle} ${s.fontFamily}`;
      if (!found.has(key)) found.set(key, `${el.tagName.toLowerCase()}.${el.getAttribute("class") ?? ""}`);
    }
    return [...found];
  });

// The largest count on any page: the English indicator page's (its source titles
// are italic, and it shows code). The Chinese one has 8, the cities page 7 (8 at
// 360 px, where its map's tiles name their places smaller), the overview 7, an
// embed 4.
const MOST = 9;

test("every kind of page sets its text in a few font settings, all in the system's fonts", async () => {
  // (bench-reference/ is the benchmark's plain-JS page, not the site's.)
  const pages = routePages().filter((rel) => !rel.includes("bench-reference/"));
  // One page of each kind, in both languages.
  const kinds = new Map();
  for (const rel of pages) kinds.set(rel.replace(/^en\//, "").replace(/\/[^/]+\/$/, "/x/"), rel);
  const sample = [...kinds.values()].flatMap((rel) => [rel.replace(/^en\//, ""), `en/${rel.replace(/^en\//, "")}`]);
  assert.ok(sample.length >= 16, `${sample}`);
  for (const width of [360, 1280]) {
    const { page, context } = await openPage(site.browser, site.server.origin, { width });
    for (const rel of sample) {
      await page.goto(site.server.url(rel));
      const used = await settings(page);
      const where = `${rel} at ${width} px`;
      assert.ok(used.length <= MOST, `${where}: ${used.length} font settings:\n${used.map((u) => u.join(" ← ")).join("\n")}`);
      // The system's font (and for code, the system's monospace), never a list of named fonts.
      for (const [key, el] of used) {
        assert.match(key, / (system-ui, sans-serif|ui-monospace, Menlo, Consolas, monospace)$/, `${where}: ${el} is set in ${key}`);
      }
    }
    await context.close();
  }
});
