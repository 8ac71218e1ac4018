// Found and shared: the sitemap and robots.txt, schema.org Dataset markup read by
// an independent JSON-LD parser (Python extruct), oEmbed discovery as a CMS does
// it, the QR code decoded back to the page's address, and the share panel.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import jsQR from "jsqr";
import { DIST, currentRelease, openPage, overview, readDist, routePages, useSite, waitForChart } from "./harness.mjs";

const site = useSite();
/** The address the build was made for (scripts/test.sh builds with this `--site-url`). */
const SITE_URL = "http://127.0.0.1:8080/gansu/";
const PYTHON = join(import.meta.dirname, "../../.venv/bin/python");

/** Every route's page in the built site, as a path relative to the root ("" for the overview). */
const indicatorPages = () =>
  overview().indicators.flatMap((i) => [["zh", `indicator/${i.id}/`, i], ["en", `en/indicator/${i.id}/`, i]]);

test("the sitemap parses and lists every page in both languages, and robots.txt points to it", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin);
  await page.goto(site.server.url("sitemap.xml"));
  // The browser's own XML parser reads it.
  const parsed = await page.evaluate(async () => {
    const xml = new DOMParser().parseFromString(await (await fetch(location.href)).text(), "application/xml");
    const ns = "http://www.sitemaps.org/schemas/sitemap/0.9";
    return {
      error: xml.getElementsByTagName("parsererror").length,
      root: xml.documentElement.namespaceURI,
      urls: [...xml.getElementsByTagNameNS(ns, "url")].map((u) => ({
        loc: u.getElementsByTagNameNS(ns, "loc")[0].textContent,
        lastmod: u.getElementsByTagNameNS(ns, "lastmod")[0].textContent,
        alternates: [...u.getElementsByTagNameNS("http://www.w3.org/1999/xhtml", "link")].map((l) => l.getAttribute("hreflang")),
      })),
    };
  });
  await context.close();
  assert.equal(parsed.error, 0);
  assert.equal(parsed.root, "http://www.sitemaps.org/schemas/sitemap/0.9");
  const expected = routePages().filter((p) => !/(^|\/)embed\//.test(p)).map((p) => SITE_URL + p).sort();
  assert.deepEqual(parsed.urls.map((u) => u.loc).sort(), expected, "every page but embeds, once");
  const asOf = JSON.parse(readDist("data/releases.json")).as_of;
  for (const u of parsed.urls) {
    assert.equal(u.lastmod, asOf);
    assert.deepEqual(u.alternates, ["zh-CN", "en", "x-default"], u.loc);
  }
  assert.match(readDist("robots.txt"), new RegExp(`^Sitemap: ${SITE_URL}sitemap\\.xml$`, "m"));
});

test("every indicator page carries a schema.org Dataset that extruct reads, and the about page a DataCatalog", () => {
  const pages = indicatorPages().map(([lang, rel, ind]) => ({ lang, rel, id: ind.id, file: join(DIST, rel, "index.html") }));
  const about = [join(DIST, "about/index.html"), join(DIST, "en/about/index.html")];
  // One Python run reads every page with extruct (an independent JSON-LD parser).
  const script = `
import extruct, json, sys
out = {}
for path in json.load(sys.stdin):
    with open(path, encoding="utf-8") as f:
        out[path] = extruct.extract(f.read(), base_url="${SITE_URL}", syntaxes=["json-ld"])["json-ld"]
print(json.dumps(out))`;
  const input = JSON.stringify([...pages.map((p) => p.file), ...about]);
  const found = JSON.parse(execFileSync(PYTHON, ["-c", script], { input, maxBuffer: 64 << 20 }).toString());
  const release = currentRelease();
  for (const p of pages) {
    const items = found[p.file];
    assert.equal(items.length, 1, `${p.rel}: one JSON-LD item`);
    const d = items[0];
    assert.equal(d["@type"], "Dataset", p.rel);
    assert.equal(d.identifier, p.id);
    assert.equal(d.url, SITE_URL + p.rel);
    assert.equal(d.inLanguage, p.lang === "zh" ? "zh-CN" : "en");
    assert.equal(d.license, "https://creativecommons.org/licenses/by/4.0/");
    assert.ok(d.name && d.description.length >= 50, `${p.rel}: name and a description of 50+ characters`);
    assert.ok(d.creator.length > 0 && d.creator.every((c) => c["@type"] === "Organization" && c.name), p.rel);
    assert.equal(d.publisher["@type"], "Organization");
    assert.match(d.temporalCoverage, /^\d{4}\/\d{4}$/, p.rel);
    assert.equal(d.spatialCoverage["@type"], "Place");
    assert.ok(d.variableMeasured.name, p.rel);
    assert.deepEqual(
      d.distribution.map((x) => x.contentUrl),
      [`${SITE_URL}data/${release}/downloads/${p.id}.csv`, `${SITE_URL}data/${release}/indicators/${p.id}.json`],
    );
    assert.ok(d.isBasedOn.length > 0 && d.isBasedOn.every((w) => w.name), `${p.rel}: the documents it rests on`);
    assert.equal(d.dateModified, JSON.parse(readDist("data/releases.json")).as_of);
    assert.equal(d.includedInDataCatalog["@type"], "DataCatalog");
  }
  for (const path of about) {
    const [c] = found[path];
    assert.equal(c["@type"], "DataCatalog", path);
    assert.equal(c.dataset.length, overview().indicators.length);
    assert.ok(c.license && c.publisher && c.description);
  }
});

