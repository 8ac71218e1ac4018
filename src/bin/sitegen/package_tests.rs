use super::*;
use crate::package_columns::{codes, describe, Vocab, COLUMNS};
use gansu_eco_dashboard::i18n;
use gansu_eco_dashboard::model::{assess, csv, csv::HEADER};
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
    let r = current();
    let csvw = package_meta::csvw(&r);
    let described = csvw["tableSchema"]["columns"].as_array().unwrap();
    assert_eq!(described.len(), HEADER.len());
    for (column, name) in described.iter().zip(HEADER) {
        assert_eq!(column["name"], name);
        assert_eq!(column["titles"], name, "titles match the CSV's header, as CSVW validators require");
        let text = column["dc:description"].as_array().unwrap();
        assert!(text.iter().all(|t| t["@value"].as_str().is_some_and(|s| !s.is_empty())), "{name}");
    }
    let readme = package_readme::readme(&r);
    for name in HEADER {
        assert_eq!(readme.matches(&format!("| `{name}` |")).count(), 2, "{name} is in both columns tables");
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
fn csv_is_read_as_written() {
    let records = parse_csv("a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n,\r\n").unwrap();
    let cells: Vec<Vec<String>> = records.iter().map(|r| r.cells.clone()).collect();
    assert_eq!(cells, [vec!["a", "b"], vec!["x, \"y\"", "two\nlines"], vec!["", ""]]);
    assert_eq!(records.iter().map(|r| r.line).collect::<Vec<_>>(), [1, 2, 4]);
    assert!(parse_csv("a,\"b\r\n").is_err());
    let r = current();
    let written: usize =
        r.data.indicators.iter().map(|i| csv::rows(i, &r.data.sources, i18n::status_columns).len()).sum();
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
