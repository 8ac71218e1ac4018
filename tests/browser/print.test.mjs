// Printing: an indicator page prints as A4 sheets with its title, answer,
// numbers, chart, sources, permanent address and data release, and without the
// navigation, filters and share panel that only work on a screen. The PDF is
// made by Chromium (page.pdf) and read back by pypdf (.venv, scripts/setup.sh).
import { test } from "node:test";
import assert from "node:assert/strict";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { ARTIFACTS, currentRelease, openPage, screenshotPath, useSite, waitForChart } from "./harness.mjs";
import { pythonJson } from "../python.mjs";

const site = useSite();

/** Every page's text of a PDF, and its page size in points. */
function pdfText(path) {
  return pythonJson(
    `import json, sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
print(json.dumps({"pages": [p.extract_text() for p in r.pages], "size": [float(r.pages[0].mediabox.width), float(r.pages[0].mediabox.height)]}))`,
    [path],
  );
}

test("an indicator page prints as A4 with its content, address and release, and no screen-only parts", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin, { width: 1280, height: 900 });
  await page.goto(site.server.url("indicator/AIR-02/"));
  await waitForChart(page);
  await page.emulateMedia({ media: "print" });
  const hidden = await page.evaluate(() =>
    ["[data-testid=share]", ".site-header__nav", ".breadcrumbs", ".tabs"].map((s) => {
      const el = document.querySelector(s);
      return el ? getComputedStyle(el).display : "absent";
    }),
  );
  assert.deepEqual(hidden, ["none", "none", "none", "none"], "screen-only parts are not printed");
  await page.screenshot({ path: screenshotPath("print-AIR-02"), fullPage: true });
  const pdf = join(ARTIFACTS, "print-AIR-02.pdf");
  writeFileSync(pdf, await page.pdf({ format: "A4", printBackground: true }));
  const { pages, size } = pdfText(pdf);
  // A4 is 595 × 842 points.
  assert.ok(Math.abs(size[0] - 595) < 2 && Math.abs(size[1] - 842) < 2, `A4: ${size}`);
  const first = pages[0].replace(/\s+/g, "");
  const all = pages.join("\n").replace(/\s+/g, "");
  assert.ok(first.includes("细颗粒物（PM2.5）年均浓度"), `the title is on the first sheet: ${pages[0].slice(0, 200)}`);
  assert.ok(first.includes("25.7"), "so is the latest figure");
  assert.ok(all.includes("数据来源"), "the sources are printed");
  assert.ok(all.includes(`数据版本${currentRelease()}`), "the data release is printed");
  assert.ok(all.includes("indicator/AIR-02/"), "the page's address is printed");
  assert.ok(!all.includes("复制代码") && !all.includes("分享、嵌入与下载"), "the share panel is not printed");
  await context.close();
});
