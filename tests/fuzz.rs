//! Property tests ("fuzzing") of the snapshot parser, the validator, the status
//! method and the chart builder: whatever bytes arrive, nothing panics; whatever
//! passes the validator can be judged and drawn, progress stays within 0…1, a
//! met target has a margin of at least 0, the judged year is not after the
//! as-of date, the judged value is drawn, and the panel ends with the badge.
//!
//! `cargo test --test fuzz` runs a few hundred cases per property. For a long run:
//! `PROPTEST_CASES=100000 cargo test --release --test fuzz` (see bench/REPORT.md).

use gansu_eco_dashboard::charts::{export_chart, progress_chart, sparkline, ChartOpts, Layout};
use gansu_eco_dashboard::i18n::{self, Lang};
use gansu_eco_dashboard::model::{
    assess, layout, parse_indicator_file, parse_overview, parse_sources, Arithmetic, Indicator, IndicatorFile,
    ReleasesFile,
};
use proptest::prelude::*;
use serde_json::{json, Value};

fn real_file() -> String {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("public/data");
    let releases: ReleasesFile =
        serde_json::from_str(&std::fs::read_to_string(dir.join(layout::RELEASES)).unwrap()).unwrap();
    std::fs::read_to_string(dir.join(layout::indicator(&releases.current, &"AIR-01".into()))).unwrap()
}

/// Everything the site does with a file that parsed: judge it, explain it,
/// draw it; and what must hold of the judgement whatever the numbers.
fn use_file(file: &IndicatorFile) {
    let ind = &file.indicator;
    let a = assess(ind);
    if let Some(p) = a.progress {
        assert!((0.0..=1.0).contains(&p), "progress {p} outside 0…1");
    }
    if let Some(Arithmetic::Level { met, margin, .. }) = a.arithmetic {
        assert_eq!(met, margin >= 0.0, "met ⇔ margin ≥ 0 (margin {margin})");
    }
    if let Some(p) = a.judged {
        assert!(p.year <= 2026, "judged year {} after the as-of year", p.year);
        assert!(p.value.is_finite());
        assert!(judged_point_is_drawn(ind, p.value), "the judged value {} is not in the chart", p.value);
    }
    serde_json::to_string(&sparkline(ind)).unwrap();
    for lang in [Lang::Zh, Lang::En] {
        let _ = i18n::headline_sentence(lang, ind, &a);
        let _ = i18n::status_reason(lang, &a);
        let panel = i18n::arithmetic_lines(lang, ind, &a);
        if let Some(last) = panel.last() {
            assert!(last.starts_with(&format!("→ {}", i18n::status_name(lang, a.status))), "panel ends {last}");
        }
        let _ = i18n::chart_summary(lang, ind);
        for layout in [Layout::Page, Layout::Compact] {
            let opts = ChartOpts { lang, dark: false, layout };
            serde_json::to_string(&progress_chart(ind, &opts)).unwrap();
        }
        let opts = ChartOpts { lang, dark: true, layout: Layout::Export };
        serde_json::to_string(&export_chart(ind, &opts, "x")).unwrap();
    }
}

/// Whether `value` is one of the chart's data points (a running total for a
/// cumulative target, a published figure otherwise).
fn judged_point_is_drawn(ind: &Indicator, value: f64) -> bool {
    let opts = ChartOpts { lang: Lang::En, dark: false, layout: Layout::Page };
    let option = serde_json::to_value(progress_chart(ind, &opts)).unwrap();
    let close = |v: f64| (v - value).abs() <= 1e-9 * value.abs().max(1.0);
    option["series"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .any(|d| match &d["value"] {
            Value::Array(xy) => xy.get(1).and_then(Value::as_f64).is_some_and(close),
            v => v.as_f64().or(d.as_f64()).is_some_and(close),
        })
}

/// Any JSON value, a few levels deep.
fn any_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<f64>().prop_filter("finite", |f| f.is_finite()).prop_map(Value::from),
        "[a-z_]{0,12}".prop_map(Value::from),
        "\\PC{0,20}".prop_map(Value::from),
        prop_oneof![Just(2010), Just(2020), Just(2024), Just(2025), Just(2099)].prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::from),
            prop::collection::btree_map("[a-z_]{1,10}", inner, 0..4)
                .prop_map(|m| Value::Object(m.into_iter().collect())),
        ]
    })
}

