use super::*;
use crate::package_columns::{check_cell, codes, describe, Vocab, COLUMNS, MONTH_DAY_PATTERN};
use gansu_eco_dashboard::i18n;
use gansu_eco_dashboard::model::{assess, csv, csv::HEADER, dataset, place};
use serde_json::Value;
use std::io::Read;

/// The current release as published in `public/data/`.
fn current() -> Release {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let list: ReleasesFile =
        serde_json::from_str(&std::fs::read_to_string(root.join(layout::RELEASES)).unwrap()).unwrap();
    let info = list.releases.iter().find(|r| r.release == list.current).unwrap();
    Release::load(&root, info).unwrap_or_else(|e| panic!("{e}"))
}

/// The release `sitegen publish` would write from `data/` now: the CSV with
/// every column the writer has, which the published releases may not have yet.
fn next() -> Release {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let ds = dataset::load_authoring(&dir).unwrap_or_else(|e| panic!("{e:#?}"));
    let files = dataset::release_files(&ds, i18n::status_columns);
    let text = |path: String| files.iter().find(|(p, _)| *p == Path::new(&path)).unwrap().1.clone();
    let r = &ds.release.release;
    let (csv, json) = (text(layout::whole_dataset(r, "csv")), text(layout::whole_dataset(r, "json")));
    Release::from_texts(ds.release.clone(), csv, json).unwrap_or_else(|e| panic!("{e}"))
}

fn file(files: &[(String, Vec<u8>)], path: &str) -> Vec<u8> {
    files.iter().find(|(p, _)| p == path).unwrap_or_else(|| panic!("no {path}")).1.clone()
}

fn json_file(files: &[(String, Vec<u8>)], path: &str) -> Value {
    serde_json::from_slice(&file(files, path)).unwrap()
}

#[test]
fn every_csv_header_column_is_described() {
    let names: Vec<&str> = COLUMNS.iter().map(|c| c.name).collect();
    assert_eq!(names, HEADER, "package_columns::COLUMNS follows model::csv::HEADER");
    for c in &COLUMNS {
        assert!(!c.zh.is_empty() && !c.en.is_empty(), "{} has words in both languages", c.name);
    }
    // The published release, and the next one with every column of HEADER.
    let next = next();
    assert_eq!(next.header, HEADER);
    for r in [current(), next] {
        let csvw = package_meta::csvw(&r);
        let described = csvw["tableSchema"]["columns"].as_array().unwrap();
        assert_eq!(described.len(), r.header.len(), "{}", r.info.release);
        for (column, name) in described.iter().zip(&r.header) {
            assert_eq!(column["name"], name.as_str());
            assert_eq!(column["titles"], name.as_str(), "titles match the CSV's header, as CSVW validators require");
            let text = column["dc:description"].as_array().unwrap();
            assert!(text.iter().all(|t| t["@value"].as_str().is_some_and(|s| !s.is_empty())), "{name}");
        }
        let readme = package_readme::readme(&r);
        for name in &r.header {
            assert_eq!(readme.matches(&format!("| `{name}` |")).count(), 2, "{name} is in both columns tables");
        }
    }
}

#[test]
fn every_code_of_a_closed_vocabulary_is_explained() {
    let r = current();
    for c in &COLUMNS {
        if let Kind::OneOf(v) = c.kind {
            let list = codes(v, &r.data);
            assert!(!list.is_empty(), "{}", c.name);
            if v != Vocab::Basis {
                let text = describe(c, &r.data);
                for code in &list {
                    assert!(!code.label.zh.is_empty() && !code.label.en.is_empty(), "{} {}", c.name, code.value);
                    assert!(
                        text.en.contains(&code.value) && text.zh.contains(&code.value),
                        "{} {}",
                        c.name,
                        code.value
                    );
                }
            }
        }
    }
}

