use super::*;
use crate::model;
use serde_json::Value;

/// PM2.5 as the 2026-12 release holds it: a fixture, so the tests do not
/// change when a new release adds a year.
pub(crate) fn pm25() -> Indicator {
    serde_json::from_value(serde_json::json!({
        "id": "AIR-02", "area": "air", "role": "goal",
        "name": { "zh": "细颗粒物（PM2.5）年均浓度", "en": "PM2.5 annual mean concentration" },
        "unit": "ug_m3", "direction": "lower_better",
        "target": { "kind": "at_most", "value": 25, "year": 2025,
                    "wording": { "zh": "控制在25微克/立方米", "en": "kept at or below 25 μg/m³" },
                    "origin": "plan_briefing", "source": "plan-briefing" },
        "baseline": { "year": 2020, "value": 26, "source": "plan-text" },
        "values": [
            { "year": 2021, "value": 23, "source": "m21" },
            { "year": 2022, "value": 26, "source": "m22" },
            { "year": 2023, "value": 25.8, "source": "r23" },
            { "year": 2023, "value": 26, "source": "b23", "alternative": { "zh": "公报取整数", "en": "Rounded" } },
            { "year": 2024, "value": 25.7, "source": "r24" },
            { "year": 2024, "value": 25, "period": { "kind": "partial", "label": { "zh": "1—11月", "en": "Jan–Nov" } }, "source": "m24" }
        ]
    }))
    .unwrap()
}

fn option(ind: &Indicator, lang: Lang) -> Value {
    let chart = progress_chart(ind, &ChartOpts { lang, dark: false, layout: Layout::Page });
    serde_json::to_value(&chart).unwrap()
}

fn series_named<'a>(opt: &'a Value, name: &str) -> &'a Value {
    opt["series"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == name)
        .unwrap_or_else(|| panic!("no series {name} in {opt}"))
}