/// The paths of a real indicator file that a mutation may replace.
const FIELDS: &[&[&str]] = &[
    &["schema_version"],
    &["as_of"],
    &["release"],
    &["indicator", "id"],
    &["indicator", "unit"],
    &["indicator", "direction"],
    &["indicator", "target"],
    &["indicator", "target", "kind"],
    &["indicator", "target", "value"],
    &["indicator", "target", "year"],
    &["indicator", "baseline"],
    &["indicator", "baseline", "value"],
    &["indicator", "values"],
    &["indicator", "bases"],
    &["indicator", "headline_basis"],
    &["indicator", "notes"],
    &["sources"],
];

fn replace(root: &mut Value, path: &[&str], with: Value) {
    let mut at = root;
    for key in &path[..path.len() - 1] {
        match at.get_mut(*key) {
            Some(next) => at = next,
            None => return,
        }
    }
    if let Some(obj) = at.as_object_mut() {
        obj.insert(path[path.len() - 1].to_string(), with);
    }
}

proptest! {
    #[test]
    fn arbitrary_text_never_panics(text in "\\PC{0,400}") {
        let _ = parse_overview("fuzz.json", &text);
        let _ = parse_sources("fuzz.json", &text);
        if let Ok(f) = parse_indicator_file("fuzz.json", &text) { use_file(&f) }
    }

    #[test]
    fn damaged_real_files_never_panic(cut in 0usize..20_000, at in 0usize..20_000, byte in any::<u8>(), keep in any::<bool>()) {
        let text = real_file();
        let mut bytes = text.into_bytes();
        let at = at % bytes.len();
        if keep { bytes[at] = byte } else { bytes.truncate(cut % bytes.len()) }
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(f) = parse_indicator_file("fuzz.json", &text) { use_file(&f) }
    }

    #[test]
    fn any_json_in_any_field_never_panics(field in 0usize..FIELDS.len(), with in any_json()) {
        let mut root: Value = serde_json::from_str(&real_file()).unwrap();
        replace(&mut root, FIELDS[field], with);
        if let Ok(f) = parse_indicator_file("fuzz.json", &root.to_string()) { use_file(&f) }
    }

    #[test]
    fn any_numbers_that_validate_can_be_judged_and_drawn(
        values in prop::collection::vec((2010i32..2027, -1e9f64..1e9), 0..8),
        baseline in proptest::option::of(-1e9f64..1e9),
        target in -1e9f64..1e9,
        kind in prop_oneof![Just("at_least"), Just("at_most"), Just("cumulative_total"), Just("reduce_by_percent")],
    ) {
        let direction = if kind == "at_most" { "lower_better" } else { "higher_better" };
        let mut ind = json!({
            "id": "AIR-99", "area": "air", "role": "goal", "name": { "zh": "甲", "en": "A" }, "unit": "tonnes",
            "direction": direction,
            "target": { "kind": kind, "value": target, "year": 2025, "wording": { "zh": "甲", "en": "A" }, "origin": "plan", "source": "s" },
            "values": values.iter().map(|(y, v)| json!({ "year": y, "value": v, "source": "s" })).collect::<Vec<_>>(),
        });
        if kind == "reduce_by_percent" { ind["target"]["reference_year"] = json!(2020) }
        if let Some(b) = baseline { ind["baseline"] = json!({ "year": 2020, "value": b, "source": "s" }) }
        let source = json!({ "publisher": { "zh": "甲", "en": "A" }, "title": { "zh": "乙", "en": "B" }, "tier": "reprint" });
        let file = json!({ "schema_version": 1, "release": "r", "as_of": "2026-11-28", "indicator": ind, "sources": { "s": source } });
        if let Ok(f) = parse_indicator_file("fuzz.json", &file.to_string()) { use_file(&f) }
    }
}