#[test]
fn vocabularies_are_read_from_the_enums() {
    let r = current();
    let values = |v| codes(v, &r.data).into_iter().map(|c| c.value).collect::<Vec<_>>();
    assert_eq!(values(Vocab::Period), ["full_year", "partial", "point_in_time", "multi_year"]);
    assert_eq!(values(Vocab::Tier), ["official_document", "official_media", "reprint"]);
    assert_eq!(values(Vocab::Bound), ["at_least", "at_most", "about"]);
    assert_eq!(values(Vocab::TargetKind).len(), 5);
    assert_eq!(values(Vocab::Claim), ["done", "in_progress"]);
    assert_eq!(values(Vocab::Report), ["reported-done", "reported-in-progress", "no-report"]);
    assert_eq!(values(Vocab::Publication).len(), 6);
    assert!(values(Vocab::Row).ends_with(&["statement".to_string()]));
    let publication = codes(Vocab::Publication, &r.data);
    let irregular = publication.iter().find(|c| c.value == "irregular").unwrap();
    let name = i18n::publication_name(i18n::Lang::Zh, gansu_eco_dashboard::model::PublicationKind::Irregular);
    assert_eq!(irregular.label.zh, name, "named in the site's words");
    let units = values(Vocab::Unit);
    for ind in &r.data.indicators {
        let unit = serde_json::to_value(ind.unit).unwrap();
        assert!(units.iter().any(|u| unit == *u), "{}: unit {unit}", ind.id);
        assert!(values(Vocab::Status).contains(&assess(ind).status.key().to_string()), "{}", ind.id);
    }
    let status = codes(Vocab::Status, &r.data);
    let met = status.iter().find(|c| c.value == "achieved").unwrap();
    assert!(met.label.en.starts_with(i18n::status_name(i18n::Lang::En, gansu_eco_dashboard::model::Status::Achieved)));
}

#[test]
fn a_cell_that_breaks_its_column_is_located() {
    let r = current();
    let first = r.csv.find("\r\n").unwrap() + 2;
    let (id, year) = (&r.records[0].cells[0], &r.records[0].cells[6]);
    let broken = format!("{}{}", &r.csv[..first], r.csv[first..].replacen(&format!(",{year},"), ",20x4,", 1));
    let err = Release::from_texts(r.info.clone(), broken, r.json.clone()).err().unwrap();
    assert!(err.contains("line 2, column `year`: expected a year"), "{id}: {err}");
    let unknown = r.csv.replacen("source_title_en", "source_title_fr", 1);
    let err = Release::from_texts(r.info.clone(), unknown, r.json.clone()).err().unwrap();
    assert!(err.contains("column `source_title_fr` is not described"), "{err}");
}

#[test]
fn dates_days_and_flags_are_held_to_the_calendar() {
    let check = |kind, cell| check_cell(kind, cell, &[]).is_ok();
    assert!(check(Kind::Date, "2026-06-05") && check(Kind::Date, "2028-02-29"));
    for bad in ["2026-02-29", "2026-13-01", "2026-6-05", "2026-06-31", "2026-06", "20260605"] {
        assert!(!check(Kind::Date, bad), "{bad}");
    }
    assert!(check(Kind::MonthDay, "06-05") && check(Kind::MonthDay, "02-29"));
    for bad in ["00-10", "02-30", "6-05", "06-5", "06/05", "2026-06-05"] {
        assert!(!check(Kind::MonthDay, bad), "{bad}");
    }
    assert!(check(Kind::Flag, "true"));
    for bad in ["false", "TRUE", "1"] {
        assert!(!check(Kind::Flag, bad), "{bad}");
    }
}

#[test]
fn csv_is_read_as_written() {
    let records = parse_csv("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n,\r\n").unwrap();
    let cells: Vec<Vec<String>> = records.iter().map(|r| r.cells.clone()).collect();
    assert_eq!(cells, [vec!["a", "b"], vec!["x, \"y\"", "two\nlines"], vec!["", ""]]);
    assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
    assert!(parse_csv("a,\"b\r\n").is_err());
    let r = current();
    let written: usize = r
        .data
        .indicators
        .iter()
        .map(|i| csv::rows(i, &r.data.sources, i18n::status_columns, &r.info.as_of).len())
        .sum();
    assert_eq!(r.records.len(), written, "one record per row the CSV writer writes");
}

