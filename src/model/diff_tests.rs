//! Each kind of change on small fixture releases, and the `revised` marks.

use super::*;
use crate::model::files::ReleaseInfo;
use serde_json::{json, Value};
use std::collections::BTreeMap;

fn text(s: &str) -> Text {
    Text { zh: s.into(), en: s.into() }
}

/// PM2.5 with a target, a baseline, two bases and a few yearly figures.
fn pm25() -> Value {
    json!({
        "id": "AIR-02", "area": "air", "role": "goal", "name": { "zh": "细颗粒物", "en": "PM2.5" },
        "unit": "ug_m3", "direction": "lower_better",
        "bases": [
            { "id": "all", "label": { "zh": "全部", "en": "all" } },
            { "id": "excl-dust", "label": { "zh": "扣除沙尘", "en": "dust removed" } }
        ],
        "headline_basis": "excl-dust",
        "target": { "kind": "at_most", "value": 25, "year": 2025, "wording": { "zh": "≤25", "en": "≤ 25" },
                    "origin": "plan", "source": "plan" },
        "baseline": { "year": 2020, "value": 27.0, "source": "plan" },
        "values": [
            { "year": 2021, "value": 26.0, "source": "b21" },
            { "year": 2022, "value": 25.5, "source": "b22", "note": { "zh": "注", "en": "note" } },
            { "year": 2022, "value": 31.0, "basis": "all", "source": "b22" },
            { "year": 2023, "value": 24.0, "period": { "kind": "partial", "label": { "zh": "1—11月", "en": "Jan–Nov" } },
              "source": "m23" }
        ]
    })
}

fn forest() -> Value {
    json!({
        "id": "ECO-01", "area": "ecology", "role": "context", "name": { "zh": "森林覆盖率", "en": "Forest cover" },
        "unit": "percent", "direction": "higher_better",
        "values": [ { "year": 2021, "value": 11.3, "source": "b21" } ]
    })
}

fn source(title: &str, url: &str) -> Source {
    serde_json::from_value(json!({
        "publisher": { "zh": "甘肃省生态环境厅", "en": "Gansu EED" }, "title": { "zh": title, "en": title },
        "url": url, "tier": "official_document"
    }))
    .unwrap()
}

fn release(id: &str, indicators: Vec<Value>) -> Dataset {
    let sources: BTreeMap<SourceKey, Source> = ["plan", "b21", "b22", "b23", "m23"]
        .into_iter()
        .map(|k| (SourceKey::from(k), source(k, &format!("https://e.org/{k}"))))
        .collect();
    Dataset {
        release: ReleaseInfo {
            schema_version: 1,
            release: id.into(),
            as_of: id.into(),
            note: text("note"),
            changes: vec![],
        },
        sources,
        indicators: indicators.into_iter().map(|v| serde_json::from_value(v).unwrap()).collect(),
    }
}

/// The kinds of the changes, with their indicator (or source) and year.
fn summary(changes: &[Change]) -> Vec<String> {
    changes
        .iter()
        .map(|c| {
            let v = serde_json::to_value(c).unwrap();
            let who = v["indicator"].as_str().or(v["source"].as_str()).unwrap_or_default().to_string();
            match v["at"]["year"].as_i64() {
                Some(y) => format!("{} {who} {y}", v["kind"].as_str().unwrap()),
                None => format!("{} {who}", v["kind"].as_str().unwrap()),
            }
        })
        .collect()
}

#[test]
fn the_same_release_has_no_changes_and_no_marks() {
    let a = release("2026-01-01", vec![pm25(), forest()]);
    let b = release("2026-02-01", vec![pm25(), forest()]);
    assert_eq!(diff(&a, &b), vec![]);
    let revised = revise(Some(&a), &b);
    assert!(revised.indicators.iter().flat_map(|i| i.baseline.iter().chain(&i.values)).all(|o| o.revised.is_none()));
    // A first release has no previous one: nothing is marked.
    assert_eq!(revise(None, &b).indicators, b.indicators);
}

