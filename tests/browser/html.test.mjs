// Every page's HTML through the Nu HTML Checker (vnu-jar): the generated files as
// served, and a sample of pages as the browser has rendered them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DIST, openPage, settled, useSite, waitForChart } from "./harness.mjs";

const VNU = join(createRequire(import.meta.url).resolve("vnu-jar"), "../build/dist/vnu.jar");

/** Runs the checker on `files`; returns its errors. */
async function check(files) {
  const run = promisify(execFile)("java", ["-jar", VNU, "--errors-only", "--format", "json", ...files], { maxBuffer: 64 * 1024 * 1024 });
  // vnu exits non-zero when it finds errors; its report is on stderr either way.
  const { stderr } = await run.catch((e) => e);
  return JSON.parse(stderr).messages.filter((m) => m.type === "error");
}

function htmlFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return htmlFiles(path);
    return name.endsWith(".html") && !path.includes("bench-reference") ? [path] : [];
  });
}

test("every generated HTML file passes the Nu HTML checker", async () => {
  const files = htmlFiles(DIST);
  assert.ok(files.length > 300, `${files.length} pages`);
  const errors = await check(files);
  assert.deepEqual(errors.map((e) => `${e.url.replace(/.*dist\//, "")}:${e.lastLine}: ${e.message}`), []);
});

const site = useSite();

test("pages as rendered by the app pass the Nu HTML checker", async () => {
  const dir = mkdtempSync(join(tmpdir(), "rendered-"));
  const { page } = await openPage(site.browser, site.server.origin);
  const files = [];
  for (const rel of ["", "en/area/air/", "indicator/AIR-01/", "en/indicator/WAT-01/?view=table", "en/about/", "embed/AIR-02/", "en/indicator/XYZ-99/"]) {
    await page.goto(site.server.url(rel));
    if (rel.includes("about") || rel.includes("XYZ") || rel.includes("table")) await page.locator("h1").waitFor();
    else await waitForChart(page);
    await settled(page);
    const file = join(dir, `${rel.replace(/[^a-z0-9]+/gi, "_") || "overview"}.html`);
    writeFileSync(file, await page.content());
    files.push(file);
  }
  await page.context().close();
  // ECharts marks each chart's container with its own `_echarts_instance_`
  // attribute; it is the library's bookkeeping, not markup we write.
  const errors = (await check(files)).filter((e) => !e.message.includes("_echarts_instance_"));
  assert.deepEqual(errors.map((e) => `${e.url.replace(/.*rendered-[^/]+\//, "")}:${e.lastLine}: ${e.message} «${e.extract}»`), []);
});