#[test]
fn the_zip_is_deterministic_and_holds_the_five_files() {
    let r = current();
    let files = r.files().unwrap();
    let release = &r.info.release;
    let paths: Vec<&str> = files.iter().map(|(p, _)| p.as_str()).collect();
    assert_eq!(paths, [layout::csvw_metadata(release), layout::data_package(release), layout::package_zip(release)]);
    let zip = file(&files, &layout::package_zip(release));
    assert_eq!(zip, file(&r.files().unwrap(), &layout::package_zip(release)), "same release, same bytes");
    let mut archive = zip::ZipArchive::new(Cursor::new(zip)).unwrap();
    let names: Vec<String> =
        (0..archive.len()).map(|i| archive.by_index(i).unwrap().name().unwrap().to_string()).collect();
    assert_eq!(names, zip_names());
    assert_eq!(
        names,
        [
            "README.md",
            "gansu-eco-indicators.csv",
            "gansu-eco-indicators.json",
            "datapackage.json",
            "gansu-eco-indicators.csv-metadata.json"
        ]
    );
    let mut csv = Vec::new();
    let mut entry = archive.by_name("gansu-eco-indicators.csv").unwrap();
    entry.read_to_end(&mut csv).unwrap();
    assert_eq!(csv, r.csv.as_bytes(), "the CSV is stored byte for byte");
    let time = entry.last_modified().unwrap();
    assert_eq!(format!("{:04}-{:02}-{:02}", time.year(), time.month(), time.day()), r.info.as_of);
    drop(entry);
    let mut stored = String::new();
    archive.by_name("datapackage.json").unwrap().read_to_string(&mut stored).unwrap();
    assert_eq!(stored.as_bytes(), file(&files, &layout::data_package(release)), "the ZIP holds the same metadata");
}

#[test]
fn the_data_package_describes_the_release() {
    let r = current();
    let files = r.files().unwrap();
    let dp = json_file(&files, &layout::data_package(&r.info.release));
    assert_eq!(dp["$schema"], "https://datapackage.org/profiles/2.0/datapackage.json");
    assert_eq!(dp["name"], "gansu-eco-indicators");
    assert_eq!(dp["version"], r.info.release.as_str());
    assert_eq!(dp["created"], format!("{}T00:00:00Z", r.info.as_of));
    assert_eq!(dp["licenses"][0]["name"], "CC-BY-4.0");
    assert_eq!(dp["licenses"][0]["path"], "https://creativecommons.org/licenses/by/4.0/");
    let title = dp["title"].as_str().unwrap();
    assert!(title.contains("甘肃省") && title.contains("Gansu"), "{title}");
    assert!(dp["sources"][0]["title"].as_str().unwrap().contains("十四五"), "the plan comes first");
    let [csv, json] = [&dp["resources"][0], &dp["resources"][1]];
    assert_eq!(
        (csv["path"].as_str(), json["path"].as_str()),
        (Some("gansu-eco-indicators.csv"), Some("gansu-eco-indicators.json"))
    );
    assert_eq!(csv["bytes"], r.csv.len());
    assert!(csv["hash"].as_str().unwrap().starts_with("sha256:"));
    let schema = &csv["schema"];
    assert_eq!(schema["missingValues"], serde_json::json!([""]));
    assert!(schema.get("primaryKey").is_none(), "no column set is unique by rule");
    let fields = schema["fields"].as_array().unwrap();
    assert_eq!(fields.iter().map(|f| f["name"].as_str().unwrap()).collect::<Vec<_>>(), r.header);
    let field = |name: &str| fields.iter().find(|f| f["name"] == name).unwrap();
    assert_eq!(field("year")["type"], "year");
    assert_eq!(field("value")["type"], "number");
    assert_eq!(field("source_date")["type"], "string", "2021-12 is no date");
    for (name, vocab) in
        [("area", Vocab::Area), ("unit", Vocab::Unit), ("status", Vocab::Status), ("source_tier", Vocab::Tier)]
    {
        let listed: Vec<String> = codes(vocab, &r.data).into_iter().map(|c| c.value).collect();
        assert_eq!(field(name)["constraints"]["enum"], serde_json::json!(listed), "{name}");
    }
    assert_eq!(field("id")["constraints"]["required"], true);
    assert!(field("value")["constraints"].get("required").is_none());
}

