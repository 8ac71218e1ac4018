// The Atom feeds of the data releases (issue 12, "What changed, per release"),
// as independent tools read them: Python's feedparser (from .venv/, made by
// scripts/setup.sh) parses dist/feed.xml and dist/en/feed.xml as Atom 1.0 with
// no error (bozo 0), and Python's expat parser finds each well-formed and holding
// what RFC 4287 requires of a feed and its entries. One entry per release in
// data/releases.json, newest first, with the release's id, date, note, one list
// item per recorded change, and a link to the release on the changes page; and
// every page of the site names its language's feed. Needs the built site
// (scripts/build.sh) and the venv.
//   DIST=/path/to/dist node --test tests/feed.test.mjs   (default: dist/)
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pythonJson } from "./python.mjs";

const DIST = resolve(process.env.DIST ?? join(import.meta.dirname, "../dist"));
const { releases } = JSON.parse(readFileSync(join(DIST, "data/releases.json"), "utf8"));
const FEEDS = { zh: { path: "feed.xml", home: "index.html" }, en: { path: "en/feed.xml", home: "en/index.html" } };

// feedparser: whether it had to work around anything (bozo), and what it read.
const FEEDPARSER = `
import feedparser, json, sys
d = feedparser.parse(sys.argv[1])
links = lambda x: [{"rel": l.get("rel"), "href": l.get("href"), "type": l.get("type")} for l in x.get("links", [])]
print(json.dumps({
    "bozo": int(d.bozo),
    "exception": repr(d.get("bozo_exception")),
    "version": d.version,
    "feed": {k: d.feed.get(k) for k in ["title", "id", "updated", "language", "author"]} | {"links": links(d.feed)},
    "entries": [
        {k: e.get(k) for k in ["id", "title", "updated", "published", "link", "summary"]}
        | {"links": links(e), "content": [c.get("value") for c in e.get("content", [])]}
        for e in d.entries
    ],
}))
`;

// expat (xml.etree): well-formed, and RFC 4287's "MUST"s on atom:feed and atom:entry.
const RFC4287 = `
import json, re, sys, xml.etree.ElementTree as ET
A = "{http://www.w3.org/2005/Atom}"
DATE = re.compile(r"^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})$")
IRI = re.compile(r"^[a-z][a-z0-9+.-]*:", re.I)
root = ET.parse(sys.argv[1]).getroot()
problems = []
def once(el, name, where):
    found = el.findall(A + name)
    if len(found) != 1:
        problems.append(f"{where} has {len(found)} atom:{name}, needs exactly one")
    return found[0].text or "" if found else ""
def check(el, where):
    if not IRI.match(once(el, "id", where)): problems.append(f"{where}: atom:id is not an absolute IRI")
    once(el, "title", where)
    for name in ["updated", "published"]:
        for d in el.findall(A + name):
            if not DATE.match(d.text or ""): problems.append(f"{where}: atom:{name} {d.text!r} is not an RFC 3339 date")
    alternates = [(l.get("type"), l.get("hreflang")) for l in el.findall(A + "link") if l.get("rel", "alternate") == "alternate"]
    if len(alternates) != len(set(alternates)): problems.append(f"{where}: two alternate links of one type and language")
    for l in el.findall(A + "link"):
        if not IRI.match(l.get("href", "")): problems.append(f"{where}: link {l.get('href')!r} is not absolute")
if root.tag != A + "feed": problems.append(f"the root element is {root.tag}, not atom:feed")
check(root, "the feed")
entries = root.findall(A + "entry")
for i, e in enumerate(entries):
    check(e, f"entry {i}")
    if not root.findall(A + "author") and not e.findall(A + "author"): problems.append(f"entry {i} has no author")
    if not e.findall(A + "content") and not [l for l in e.findall(A + "link") if l.get("rel", "alternate") == "alternate"]:
        problems.append(f"entry {i} has neither content nor an alternate link")
ids = [e.findtext(A + "id") for e in entries]
if len(ids) != len(set(ids)): problems.append("two entries share an id")
print(json.dumps({"problems": problems, "lang": root.get("{http://www.w3.org/XML/1998/namespace}lang")}))
`;