#[test]
fn pm25_chart_has_actuals_baseline_target_and_path() {
    let opt = option(&pm25(), Lang::En);
    assert_eq!(opt["xAxis"]["data"], serde_json::json!(["2020", "2021", "2022", "2023", "2024", "2025"]));
    assert_eq!(opt["yAxis"]["name"], "μg/m³");

    let actual = series_named(&opt, "Actual");
    let values: Vec<Value> = actual["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| if d.is_object() { d["value"].clone() } else { d.clone() })
        .collect();
    // 2020 is the baseline (drawn apart), 2025 has not been published: gaps stay null.
    assert_eq!(values, serde_json::json!([null, 23.0, 26.0, 25.8, 25.7, null]).as_array().unwrap().clone());
    assert_eq!(actual["connectNulls"], false);

    let target = &actual["markLine"]["data"][0];
    assert_eq!(target["yAxis"], 25.0);
    assert!(target["name"].as_str().unwrap().contains("≤ 25 μg/m³ by 2025"), "{target}");

    let baseline = series_named(&opt, "Baseline (2020)");
    assert_eq!(baseline["data"][0]["value"], serde_json::json!(["2020", 26.0]));

    let partial = series_named(&opt, "part of year");
    assert_eq!(partial["data"][0]["value"], serde_json::json!(["2024", 25.0]));
    assert!(partial["data"][0]["name"].as_str().unwrap().contains("Jan–Nov"));

    let alternative = series_named(&opt, "alternative figure");
    assert_eq!(alternative["data"][0]["value"], serde_json::json!(["2023", 26.0]));

    let path = series_named(&opt, "Path needed to reach the target");
    assert_eq!(path["data"][0]["value"], 26.0);
    assert_eq!(path["data"][5]["value"], 25.0);
    assert!(opt.get("aria").is_none(), "the chart host names the chart, not ECharts");
}

#[test]
fn tooltips_carry_unit_and_language() {
    let opt = option(&pm25(), Lang::Zh);
    let actual = series_named(&opt, "实际值");
    assert_eq!(actual["data"][4]["name"], "2024：25.7 μg/m³");
    assert_eq!(opt["tooltip"]["formatter"], "{a}<br/>{b}");
}

#[test]
fn a_chart_without_values_still_has_an_axis_and_no_invented_points() {
    let mut ind = pm25();
    ind.values.clear();
    ind.baseline = None;
    let opt = option(&ind, Lang::En);
    assert_eq!(opt["xAxis"]["data"].as_array().unwrap().len(), 6);
    let actual = series_named(&opt, "Actual");
    assert!(actual["data"].as_array().unwrap().iter().all(Value::is_null));
}

#[test]
fn the_axis_shows_values_baseline_and_target_with_room() {
    let (min, max) = value_range(&pm25()).unwrap();
    assert!((20.0..=23.0).contains(&min), "min {min}");
    assert!((26.0..=28.0).contains(&max), "max {max}");
    let opt = option(&pm25(), Lang::En);
    assert_eq!(opt["yAxis"]["min"], min);
}

#[test]
fn compact_charts_have_no_legend() {
    let chart = progress_chart(&pm25(), &ChartOpts { lang: Lang::En, dark: false, layout: Layout::Compact });
    let opt = serde_json::to_value(&chart).unwrap();
    assert_eq!(opt["legend"]["show"], false, "{}", opt["legend"]);
}

#[test]
fn a_basis_change_is_marked_and_never_bridged() {
    let ind: Indicator = serde_json::from_value(serde_json::json!({
        "id": "WAT-01", "area": "water", "role": "goal",
        "name": { "zh": "国考断面优良比例", "en": "Sections at Class I–III" },
        "unit": "percent", "direction": "higher_better",
        "bases": [
            { "id": "s38", "label": { "zh": "38个断面", "en": "38 sections" } },
            { "id": "s74", "label": { "zh": "74个断面", "en": "74 sections" } }
        ],
        "headline_basis": "s74",
        "target": { "kind": "at_least", "value": 94.6, "year": 2025, "basis": "s74",
                    "wording": { "zh": "保持在94.6%", "en": "at least 94.6%" }, "origin": "plan_briefing", "source": "s" },
        "baseline": { "year": 2020, "value": 100, "basis": "s38", "source": "s" },
        "values": [
            { "year": 2021, "value": 95.9, "source": "s" },
            { "year": 2024, "value": 98.6, "source": "s" }
        ]
    }))
    .unwrap();
    let opt = option(&ind, Lang::En);
    let line = series_named(&opt, "74 sections");
    let values: Vec<Value> =
        line["data"].as_array().unwrap().iter().map(|d| d.get("value").cloned().unwrap_or(Value::Null)).collect();
    assert_eq!(values[0], Value::Null, "the 38-section baseline is not on the 74-section line");
    assert_eq!((values[2].clone(), values[3].clone()), (Value::Null, Value::Null), "2022 and 2023 stay gaps");
    let baseline = series_named(&opt, "Baseline (2020)");
    assert_eq!(baseline["markLine"]["data"][0]["xAxis"], "2021");
    assert_eq!(baseline["markLine"]["data"][0]["name"], "basis changes");
    assert!(
        opt["series"].as_array().unwrap().iter().all(|s| s["name"] != "Path needed to reach the target"),
        "no path across bases"
    );
}

/// A cumulative target judged on another basis than the headline one, with a
/// bounded amount in the run: the chart's running total is the model's, so its
/// last point is the sum the status and the arithmetic panel use.
#[test]
fn the_running_total_line_ends_at_the_judged_sum() {
    let ind: Indicator = serde_json::from_value(serde_json::json!({
        "id": "WAT-99", "area": "water", "role": "goal",
        "name": { "zh": "减排量", "en": "Cuts" }, "unit": "tonnes", "direction": "higher_better",
        "bases": [
            { "id": "projects", "label": { "zh": "重点工程", "en": "Key projects" } },
            { "id": "all", "label": { "zh": "全部", "en": "All" } }
        ],
        "headline_basis": "all",
        "target": { "kind": "cumulative_total", "value": 1000, "year": 2025, "basis": "projects",
                    "wording": { "zh": "累计1000吨", "en": "1000 t" }, "origin": "plan", "source": "s" },
        "values": [
            { "year": 2021, "value": 100, "basis": "projects", "source": "s" },
            { "year": 2022, "value": 150, "basis": "projects", "source": "s" },
            { "year": 2023, "value": 200, "bound": "at_least", "basis": "projects", "source": "s" },
            { "year": 2021, "value": 500, "source": "s" },
            { "year": 2022, "value": 600, "source": "s" }
        ]
    }))
    .unwrap();
    let a = model::assess(&ind);
    let Some(model::Arithmetic::Cumulative { sum, last_year, .. }) = a.arithmetic else { panic!("{a:?}") };
    assert_eq!((sum, last_year), (250.0, 2022), "the bounded 2023 amount ends the run");
    let opt = option(&ind, Lang::En);
    let points: Vec<f64> = opt["series"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|s| s["data"].as_array().cloned().unwrap_or_default())
        .filter_map(|d| d["value"].as_f64())
        .collect();
    assert!(points.contains(&250.0), "the running total reaches the judged sum: {points:?}");
    assert!(!points.contains(&450.0), "no running total past a bounded amount: {points:?}");
    assert!(!points.contains(&1100.0), "no running total on the other basis: {points:?}");
    let last = model::progress::running_total(&ind).last().copied().unwrap();
    assert_eq!((last.year, last.value), (2022, 250.0));
}

#[test]
fn the_keyboard_reads_every_published_figure_and_nothing_else() {
    let ind = pm25();
    let opt = option(&ind, Lang::Zh);
    let points = super::super::keys::key_points(&opt, |item, series| i18n::paren(Lang::Zh, item, series));
    let words: Vec<&str> = points.iter().map(|p| p.words.as_str()).collect();
    // The line's full years, the part-year and the alternative figure, the
    // baseline, then the two ends of the required path — never a target line.
    for figure in [
        "2021：23 μg/m³（实际值）",
        "2024：25.7 μg/m³（实际值）",
        "2024：25 μg/m³（1—11月）（非全年）",
        "2023：26 μg/m³（备选数值）",
    ] {
        assert!(words.contains(&figure), "{figure} in {words:?}");
    }
    let published = ind.values.iter().filter(|o| o.value.is_some()).count() + 1; // + baseline
    let path_ends = 2;
    assert_eq!(points.len(), published + path_ends, "{words:?}");
    let against = i18n::against_target(Lang::Zh, &ind, 25.7).unwrap();
    assert_eq!(against, "目标：2025年 ≤ 25 μg/m³；此值距目标水平差 0.7 μg/m³");
    let met = i18n::against_target(Lang::En, &ind, 23.0).unwrap();
    assert_eq!(met, "Target: ≤ 25 μg/m³ by 2025; this figure reaches the target level");
}
