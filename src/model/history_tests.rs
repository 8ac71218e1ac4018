//! Publishing fixture releases into a temporary `public/data/` as `sitegen
//! publish` does, then reading them back and checking them.

use super::*;
use crate::model::dataset::{check_published, release_files};
use crate::model::types::{Source, SourceKey, Text};
use serde_json::{json, Value};
use std::collections::BTreeMap;
use std::path::PathBuf;

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("gansu-history-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn indicator(values: Value) -> Value {
    json!({
        "id": "AIR-02", "area": "air", "role": "goal", "name": { "zh": "细颗粒物", "en": "PM2.5" },
        "unit": "ug_m3", "direction": "lower_better",
        "target": { "kind": "at_most", "value": 25, "year": 2025, "wording": { "zh": "≤25", "en": "≤ 25" },
                    "origin": "plan", "source": "plan" },
        "baseline": { "year": 2020, "value": 27.0, "source": "plan" },
        "values": values
    })
}

fn release(id: &str, values: Value, plan_url: &str) -> Dataset {
    let source = |title: &str, url: &str| -> Source {
        serde_json::from_value(json!({
            "publisher": { "zh": "甘肃省", "en": "Gansu" }, "title": { "zh": title, "en": title },
            "url": url, "tier": "official_document"
        }))
        .unwrap()
    };
    let sources = BTreeMap::from([
        (SourceKey::from("plan"), source("规划", plan_url)),
        (SourceKey::from("b21"), source("公报", "https://e.org/b21")),
    ]);
    Dataset {
        release: ReleaseInfo {
            schema_version: 1,
            release: id.into(),
            as_of: id.into(),
            note: Text { zh: format!("{id}版"), en: format!("Release {id}") },
            changes: vec![],
        },
        sources,
        indicators: vec![serde_json::from_value(indicator(values)).unwrap()],
    }
}

/// What `sitegen publish` does, into `dir`.
fn publish(dir: &Path, authoring: &Dataset) {
    let ds = with_history(dir, authoring).unwrap();
    let list = releases_file(dir, &ds).unwrap();
    for (path, text) in release_files(&ds, |s| [s.key(), "", ""]) {
        let path = dir.join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, text).unwrap();
    }
    std::fs::write(dir.join(layout::RELEASES), list).unwrap();
}

fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.insert(path.clone(), std::fs::read(&path).unwrap());
        }
    }
    out
}