/** The site root in one language, from that home page's canonical URL. */
function home(lang) {
  const html = readFileSync(join(DIST, FEEDS[lang].home), "utf8");
  const canonical = html.match(/<link rel="canonical" href="([^"]+)">/);
  assert.ok(canonical, `${FEEDS[lang].home} has a canonical URL`);
  return canonical[1];
}

const escapeHtml = (s) => s.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");

test("releases.json lists at least one release", () => {
  assert.ok(releases.length > 0);
});

for (const lang of ["zh", "en"]) {
  const file = join(DIST, FEEDS[lang].path);

  test(`${FEEDS[lang].path} is well-formed Atom with what RFC 4287 requires`, () => {
    const report = pythonJson(RFC4287, [file]);
    assert.deepEqual(report.problems, []);
    assert.equal(report.lang, lang === "zh" ? "zh-CN" : "en");
  });

  test(`${FEEDS[lang].path}: feedparser reads one entry per release, linked to the changes page`, () => {
    const d = pythonJson(FEEDPARSER, [file]);
    assert.equal(d.bozo, 0, d.exception);
    assert.equal(d.version, "atom10");
    const root = home(lang);
    const changes = `${root}changes/`;
    assert.ok(d.feed.title?.length > 0, "a title");
    assert.ok(d.feed.author?.length > 0, "an author");
    assert.equal(d.feed.id, `${root}feed.xml`, "the feed's address");
    assert.deepEqual(
      d.feed.links.find((l) => l.rel === "self"),
      { rel: "self", href: d.feed.id, type: "application/atom+xml" },
      "the feed's id is its own address",
    );
    assert.equal(d.feed.links.find((l) => l.rel === "alternate")?.href, changes);
    assert.ok(d.feed.updated.startsWith(releases[0].as_of), `updated ${d.feed.updated}: the newest release's date`);
    assert.equal(d.entries.length, releases.length, "one entry per release");
    releases.forEach((r, i) => {
      const e = d.entries[i];
      const at = `entry ${i} (${r.release})`;
      assert.equal(e.id, `${changes}#release-${r.release}`, at);
      assert.equal(e.link, e.id, `${at}: links to the release on the changes page`);
      assert.ok(e.title.includes(r.release), `${at}: title ${e.title}`);
      assert.ok(e.updated.startsWith(r.as_of) && e.published.startsWith(r.as_of), `${at}: ${e.updated}`);
      assert.ok(e.summary.length > 0, `${at}: a summary`);
      const content = e.content.join("");
      assert.ok(content.includes(escapeHtml(r.note[lang])), `${at}: the release note`);
      assert.equal(content.match(/<li>/g)?.length ?? 0, (r.changes ?? []).length, `${at}: one item per change`);
    });
  });
}

/** Every HTML page of the built site, as paths relative to DIST. */
function pages(dir = DIST) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return pages(path);
    return entry.name.endsWith(".html") ? [relative(DIST, path).split(sep).join("/")] : [];
  });
}

test("every page but an embed names its language's feed, and the address finds the file", () => {
  const all = pages();
  assert.ok(all.length > 100, `${all.length} pages`);
  for (const page of all) {
    const html = readFileSync(join(DIST, page), "utf8");
    const link = html.match(/<link rel="alternate" type="application\/atom\+xml" href="([^"]+)" title="[^"]+">/);
    // An embed sits in other sites' articles: it names no feed of this site.
    if (/^(en\/)?embed\//.test(page)) {
      assert.equal(link, null, `${page}: an embed names no feed`);
      continue;
    }
    assert.ok(link, `${page}: no feed link`);
    const lang = html.match(/<html lang="([^"]+)">/)?.[1];
    const base = html.match(/<base href="([^"]+)">/)?.[1];
    // Resolved as a browser would: against <base href>, itself against the page's address.
    const site = home("zh");
    const feed = new URL(link[1], new URL(base, new URL(page, site)));
    const expected = lang === "en" ? FEEDS.en.path : FEEDS.zh.path;
    assert.equal(feed.href, new URL(expected, site).href, `${page} (${lang}, base ${base})`);
    assert.ok(existsSync(join(DIST, expected)));
  }
});