/// The columns the next release adds, as both metadata files and the README
/// declare them, and its statement rows as the CSV documents them.
#[test]
fn the_next_release_declares_freshness_reports_and_statements() {
    let r = next();
    let files = r.files().unwrap();
    let dp = json_file(&files, &layout::data_package(&r.info.release));
    let fields = dp["resources"][0]["schema"]["fields"].as_array().unwrap();
    let field = |name: &str| fields.iter().find(|f| f["name"] == name).unwrap();
    assert_eq!(
        (field("provisional")["type"].as_str(), &field("provisional")["trueValues"]),
        (Some("boolean"), &serde_json::json!(["true"]))
    );
    assert_eq!(field("overdue_since")["type"], "date");
    assert_eq!(field("newest_year")["type"], "year");
    assert_eq!(field("usual_day")["constraints"]["pattern"], MONTH_DAY_PATTERN);
    for (name, vocab) in [("publication", Vocab::Publication), ("report", Vocab::Report), ("claim", Vocab::Claim)] {
        let listed: Vec<String> = codes(vocab, &r.data).into_iter().map(|c| c.value).collect();
        assert_eq!(field(name)["constraints"]["enum"], serde_json::json!(listed), "{name}");
    }
    let csvw = json_file(&files, &layout::csvw_metadata(&r.info.release));
    let columns = csvw["tableSchema"]["columns"].as_array().unwrap();
    let datatype = |name: &str| columns.iter().find(|c| c["name"] == name).unwrap()["datatype"].clone();
    assert_eq!(
        (datatype("provisional"), datatype("overdue_since")),
        (serde_json::json!("boolean"), serde_json::json!("date"))
    );

    // One statement row per statement, in the data's order; its date is its
    // source's, as the CSV says (it has no date column of its own).
    let col = |name: &str| r.header.iter().position(|h| h == name).unwrap();
    let statements: Vec<&Record> = r.records.iter().filter(|rec| rec.cells[col("row")] == "statement").collect();
    let evidence: Vec<(String, &gansu_eco_dashboard::model::Statement)> =
        r.data.indicators.iter().flat_map(|i| i.evidence.iter().map(move |s| (i.id.to_string(), s))).collect();
    assert!(!evidence.is_empty(), "the data has statements to write");
    assert_eq!(statements.len(), evidence.len());
    for (rec, (id, s)) in statements.iter().zip(&evidence) {
        let at = format!("line {}: {id} statement of {}", rec.line, s.date);
        assert_eq!(rec.cells[col("id")], *id, "{at}");
        assert_eq!(
            (&rec.cells[col("year")], &rec.cells[col("text_zh")]),
            (&s.date[..4].to_string(), &s.quote.zh),
            "{at}"
        );
        assert_eq!(rec.cells[col("claim")], serde_json::to_value(s.reported).unwrap(), "{at}");
        assert_eq!(rec.cells[col("source_date")], s.date, "{at}: the statement's date is its source's");
        assert!(rec.cells[col("report")].starts_with("reported-"), "{at}: a goal with statements has a report");
    }
    let readme = package_readme::readme(&r);
    for lang in [i18n::Lang::Zh, i18n::Lang::En] {
        assert!(readme.contains(i18n::report_caveat(lang)), "the README says whose word a report is");
    }
}

