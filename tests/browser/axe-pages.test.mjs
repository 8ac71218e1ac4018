// axe-core over every page of the built site (both languages, every indicator,
// city and embed), each once in one of the four display modes in turn. In a file
// of its own: it is the longest test, and each file has its own time limit.
// The kinds of page in all four modes, scrolled through: dashboard.test.mjs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { axe, openPage, routePages, settled, useSite, wakesAs } from "./harness.mjs";

const site = useSite();

test("axe-core finds no violation on any page of the site, each page in one of the four modes in turn", async () => {
  // Every route on disk, each scanned once, with the charts that are on screen drawn.
  const routes = routePages();
  assert.ok(routes.length > 300, `${routes.length} pages found`);
  const modes = [["light", false], ["dark", false], ["light", true], ["dark", true]];
  for (const [m, [colorScheme, highContrast]] of modes.entries()) {
    const { page, context } = await openPage(site.browser, site.server.origin, { colorScheme });
    if (highContrast) await context.addInitScript(() => localStorage.setItem("gansu-display-contrast", "high"));
    for (const rel of routes.filter((_, i) => i % modes.length === m)) {
      await page.goto(site.server.url(rel));
      await page.locator("h1").first().waitFor();
      await settled(page);
      // Each page's HTML is the page; the browser wakes it in place, never redraws it.
      assert.equal(await page.locator("html").getAttribute("data-app"), wakesAs(rel), `${rel}: woken`);
      assert.deepEqual(await axe(page), [], `${rel} (${colorScheme}${highContrast ? ", high contrast" : ""})`);
    }
    await context.close();
  }
});
