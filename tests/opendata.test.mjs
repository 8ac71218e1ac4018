// Every data release as independent tools read it (issue 15, "Reuse"): for each
// release in data/releases.json, `frictionless validate` finds its
// datapackage.json valid with no error, a CSV on the Web reader (the csvw
// library) reads every row of the CSV through its metadata, and its ZIP holds
// exactly the five expected files, the CSV byte for byte. Needs the built site
// (scripts/build.sh) and the venv (scripts/setup.sh).
//   DIST=/path/to/dist node --test tests/opendata.test.mjs   (default: dist/)
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pythonJson, runVenv } from "./python.mjs";

const DIST = resolve(process.env.DIST ?? join(import.meta.dirname, "../dist"));
const DATA = join(DIST, "data");
const { releases } = JSON.parse(readFileSync(join(DATA, "releases.json"), "utf8"));
const ZIP_FILES = [
  "README.md",
  "gansu-eco-indicators.csv",
  "gansu-eco-indicators.json",
  "datapackage.json",
  "gansu-eco-indicators.csv-metadata.json",
];

// Python's own csv module: the number of records after the header.
const CSV_ROWS = `
import csv, json, sys
with open(sys.argv[1], encoding="utf-8-sig", newline="") as f:
    print(json.dumps(sum(1 for _ in csv.reader(f)) - 1))
`;

// The csvw library, given only the metadata file: validity, rows read, column names.
const CSVW_READ = `
import csvw, json, sys, warnings
with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    data = csvw.CSVW(sys.argv[1], validate=True)
    valid = data.is_valid
    rows = sum(1 for table in data.tables for _ in table.iterdicts())
    columns = [c.name for table in data.tables for c in table.tableSchema.columns]
messages = [str(w.message) for w in caught] + [str(w) for w in data.warnings]
print(json.dumps({"valid": valid, "rows": rows, "columns": columns, "warnings": messages}))
`;

// Python's zipfile: the names in order, an integrity check, the CSV's SHA-256.
const ZIP_READ = `
import hashlib, json, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z:
    print(json.dumps({
        "names": z.namelist(),
        "bad": z.testzip(),
        "csv": hashlib.sha256(z.read("gansu-eco-indicators.csv")).hexdigest(),
    }))
`;

const sha256 = (path) => createHash("sha256").update(readFileSync(path)).digest("hex");

test("releases.json lists at least one release", () => {
  assert.ok(releases.length > 0, `${DATA}/releases.json`);
});

for (const { release } of releases) {
  const dir = join(DATA, release);
  const csv = join(dir, "gansu-eco-indicators.csv");
  const header = () => readFileSync(csv, "utf8").replace(/^\uFEFF/, "").split("\r\n", 1)[0].split(",");

  test(`${release}: frictionless validates datapackage.json with no error`, () => {
    const run = runVenv("frictionless", ["validate", "--json", "datapackage.json"], { cwd: dir });
    const report = JSON.parse(run.stdout);
    const errors = [
      ...(report.errors ?? []).map((e) => e.message),
      ...report.tasks.flatMap((t) => t.errors.map((e) => `${t.name}: ${e.message}`)),
    ];
    assert.deepEqual(errors, [], "no error");
    assert.equal(report.valid, true);
    assert.equal(report.stats.errors, 0);
    assert.equal(run.status, 0, run.stderr);
    const names = report.tasks.map((t) => t.name).sort();
    assert.deepEqual(names, ["gansu-eco-indicators", "gansu-eco-indicators-json"], "both resources checked");
    const table = report.tasks.find((t) => t.name === "gansu-eco-indicators");
    assert.equal(table.stats.rows, pythonJson(CSV_ROWS, [csv]), "every CSV row was validated");
    assert.equal(table.stats.fields, header().length);
  });

  test(`${release}: a CSVW reader reads every CSV row through the metadata`, () => {
    const read = pythonJson(CSVW_READ, [join(dir, "gansu-eco-indicators.csv-metadata.json")]);
    assert.deepEqual(read.warnings, []);
    assert.equal(read.valid, true);
    assert.equal(read.rows, pythonJson(CSV_ROWS, [csv]));
    assert.deepEqual(read.columns, header(), "a column for every CSV column, in order");
  });

  test(`${release}: the ZIP holds the five files, the CSV byte for byte`, () => {
    const zip = pythonJson(ZIP_READ, [join(dir, "gansu-eco-indicators.zip")]);
    assert.deepEqual(zip.names, ZIP_FILES);
    assert.equal(zip.bad, null, "every entry's CRC checks");
    assert.equal(zip.csv, sha256(csv), "the CSV in the ZIP is the release's CSV");
  });
}