/// The place columns the next release adds: the province and its 14 cities and
/// prefectures as codes, a row for every figure of a city, with its scope and no
/// status, and still no key.
#[test]
fn the_next_release_names_every_rows_place() {
    let r = next();
    let files = r.files().unwrap();
    let dp = json_file(&files, &layout::data_package(&r.info.release));
    let schema = &dp["resources"][0]["schema"];
    assert!(schema.get("primaryKey").is_none(), "rows of several places share id, row and year");
    let fields = schema["fields"].as_array().unwrap();
    let field = |name: &str| fields.iter().find(|f| f["name"] == name).unwrap();
    let codes: Vec<&str> = std::iter::once(place::PROVINCE).chain(place::PLACES.iter().map(|p| p.code)).collect();
    assert_eq!(codes.len(), 15);
    assert_eq!(field("place")["constraints"]["enum"], serde_json::json!(codes));
    assert_eq!(field("place")["constraints"]["required"], true);
    assert_eq!(field("place_zh")["constraints"]["required"], true);
    assert!(field("scope").get("constraints").is_none(), "the province's rows have no scope");
    for name in ["status", "status_zh", "status_en"] {
        assert!(field(name).pointer("/constraints/required").is_none(), "{name}: a city's rows have no status");
    }
    let csvw = json_file(&files, &layout::csvw_metadata(&r.info.release));
    let columns = csvw["tableSchema"]["columns"].as_array().unwrap();
    let place_column = columns.iter().find(|c| c["name"] == "place").unwrap();
    assert_eq!(place_column["datatype"]["format"], format!("^({})$", codes.join("|")));

    let col = |name: &str| r.header.iter().position(|h| h == name).unwrap();
    let cell = |rec: &Record, name: &str| rec.cells[col(name)].clone();
    let (province, cities): (Vec<&Record>, Vec<&Record>) =
        r.records.iter().partition(|rec| cell(rec, "place") == place::PROVINCE);
    for rec in &province {
        let cells = ["place_zh", "place_en", "scope", "scope_zh", "scope_en"].map(|c| cell(rec, c));
        assert_eq!(cells, ["甘肃省", "Gansu province", "", "", ""], "line {}", rec.line);
        assert!(!cell(rec, "status").is_empty(), "line {}: the province's rows have a status", rec.line);
    }
    let figures: Vec<(&str, &gansu_eco_dashboard::model::PlaceSeries, &gansu_eco_dashboard::model::Observation)> = r
        .data
        .indicators
        .iter()
        .flat_map(|i| i.breakdown.iter().flat_map(move |s| s.values.iter().map(move |o| (i.id.as_str(), s, o))))
        .collect();
    assert!(!figures.is_empty(), "the data has figures of cities to write");
    assert_eq!(cities.len(), figures.len(), "one row per figure of a city");
    for (rec, (id, series, o)) in cities.iter().zip(&figures) {
        let at = format!("line {}: {id} {} {}", rec.line, series.key(), o.year);
        let named = place::find(&series.place).unwrap();
        let scope = series.scope.as_ref();
        assert_eq!(
            ["id", "row", "place", "place_zh", "place_en", "scope", "scope_zh", "scope_en", "year", "value"]
                .map(|c| cell(rec, c)),
            [
                id.to_string(),
                "value".into(),
                series.place.clone(),
                named.zh.into(),
                named.en.into(),
                scope.map(|s| s.id.to_string()).unwrap_or_default(),
                scope.map(|s| s.label.zh.clone()).unwrap_or_default(),
                scope.map(|s| s.label.en.clone()).unwrap_or_default(),
                o.year.to_string(),
                o.value.map(csv::number).unwrap_or_default(),
            ],
            "{at}"
        );
        let empty = ["status", "status_zh", "status_en", "provisional", "newest_year", "overdue_since", "basis"];
        assert_eq!(empty.map(|c| cell(rec, c)), [""; 7].map(String::from), "{at}: no status, no province's basis");
    }
    let readme = package_readme::readme(&r);
    assert!(readme.contains("| `620000` | 甘肃省 |") && readme.contains("| `620000` | Gansu province |"));
    assert!(readme.contains("| `623000` | 甘南藏族自治州 |") && readme.contains("| `623000` | Gannan |"));
    assert_eq!(readme.matches("GB/T 2260").count(), 4, "the place column and the places section, in both languages");
}

#[test]
fn the_readme_says_it_in_both_languages() {
    let r = current();
    let readme = package_readme::readme(&r);
    for s in [i18n::Lang::Zh, i18n::Lang::En].map(|l| {
        i18n::status_columns(gansu_eco_dashboard::model::Status::OffTrack)[if l == i18n::Lang::Zh { 1 } else { 2 }]
    }) {
        assert!(readme.contains(s), "{s}");
    }
    for needle in [
        "## 中文",
        "## English",
        "CC BY 4.0",
        "口径",
        "basis",
        "interpolated",
        "插值",
        "官方文件",
        "Unofficial reprint",
    ] {
        assert!(readme.contains(needle), "{needle}");
    }
    assert!(readme.contains(&r.info.release) && readme.contains(&r.info.note.en));
    let addresses = readme.matches("http").count();
    assert_eq!(addresses, readme.matches(package_meta::LICENCE_URL).count(), "no address but the licence's");
}