#[test]
fn curators_notes_are_not_changes() {
    let a = release("2026-01-01", vec![pm25()]);
    let mut ind = pm25();
    ind["curator_notes"] = json!(["checked the bulletin again"]);
    ind["values"][0]["curator_note"] = json!("typo?");
    ind["target"]["curator_note"] = json!("see the briefing");
    let mut b = release("2026-02-01", vec![ind]);
    b.sources.get_mut(&SourceKey::from("b21")).unwrap().curator_note = Some("spam mirror".into());
    assert_eq!(diff(&a, &b), vec![]);
}

#[test]
fn every_kind_of_value_change_is_found_at_its_place() {
    let a = release("2026-01-01", vec![pm25()]);
    let mut ind = pm25();
    ind["values"][0]["value"] = json!(25.9); // 2021: same source, new figure: corrected
    ind["values"][1]["source"] = json!("b23"); // 2022: same figure, other source: source replaced
    ind["values"][2]["value"] = json!(30.0); // 2022, other basis: …
    ind["values"][2]["source"] = json!("b23"); // … new figure from another source: changed
    ind["values"].as_array_mut().unwrap().remove(3); // 2023 part-year: removed
    ind["values"].as_array_mut().unwrap().push(json!({ "year": 2023, "value": 23.5, "source": "b23" })); // added
    let b = release("2026-02-01", vec![ind]);
    let changes = diff(&a, &b);
    assert_eq!(
        summary(&changes),
        [
            "value_corrected AIR-02 2021",
            "value_changed AIR-02 2022",
            "source_replaced AIR-02 2022",
            "value_added AIR-02 2023",
            "value_removed AIR-02 2023",
        ],
        "{changes:#?}"
    );
    // Each change says where, what it was and what it is.
    let v = serde_json::to_value(&changes).unwrap();
    assert_eq!(v[0]["at"], json!({ "year": 2021, "basis": "excl-dust" }));
    assert_eq!((v[0]["from"]["value"].as_f64(), v[0]["to"]["value"].as_f64()), (Some(26.0), Some(25.9)));
    assert_eq!(v[1]["at"]["basis"], "all");
    assert_eq!((v[1]["from"]["source"].as_str(), v[1]["to"]["source"].as_str()), (Some("b22"), Some("b23")));
    assert_eq!((v[2]["from"]["value"].as_f64(), v[2]["to"]["value"].as_f64()), (Some(25.5), Some(25.5)));
    assert_eq!(v[3]["from"], Value::Null);
    assert_eq!(v[4]["at"]["period"]["kind"], "partial");
    assert_eq!(v[4]["to"], Value::Null);
}

#[test]
fn a_bound_or_a_statement_in_words_is_part_of_the_figure() {
    let mut ind = pm25();
    ind["values"][0]["bound"] = json!("about");
    let a = release("2026-01-01", vec![pm25()]);
    let b = release("2026-02-01", vec![ind]);
    assert_eq!(summary(&diff(&a, &b)), ["value_corrected AIR-02 2021"]);
    let mut words = forest();
    words["values"][0] = json!({ "year": 2021, "text": { "zh": "稳步提高", "en": "rising" }, "source": "b21" });
    let mut other_words = words.clone();
    other_words["values"][0]["text"]["en"] = json!("rising steadily");
    let changes = diff(&release("a", vec![words]), &release("b", vec![other_words]));
    assert_eq!(summary(&changes), ["value_corrected ECO-01 2021"]);
}

#[test]
fn an_alternative_or_the_baseline_is_its_own_place() {
    let mut ind = pm25();
    // The 2021 figure becomes an alternative to a new preferred one.
    ind["values"][0]["alternative"] = json!({ "zh": "旧口径", "en": "older method" });
    ind["values"].as_array_mut().unwrap().push(json!({ "year": 2021, "value": 25.8, "source": "b22" }));
    ind["baseline"]["value"] = json!(27.5);
    let changes = diff(&release("a", vec![pm25()]), &release("b", vec![ind]));
    assert_eq!(
        summary(&changes),
        ["value_corrected AIR-02 2020", "value_changed AIR-02 2021", "value_added AIR-02 2021"],
        "{changes:#?}"
    );
    let v = serde_json::to_value(&changes).unwrap();
    assert_eq!(v[0]["at"], json!({ "year": 2020, "basis": "excl-dust", "baseline": true }));
    // The preferred 2021 figure is now another source's; the old one is kept as an alternative.
    assert_eq!((v[1]["from"]["value"].as_f64(), v[1]["to"]["value"].as_f64()), (Some(26.0), Some(25.8)));
    assert_eq!(v[2]["at"]["alternative"], true);
    assert_eq!(v[2]["to"]["value"].as_f64(), Some(26.0));
}