test("oEmbed: a consumer discovers each indicator page's JSON and gets a rich embed (oEmbed 1.0)", async () => {
  for (const [lang, rel, ind] of indicatorPages()) {
    // Discovery, as section 4 of the spec describes: a <link> in the page's head.
    const html = await (await fetch(site.server.url(rel))).text();
    const link = html.match(/<link rel="alternate" type="application\/json\+oembed" href="([^"]+)" title="[^"]+">/);
    assert.ok(link, `${rel}: oEmbed discovery link`);
    assert.equal(link[1], `${SITE_URL}${rel}oembed.json`);
    const res = await fetch(link[1].replace(SITE_URL, site.server.url("")));
    assert.equal(res.status, 200);
    assert.match(res.headers.get("content-type"), /^application\/json/);
    const r = await res.json();
    assert.equal(r.version, "1.0");
    assert.equal(r.type, "rich");
    // A rich response must give html, width and height; thumbnails come as all three or none.
    assert.ok(Number.isInteger(r.width) && r.width > 0 && Number.isInteger(r.height) && r.height > 0, rel);
    const embed = `${SITE_URL}${lang === "en" ? "en/" : ""}embed/${ind.id}/`;
    assert.ok(r.html.includes(`<iframe src="${embed}"`), `${rel}: ${r.html}`);
    assert.equal(r.title, lang === "en" ? ind.name.en : ind.name.zh);
    assert.ok(r.provider_name && r.provider_url === SITE_URL);
    assert.deepEqual([r.thumbnail_width, r.thumbnail_height], [1200, 630]);
    assert.equal(r.thumbnail_url, `${SITE_URL}charts/${ind.id}.${lang}.png`);
  }
});

test("each indicator page's QR code decodes to its own address", async () => {
  const { page, context } = await openPage(site.browser, site.server.origin);
  await page.goto("about:blank");
  for (const [, rel] of indicatorPages()) {
    const svg = readDist(`${rel}qr.svg`);
    assert.ok(!/style=/.test(svg), "no style attributes (the site's policy would block them)");
    // Drawn by the browser into pixels, then read by jsQR like a phone camera would.
    // The pixels come back as one base64 string: as a JSON array of numbers, 120
    // pages' pixels took most of the file's time limit on a slow machine.
    const pixels = await page.evaluate(async (src) => {
      const img = new Image();
      img.src = "data:image/svg+xml;base64," + btoa(src);
      await img.decode();
      const canvas = Object.assign(document.createElement("canvas"), { width: 400, height: 400 });
      const ctx = canvas.getContext("2d");
      ctx.drawImage(img, 0, 0, 400, 400);
      const bytes = ctx.getImageData(0, 0, 400, 400).data;
      let binary = "";
      for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
      return btoa(binary);
    }, svg);
    const code = jsQR(new Uint8ClampedArray(Buffer.from(pixels, "base64")), 400, 400);
    assert.equal(code?.data, SITE_URL + rel, `${rel}: decodes to the permalink`);
  }
  await context.close();
});

test("the share panel: share link (share sheet or clipboard), the QR code, and the ZIP of the release", async () => {
  // Without the Web Share API (desktop Chromium on Linux): the title and link are copied.
  const { page, context, problems } = await openPage(site.browser, site.server.origin);
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: site.server.origin });
  await page.goto(site.server.url("en/indicator/AIR-02/"));
  await waitForChart(page);
  await page.getByText("Share this page").click();
  const qr = page.getByTestId("share-qr");
  await qr.waitFor();
  // Loaded lazily: only once the reader opens the panel.
  await page.waitForFunction(() => {
    const img = document.querySelector("[data-testid=share-qr]");
    return img.complete && img.naturalWidth > 0;
  }, null, { timeout: 10000 });
  assert.equal(await qr.getAttribute("alt"), `QR: ${site.server.url("en/indicator/AIR-02/")}`);
  await page.getByTestId("share-link").click();
  await page.waitForFunction(async () => (await navigator.clipboard.readText()).length > 0);
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(copied, `PM2.5 annual mean concentration · Gansu eco-environment goals — ${site.server.url("en/indicator/AIR-02/")}`);
  const status = ".share__part:has([data-testid=share-link]) .copy-status";
  await page.waitForFunction((sel) => document.querySelector(sel).textContent.includes("Copied"), status);
  const zip = await page.getByTestId("download-zip").getAttribute("href");
  assert.equal(zip, `data/${currentRelease()}/gansu-eco-indicators.zip`);
  assert.equal((await fetch(site.server.url(zip))).status, 200);
  assert.deepEqual(problems.consoleErrors, []);
  await context.close();

  // With it (phones): the share sheet gets the title and the link, nothing is copied.
  const phone = await openPage(site.browser, site.server.origin, { width: 360 });
  await phone.page.addInitScript(() => {
    window.__shared = [];
    Object.defineProperty(navigator, "share", { value: (data) => (window.__shared.push(data), Promise.resolve()) });
  });
  await phone.page.goto(site.server.url("indicator/AIR-02/"));
  await waitForChart(phone.page);
  await phone.page.getByText("分享本页").click();
  await phone.page.getByTestId("share-link").click();
  const shared = await phone.page.evaluate(() => window.__shared);
  assert.deepEqual(shared, [{ title: "细颗粒物（PM2.5）年均浓度 · 甘肃生态环境目标进展", url: site.server.url("indicator/AIR-02/") }]);
  assert.equal(await phone.page.locator(".share__part:has([data-testid=share-link]) .copy-status").innerText(), "");
  await phone.context.close();
});