fn read_json(path: PathBuf) -> Value {
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn kinds(entry: &Value) -> Vec<&str> {
    entry["changes"].as_array().map_or(vec![], |c| c.iter().map(|c| c["kind"].as_str().unwrap()).collect())
}

fn first_two(dir: &Path) {
    let v2021 = json!({ "year": 2021, "value": 26.0, "source": "b21" });
    publish(dir, &release("2026-01-10", json!([v2021]), "https://e.org/plan"));
    let corrected = json!({ "year": 2021, "value": 25.9, "source": "b21" });
    let added = json!({ "year": 2022, "value": 25.1, "source": "b21" });
    publish(dir, &release("2026-02-10", json!([corrected, added]), "https://e.org/plan-moved"));
}

#[test]
fn each_release_records_its_changes_and_earlier_releases_stay_as_they_were() {
    let tmp = TempDir::new("publish");
    let dir = tmp.0.as_path();
    publish(
        dir,
        &release("2026-01-10", json!([{ "year": 2021, "value": 26.0, "source": "b21" }]), "https://e.org/plan"),
    );
    let first_files = files_under(&dir.join("2026-01-10"));
    assert!(!std::fs::read_to_string(dir.join(layout::RELEASES)).unwrap().contains("changes"), "a first release");
    check_published(dir).unwrap();

    first_two(dir);
    assert_eq!(files_under(&dir.join("2026-01-10")), first_files, "the first release's files changed");
    let list = read_json(dir.join(layout::RELEASES));
    assert_eq!(list["current"], "2026-02-10");
    assert_eq!(kinds(&list["releases"][0]), ["value_corrected", "value_added", "source_changed"]);
    assert_eq!(kinds(&list["releases"][1]), Vec::<&str>::new());
    let file = read_json(dir.join(layout::indicator("2026-02-10", &"AIR-02".into())));
    assert_eq!(file["indicator"]["values"][0]["revised"], "2026-02-10");
    assert_eq!(file["indicator"]["values"][1].get("revised"), None, "an added figure is not a revised one");
    let overview = std::fs::read_to_string(dir.join(layout::overview("2026-02-10"))).unwrap();
    assert!(!overview.contains("revised"), "the overview carries no marks");
    check_published(dir).unwrap();

    // Nothing new: no changes, and the mark stays with the release that revised the figure.
    let same =
        json!([{ "year": 2021, "value": 25.9, "source": "b21" }, { "year": 2022, "value": 25.1, "source": "b21" }]);
    publish(dir, &release("2026-03-10", same, "https://e.org/plan-moved"));
    let list = read_json(dir.join(layout::RELEASES));
    assert_eq!(kinds(&list["releases"][0]), Vec::<&str>::new());
    assert_eq!(kinds(&list["releases"][1]), ["value_corrected", "value_added", "source_changed"]);
    let file = read_json(dir.join(layout::indicator("2026-03-10", &"AIR-02".into())));
    assert_eq!(file["indicator"]["values"][0]["revised"], "2026-02-10");
    check_published(dir).unwrap();
}

#[test]
fn the_check_finds_recorded_changes_or_marks_that_the_releases_do_not_give() {
    let tmp = TempDir::new("check");
    let dir = tmp.0.as_path();
    first_two(dir);
    let list_path = dir.join(layout::RELEASES);
    let good_list = std::fs::read_to_string(&list_path).unwrap();

    let mut list = read_json(list_path.clone());
    list["releases"][0]["changes"].as_array_mut().unwrap().pop();
    list["releases"][1]["changes"] = list["releases"][0]["changes"].clone();
    std::fs::write(&list_path, list.to_string()).unwrap();
    let errors = check_published(dir).unwrap_err();
    let at = |e: &DataError| (e.item.clone().unwrap_or_default(), e.field.clone());
    assert_eq!(
        errors.iter().map(at).collect::<Vec<_>>(),
        [("release 2026-02-10".to_string(), "changes".to_string()), ("release 2026-01-10".into(), "changes".into())],
        "{errors:#?}"
    );
    assert!(errors[0].message.contains("3 expected, 2 recorded"), "{}", errors[0]);

    std::fs::write(&list_path, &good_list).unwrap();
    let file_path = dir.join(layout::indicator("2026-02-10", &"AIR-02".into()));
    let mut file = read_json(file_path.clone());
    file["indicator"]["values"][0].as_object_mut().unwrap().remove("revised");
    file["indicator"]["values"][1]["revised"] = json!("2026-01-10");
    std::fs::write(&file_path, file.to_string()).unwrap();
    let errors = check_published(dir).unwrap_err();
    assert_eq!(
        errors.iter().map(at).collect::<Vec<_>>(),
        [
            ("indicator AIR-02".to_string(), "values[0].revised".to_string()),
            ("indicator AIR-02".into(), "values[1].revised".into())
        ],
        "{errors:#?}"
    );
    assert!(errors[0].file.ends_with("AIR-02.json"), "{}", errors[0]);
    assert!(errors[0].message.starts_with("should be \"2026-02-10\", is absent"), "{}", errors[0]);
    assert!(errors[1].message.starts_with("should be absent, is \"2026-01-10\""), "{}", errors[1]);
}

#[test]
fn the_release_before_is_the_newest_older_one() {
    let info = |id: &str| release(id, json!([]), "https://e.org/plan").release;
    let list = [info("2026-03-10"), info("2026-01-10"), info("2026-02-10")];
    assert_eq!(previous(&list, "2026-03-10").map(|r| r.release.as_str()), Some("2026-02-10"));
    assert_eq!(previous(&list, "2026-02-10").map(|r| r.release.as_str()), Some("2026-01-10"));
    assert_eq!(previous(&list, "2026-01-10"), None);
    assert_eq!(previous(&list, "2026-04-01").map(|r| r.release.as_str()), Some("2026-03-10"));
}