#[test]
fn targets_indicators_details_and_sources() {
    let a = release("2026-01-01", vec![pm25(), forest()]);
    let mut ind = pm25();
    ind["target"]["value"] = json!(24);
    ind["name"]["en"] = json!("Fine particles (PM2.5)");
    ind["values"][1]["note"] = json!({ "zh": "新注", "en": "new note" });
    let added = json!({
        "id": "WAT-01", "area": "water", "role": "context", "name": { "zh": "水质", "en": "Water quality" },
        "unit": "percent", "direction": "higher_better", "values": []
    });
    let mut b = release("2026-02-01", vec![added, ind]);
    b.sources.get_mut(&SourceKey::from("b21")).unwrap().url = Some("https://e.org/moved".into());
    let changes = diff(&a, &b);
    assert_eq!(
        summary(&changes),
        [
            "indicator_added WAT-01",
            "target_changed AIR-02",
            "details_changed AIR-02",
            "indicator_removed ECO-01",
            "source_changed b21"
        ],
        "{changes:#?}"
    );
    let v = serde_json::to_value(&changes).unwrap();
    assert_eq!((v[1]["from"]["value"].as_f64(), v[1]["to"]["value"].as_f64()), (Some(25.0), Some(24.0)));
    assert_eq!(v[2]["fields"], json!(["name", "values"]));
    assert_eq!(v[3]["name"]["en"], "Forest cover", "a removed indicator keeps its name");
    assert_eq!(
        v[4],
        json!({ "kind": "source_changed", "source": "b21", "title": { "zh": "b21", "en": "b21" }, "fields": ["url"] })
    );
    // A target's note alone is a detail, not a new target.
    let mut noted = pm25();
    noted["target"]["note"] = json!({ "zh": "说明", "en": "note" });
    let changes = diff(&release("a", vec![pm25()]), &release("b", vec![noted]));
    assert_eq!(
        changes,
        vec![Change::DetailsChanged { indicator: "AIR-02".into(), fields: vec![IndicatorField::Target] }]
    );
}

#[test]
fn a_revised_figure_is_marked_and_the_mark_is_carried_forward() {
    let first = release("2026-01-01", vec![pm25()]);
    let mut ind = pm25();
    ind["values"][0]["value"] = json!(25.9);
    let second = revise(Some(&first), &release("2026-02-01", vec![ind.clone()]));
    let marked = |ds: &Dataset| -> Vec<(i32, String)> {
        ds.indicators[0].values.iter().filter_map(|o| Some((o.year, o.revised.clone()?))).collect()
    };
    assert_eq!(marked(&second), vec![(2021, "2026-02-01".to_string())]);
    // The next release keeps the figure (now credited elsewhere): the mark stays.
    ind["values"][0]["source"] = json!("b23");
    let third = revise(Some(&second), &release("2026-03-01", vec![ind.clone()]));
    assert_eq!(marked(&third), vec![(2021, "2026-02-01".to_string())]);
    // Revised again: the mark names the new release.
    ind["values"][0]["value"] = json!(25.7);
    let fourth = revise(Some(&third), &release("2026-04-01", vec![ind]));
    assert_eq!(marked(&fourth), vec![(2021, "2026-04-01".to_string())]);
    // Marks never count as changes.
    assert_eq!(summary(&diff(&third, &second)), ["source_replaced AIR-02 2021"]);
}

#[test]
fn several_figures_at_one_place_are_matched_by_source_first() {
    let statement = |source: &str, en: &str| json!({ "year": 2022, "text": { "zh": en, "en": en }, "source": source });
    let mut a = forest();
    a["values"] = json!([statement("b21", "one"), statement("b22", "two")]);
    let mut b = forest();
    b["values"] = json!([statement("b22", "two"), statement("b21", "one, corrected")]);
    let changes = diff(&release("a", vec![a]), &release("b", vec![b]));
    assert_eq!(summary(&changes), ["value_corrected ECO-01 2022"], "{changes:#?}");
    let v = serde_json::to_value(&changes).unwrap();
    assert_eq!(v[0]["to"]["source"], "b21");
}
