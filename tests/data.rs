//! The real data: everything in `data/` and `public/data/` passes the validator,
//! the published release (and `releases.json`, with every release's changes) is
//! exactly what `sitegen publish` makes of `data/`, and every chart builds for
//! every indicator.

use gansu_eco_dashboard::charts::{export_chart, progress_chart, sparkline, ChartOpts, Layout};
use gansu_eco_dashboard::i18n::Lang;
use gansu_eco_dashboard::model::dataset::{self, Dataset};
use gansu_eco_dashboard::model::{history, layout};
use std::path::Path;

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

fn authoring() -> Dataset {
    match dataset::load_authoring(&root().join("data")) {
        Ok(ds) => ds,
        Err(errors) => panic!("data/ is invalid:\n{}", errors.iter().map(|e| format!("  {e}\n")).collect::<String>()),
    }
}

#[test]
fn authoring_data_is_valid() {
    let ds = authoring();
    assert!(!ds.indicators.is_empty());
}

#[test]
fn every_published_file_is_valid() {
    let summary = dataset::check_published(&root().join("public/data")).unwrap_or_else(|e| {
        panic!("public/data is invalid:\n{}", e.iter().map(|e| format!("  {e}\n")).collect::<String>())
    });
    assert!(summary.releases.contains(&authoring().release.release));
}

#[test]
fn the_published_release_is_in_sync_with_data() {
    let public_data = root().join("public/data");
    let ds = history::with_history(&public_data, &authoring()).unwrap_or_else(|e| panic!("{e:#?}"));
    let list = history::releases_file(&public_data, &ds).unwrap_or_else(|e| panic!("{e:#?}"));
    let files = dataset::release_files(&ds, gansu_eco_dashboard::i18n::status_columns);
    for (path, expected) in files.into_iter().chain([(layout::RELEASES.into(), list)]) {
        let on_disk = std::fs::read_to_string(root().join("public/data").join(&path)).unwrap_or_else(|e| {
            panic!("{}: {e} (run `cargo run --features tools --bin sitegen -- publish`)", path.display())
        });
        assert!(
            on_disk == expected,
            "{} is out of date: run `cargo run --features tools --bin sitegen -- publish`",
            path.display()
        );
    }
}

/// Every published figure is in the chart, as a number: serde writes a
/// non-finite number as `null`, so a value lost on its way into the option
/// shows up here as a missing point. (Cumulative targets draw the running
/// total instead, checked in the chart's own tests.)
fn every_value_is_drawn(ind: &gansu_eco_dashboard::model::Indicator, option: &serde_json::Value) {
    use gansu_eco_dashboard::model::TargetKind;
    if ind.target.as_ref().is_some_and(|t| t.kind == TargetKind::CumulativeTotal) {
        return;
    }
    let drawn: Vec<f64> = option["series"]
        .as_array()
        .into_iter()
        .flatten()
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| match &d {
            serde_json::Value::Number(n) => n.as_f64(),
            serde_json::Value::Object(o) => match &o["value"] {
                serde_json::Value::Array(xy) => xy.get(1).and_then(|v| v.as_f64()),
                v => v.as_f64(),
            },
            _ => None,
        })
        .collect();
    for o in ind.baseline.iter().chain(&ind.values) {
        if let Some(v) = o.value {
            assert!(drawn.contains(&v), "{}: the {} value {v} is not in the chart ({drawn:?})", ind.id, o.year);
        }
    }
}

#[test]
fn every_chart_builds_for_every_indicator() {
    for ind in authoring().indicators {
        for lang in [Lang::Zh, Lang::En] {
            for (dark, layout) in [(false, Layout::Page), (true, Layout::Compact), (false, Layout::Export)] {
                let opts = ChartOpts { lang, dark, layout };
                if layout == Layout::Page {
                    every_value_is_drawn(&ind, &serde_json::to_value(progress_chart(&ind, &opts)).unwrap());
                }
                for chart in [progress_chart(&ind, &opts), sparkline(&ind), export_chart(&ind, &opts, "source · as of")]
                {
                    let json = serde_json::to_value(&chart).unwrap_or_else(|e| panic!("{}: {e}", ind.id));
                    let series = json["series"].as_array().unwrap_or_else(|| panic!("{}: no series", ind.id));
                    assert!(!series.is_empty(), "{}: no series", ind.id);
                }
            }
        }
    }
}

/// A copy of `public/data/` with one file changed by `edit`.
fn edited_public_data(name: &str, file: &str, edit: impl FnOnce(&mut serde_json::Value)) -> std::path::PathBuf {
    fn copy(from: &Path, to: &Path) {
        std::fs::create_dir_all(to).unwrap();
        for entry in std::fs::read_dir(from).unwrap().map(Result::unwrap) {
            let target = to.join(entry.file_name());
            if entry.file_type().unwrap().is_dir() {
                copy(&entry.path(), &target);
            } else {
                std::fs::copy(entry.path(), target).unwrap();
            }
        }
    }
    let dir = std::env::temp_dir().join(format!("gansu-public-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    copy(&root().join("public/data"), &dir);
    let path = dir.join(file);
    let mut v: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(&path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
    dir
}

#[test]
fn a_city_series_file_that_disagrees_with_the_overview_is_found() {
    let release = authoring().release.release;
    let file = format!("{release}/places/AIR-02.620100.json");
    let dir = edited_public_data("place", &file, |v| {
        let values = v["indicator"]["values"].as_array_mut().unwrap();
        let lanzhou = values.iter_mut().find(|o| o["basis"] == "place").unwrap();
        lanzhou["value"] = serde_json::json!(99);
    });
    let errors = dataset::check_published(&dir).expect_err("a changed city figure is an error");
    let hit = errors.iter().any(|e| e.file.ends_with("places/AIR-02.620100.json") && e.message.contains("republish"));
    assert!(hit, "{errors:#?}");
    let _ = std::fs::remove_dir_all(&dir);
}
