//! Every validation rule fires on a broken fixture, and its message names the
//! file, the indicator (or source), the field and what was wrong.

use gansu_eco_dashboard::model::{parse_indicator_file, parse_overview, parse_sources, DataError};
use serde_json::{json, Value};

const FILE: &str = "data/test/overview.json";

/// A change to the fixture indicator.
type Edit = Box<dyn FnOnce(&mut Value)>;

fn indicator() -> Value {
    json!({
        "id": "AIR-02",
        "area": "air",
        "role": "goal",
        "name": { "zh": "细颗粒物（PM2.5）年均浓度", "en": "PM2.5 annual mean" },
        "unit": "ug_m3",
        "direction": "lower_better",
        "target": {
            "kind": "at_most", "value": 25, "year": 2025,
            "wording": { "zh": "控制在25微克/立方米", "en": "at most 25 μg/m³" },
            "origin": "plan_briefing", "source": "plan-briefing"
        },
        "baseline": { "year": 2020, "value": 26, "source": "plan-text" },
        "values": [
            { "year": 2021, "value": 23, "source": "m21" },
            { "year": 2024, "value": 25.7, "source": "r24" }
        ]
    })
}

fn overview(indicators: Vec<Value>) -> Value {
    json!({ "schema_version": 1, "release": "2026-11-28", "as_of": "2026-11-28", "indicators": indicators })
}

/// Parses an overview holding the base indicator changed by `edit`, and
/// returns every error (fatal or per indicator).
fn errors_after(edit: impl FnOnce(&mut Value)) -> Vec<DataError> {
    let mut ind = indicator();
    edit(&mut ind);
    errors_of(&overview(vec![ind]).to_string())
}

fn errors_of(text: &str) -> Vec<DataError> {
    match parse_overview(FILE, text) {
        Ok(loaded) => loaded.errors,
        Err(errors) => errors,
    }
}

/// Asserts one error names the indicator and the field and says `what`.
#[track_caller]
fn assert_located(errors: &[DataError], field: &str, what: &str) {
    let hit = errors.iter().find(|e| {
        e.file == FILE && e.item.as_deref() == Some("indicator AIR-02") && e.field == field && e.message.contains(what)
    });
    assert!(hit.is_some(), "expected an error at `{field}` saying \"{what}\", got:\n{errors:#?}");
    let shown = hit.unwrap().to_string();
    assert!(shown.starts_with(FILE) && shown.contains("AIR-02") && shown.contains(field), "{shown}");
}

#[test]
fn the_fixture_itself_is_valid() {
    assert_eq!(errors_after(|_| {}), vec![]);
}

#[test]
fn file_level_problems_are_fatal_and_located() {
    let cases: Vec<(&str, String, &str, &str)> = vec![
        ("empty file", String::new(), "", "empty"),
        ("malformed JSON", "{ \"schema_version\": 1,, }".into(), "", "not valid JSON"),
        ("truncated", overview(vec![indicator()]).to_string()[..120].to_string(), "", "ends too early"),
        ("not an object", "[1, 2]".into(), "", "expected a JSON object"),
        (
            "wrong schema version",
            overview(vec![]).to_string().replace("\"schema_version\":1", "\"schema_version\":2"),
            "schema_version",
            "reads version 1",
        ),
        (
            "missing schema version",
            json!({ "release": "r", "as_of": "2026-11-28", "indicators": [] }).to_string(),
            "schema_version",
            "missing",
        ),
        (
            "bad as_of",
            json!({ "schema_version": 1, "release": "r", "as_of": "28/11/2026", "indicators": [] }).to_string(),
            "as_of",
            "YYYY-MM-DD",
        ),
        (
            "missing release",
            json!({ "schema_version": 1, "as_of": "2026-11-28", "indicators": [] }).to_string(),
            "release",
            "missing",
        ),
        (
            "missing indicators",
            json!({ "schema_version": 1, "release": "r", "as_of": "2026-11-28" }).to_string(),
            "indicators",
            "missing",
        ),
        ("NaN is not JSON", overview(vec![]).to_string().replace("[]", "[NaN]"), "", "not valid JSON"),
        (
            "number beyond f64",
            overview(vec![indicator()]).to_string().replace("25.7", "1e400"),
            "",
            "number out of range",
        ),
    ];
    for (name, text, field, what) in cases {
        let errors = errors_of(&text);
        let hit = errors.iter().any(|e| e.file == FILE && e.field == field && e.message.contains(what));
        assert!(hit, "{name}: expected `{field}` \"{what}\", got {errors:#?}");
    }
}

#[test]
fn type_and_vocabulary_errors_name_the_field() {
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        (
            "wrong type",
            Box::new(|v| v["target"]["value"] = json!("25微克")),
            "target.value",
            "invalid type: string \"25微克\"",
        ),
        (
            "missing required field",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("unit");
            }),
            "",
            "missing field `unit`",
        ),
        ("unknown area", Box::new(|v| v["area"] = json!("sky")), "area", "unknown variant `sky`"),
        (
            "unknown target kind",
            Box::new(|v| v["target"]["kind"] = json!("roughly")),
            "target.kind",
            "unknown variant `roughly`",
        ),
        ("unknown unit", Box::new(|v| v["unit"] = json!("mg")), "unit", "unknown variant `mg`"),
        (
            "value without a source",
            Box::new(|v| {
                v["values"][1].as_object_mut().unwrap().remove("source");
            }),
            "values[1]",
            "missing field `source`",
        ),
        (
            "huge number",
            Box::new(|v| v["values"][0]["value"] = json!(1e300)),
            "values[0].value",
            "not a plausible figure",
        ),
        (
            "text where a number belongs",
            Box::new(|v| v["values"][0]["value"] = json!("x")),
            "values[0].value",
            "invalid type",
        ),
    ];
    for (name, edit, field, what) in cases {
        let errors = errors_after(edit);
        let hit = errors
            .iter()
            .any(|e| e.item.as_deref() == Some("indicator AIR-02") && e.field == field && e.message.contains(what));
        assert!(hit, "{name}: expected `{field}` \"{what}\", got {errors:#?}");
    }
}

#[test]
fn semantic_rules_fire() {
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        ("bad id", Box::new(|v| v["id"] = json!("air 2")), "id", "not an id"),
        ("empty name", Box::new(|v| v["name"]["en"] = json!(" ")), "name.en", "empty text"),
        ("year after as-of", Box::new(|v| v["values"][1]["year"] = json!(2099)), "values[1].year", "outside 2010…2026"),
        ("year too early", Box::new(|v| v["values"][0]["year"] = json!(1990)), "values[0].year", "outside"),
        ("target year out of range", Box::new(|v| v["target"]["year"] = json!(2050)), "target.year", "outside"),
        (
            "baseline not before target",
            Box::new(|v| v["baseline"]["year"] = json!(2025)),
            "baseline.year",
            "not before the target year",
        ),
        (
            "qualitative with a number",
            Box::new(|v| v["target"]["kind"] = json!("qualitative")),
            "target.value",
            "qualitative target has no number",
        ),
        (
            "numeric kind without number",
            Box::new(|v| {
                v["target"].as_object_mut().unwrap().remove("value");
            }),
            "target.value",
            "needs a number",
        ),
        (
            "kind against direction",
            Box::new(|v| v["target"]["kind"] = json!("at_least")),
            "target.kind",
            "does not fit direction",
        ),
        (
            "reduction without reference year",
            Box::new(|v| v["target"]["kind"] = json!("reduce_by_percent")),
            "target.reference_year",
            "needs the year",
        ),
        (
            "reference year on a level target",
            Box::new(|v| v["target"]["reference_year"] = json!(2020)),
            "target.reference_year",
            "only a `reduce_by_percent`",
        ),
        (
            "negative cumulative total",
            Box::new(|v| {
                v["direction"] = json!("higher_better");
                v["target"]["kind"] = json!("cumulative_total");
                v["target"]["value"] = json!(-5);
            }),
            "target.value",
            "must be positive",
        ),
        (
            "percent above 100",
            Box::new(|v| {
                v["unit"] = json!("percent");
                v["values"][0]["value"] = json!(150);
            }),
            "values[0].value",
            "outside −100…100",
        ),
        (
            "no value, no text",
            Box::new(|v| {
                v["values"][0].as_object_mut().unwrap().remove("value");
            }),
            "values[0].value",
            "no value and no `text`",
        ),
        (
            "bound without value",
            Box::new(|v| {
                v["values"][0].as_object_mut().unwrap().remove("value");
                v["values"][0]["text"] = json!({"zh": "好", "en": "good"});
                v["values"][0]["bound"] = json!("at_least");
            }),
            "values[0].bound",
            "needs a value",
        ),
        (
            "undeclared basis",
            Box::new(|v| v["values"][0]["basis"] = json!("sections-74")),
            "values[0].basis",
            "not declared",
        ),
        (
            "bases without headline",
            Box::new(|v| v["bases"] = json!([{ "id": "a", "label": { "zh": "甲", "en": "A" } }])),
            "headline_basis",
            "required when `bases` are declared",
        ),
        (
            "headline basis not declared",
            Box::new(|v| {
                v["bases"] = json!([{ "id": "a", "label": { "zh": "甲", "en": "A" } }]);
                v["headline_basis"] = json!("b");
            }),
            "headline_basis",
            "not declared",
        ),
        (
            "two headline values for a year",
            Box::new(|v| v["values"][0]["year"] = json!(2024)),
            "values[1]",
            "mark one with `alternative`",
        ),
        (
            "goal without target",
            Box::new(|v| {
                v.as_object_mut().unwrap().remove("target");
            }),
            "target",
            "a goal needs a target",
        ),
        ("context with target", Box::new(|v| v["role"] = json!("context")), "target", "a context figure has no target"),
        (
            "malformed source key",
            Box::new(|v| v["values"][0]["source"] = json!("Some Paper")),
            "values[0].source",
            "not a source key",
        ),
    ];
    for (name, edit, field, what) in cases {
        let errors = errors_after(edit);
        let named = |e: &DataError| e.item.as_deref().is_some_and(|i| i.starts_with("indicator "));
        let hit = errors.iter().any(|e| named(e) && e.field == field && e.message.contains(what));
        assert!(hit, "{name}: expected `{field}` \"{what}\", got {errors:#?}");
    }
}

#[test]
fn duplicate_ids_are_rejected_and_good_indicators_still_load() {
    let mut other = indicator();
    other["id"] = json!("AIR-03");
    let mut broken = indicator();
    broken["id"] = json!("AIR-04");
    broken["unit"] = json!("furlongs");
    let text = overview(vec![indicator(), indicator(), other, broken]).to_string();
    let loaded = parse_overview(FILE, &text).expect("the file as a whole is readable");
    assert_located(&loaded.errors, "id", "duplicate id");
    assert!(loaded.errors.iter().any(|e| e.item.as_deref() == Some("indicator AIR-04") && e.field == "unit"));
    let ids: Vec<&str> = loaded.data.indicators.iter().map(|i| i.id.as_str()).collect();
    assert_eq!(ids, vec!["AIR-02", "AIR-03"], "only the bad ones are left out");
}

fn indicator_file(sources: Value) -> String {
    json!({ "schema_version": 1, "release": "2026-11-28", "as_of": "2026-11-28", "indicator": indicator(), "sources": sources }).to_string()
}

fn source(url: &str, date: &str) -> Value {
    json!({ "publisher": { "zh": "甲", "en": "A" }, "title": { "zh": "乙", "en": "B" }, "date": date, "url": url, "tier": "official_media" })
}

#[test]
fn every_source_key_must_resolve() {
    let sources = json!({ "plan-briefing": source("https://a.cn/1", "2021-12-21"), "plan-text": source("https://a.cn/2", "2021-12") , "m21": source("https://a.cn/3", "2022") });
    let errors = parse_indicator_file(FILE, &indicator_file(sources)).unwrap_err();
    assert_located(&errors, "values[1].source", "source \"r24\" is not in the source registry");
}

#[test]
fn source_entries_are_checked() {
    let text = json!({ "schema_version": 1, "as_of": "2026-11-28", "sources": {
        "good": source("https://a.cn/1", "2021-12-21"),
        "script-link": source("javascript:alert(1)", "2021"),
        "bad-date": source("https://a.cn/2", "21.12.2021"),
        "Bad Key": source("https://a.cn/3", "2021"),
        "no-tier": { "publisher": { "zh": "甲", "en": "A" }, "title": { "zh": "乙", "en": "B" } }
    }})
    .to_string();
    let loaded = parse_sources(FILE, &text).unwrap();
    let find = |item: &str, field: &str, what: &str| {
        loaded.errors.iter().any(|e| e.item.as_deref() == Some(item) && e.field == field && e.message.contains(what))
    };
    assert!(find("source script-link", "url", "not an http(s) address"), "{:#?}", loaded.errors);
    assert!(find("source bad-date", "date", "is not YYYY"));
    assert!(find("source Bad Key", "key", "lower-case key"));
    assert!(find("source no-tier", "", "missing field `tier`"));
    assert_eq!(loaded.data.sources.keys().map(|k| k.as_str()).collect::<Vec<_>>(), vec!["good"]);
}

#[test]
fn a_source_on_an_unsafe_site_is_never_linked_nor_published_with_its_address() {
    let mut entry = source("http://spam.example/1.html", "2021");
    entry["tier"] = json!("reprint");
    entry["unsafe_site"] = json!(true);
    entry["curator_note"] = json!("mirror injects casino words");
    let text = json!({ "schema_version": 1, "as_of": "2026-11-28", "sources": { "flagged": entry } }).to_string();
    let loaded = parse_sources(FILE, &text).unwrap();
    assert!(loaded.errors.is_empty(), "{:#?}", loaded.errors);
    let s = &loaded.data.sources[&"flagged".into()];
    assert_eq!(s.link(), None, "no link to a flagged site");
    let public = s.public();
    assert_eq!(public.url, None, "the address is not published");
    assert_eq!(public.curator_note, None, "curators' notes are not published");
    assert!(public.unsafe_site, "the page still knows why there is no link");
}

/// A copy of the real `data/` in a temporary folder, edited by `edit`.
fn edited_data(name: &str, edit: impl FnOnce(&std::path::Path)) -> std::path::PathBuf {
    let src = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("data");
    let dir = std::env::temp_dir().join(format!("gansu-data-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(&src).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), dir.join(entry.file_name())).unwrap();
    }
    edit(&dir);
    dir
}

fn edit_json(path: &std::path::Path, edit: impl FnOnce(&mut Value)) {
    let mut v: Value = serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    edit(&mut v);
    std::fs::write(path, serde_json::to_string_pretty(&v).unwrap()).unwrap();
}

#[test]
fn curators_words_in_a_public_field_stop_publishing_and_say_where() {
    let dir = edited_data("curator", |dir| {
        edit_json(&dir.join("sources.json"), |v| {
            v["sources"]["plan-text"]["reprinted_by"] = json!("炉具网 (lujuwang news reprint, spam mirror)")
        });
        edit_json(&dir.join("air.json"), |v| {
            v["indicators"][0]["notes"][0]["text"]["en"] = json!("By the Research Notes' arithmetic.")
        });
    });
    let errors = gansu_eco_dashboard::model::dataset::load_authoring(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    let hit = |item: &str, field: &str| {
        errors
            .iter()
            .any(|e| e.item.as_deref() == Some(item) && e.field == field && e.message.contains("curators' word"))
    };
    assert!(hit("source plan-text", "reprinted_by"), "{errors:#?}");
    assert!(errors.iter().any(|e| e.field == "notes[0].text.en" && e.message.contains("research note")), "{errors:#?}");
}

#[test]
fn a_curator_note_may_say_anything_and_is_not_published() {
    let dir = edited_data("curator-ok", |dir| {
        edit_json(&dir.join("sources.json"), |v| {
            v["sources"]["plan-text"]["curator_note"] = json!("spam mirror, research notes say so")
        });
    });
    let ds = gansu_eco_dashboard::model::dataset::load_authoring(&dir);
    std::fs::remove_dir_all(&dir).ok();
    let ds = ds.expect("curators' notes are where such words belong");
    let files = gansu_eco_dashboard::model::dataset::release_files(&ds, gansu_eco_dashboard::i18n::status_columns);
    assert!(files.iter().all(|(_, text)| !text.contains("spam mirror")), "a curator note was published");
}

#[test]
fn an_area_has_at_most_one_headline_indicator() {
    let mut first = indicator();
    first["id"] = json!("AIR-03");
    first["headline"] = json!(true);
    let mut second = indicator();
    second["headline"] = json!(true);
    let loaded = parse_overview(FILE, &overview(vec![first, second]).to_string()).unwrap();
    assert_located(&loaded.errors, "headline", "second headline indicator");
}

#[test]
fn what_publishing_computes_is_refused_in_data() {
    let dir = edited_data("publish-marks", |dir| {
        edit_json(&dir.join("air.json"), |v| v["indicators"][0]["values"][0]["revised"] = json!("2026-11-28"));
        edit_json(&dir.join("release.json"), |v| {
            v["changes"] = json!([{ "kind": "details_changed", "indicator": "AIR-01", "fields": ["notes"] }])
        });
    });
    let errors = gansu_eco_dashboard::model::dataset::load_authoring(&dir).unwrap_err();
    std::fs::remove_dir_all(&dir).ok();
    let at = |file: &str, field: &str| {
        errors.iter().any(|e| e.file.ends_with(file) && e.field == field && e.message.contains("sitegen publish"))
    };
    assert!(at("air.json", "values[0].revised"), "{errors:#?}");
    assert!(at("release.json", "changes"), "{errors:#?}");
}

/// The fixture with a city breakdown: Lanzhou's full year and Dingxi's part year.
fn with_breakdown(v: &mut Value) {
    v["breakdown"] = json!([
        { "place": "620100", "values": [ { "year": 2021, "value": 32, "source": "lz" } ] },
        {
            "place": "622900",
            "scope": { "id": "linxia-city-stations", "label": { "zh": "临夏市国控点", "en": "Linxia city stations" } },
            "values": [ { "year": 2025, "value": 35, "source": "lx" } ]
        },
        {
            "place": "622900",
            "scope": { "id": "counties-average", "label": { "zh": "七县一市平均", "en": "Average of 7 counties and 1 city" } },
            "values": [ { "year": 2025, "value": 30, "source": "lx" } ]
        }
    ]);
}

#[test]
fn a_breakdown_by_place_loads_and_its_series_stay_apart() {
    assert_eq!(errors_after(with_breakdown), Vec::<DataError>::new());
    let mut ind = indicator();
    with_breakdown(&mut ind);
    let loaded = parse_overview(FILE, &overview(vec![ind]).to_string()).unwrap();
    let ind = &loaded.data.indicators[0];
    let keys: Vec<String> = ind.breakdown.iter().map(|s| s.key()).collect();
    assert_eq!(keys, ["620100", "622900.linxia-city-stations", "622900.counties-average"]);
    // A place's indicator holds that place's figures and the province's full years, each on its own basis.
    let lanzhou = ind.for_place("620100").unwrap();
    let on =
        |basis: &str| lanzhou.values.iter().filter(|o| o.basis.as_ref().is_some_and(|b| b.as_str() == basis)).count();
    assert_eq!((on("place"), on("province")), (1, 3), "{:#?}", lanzhou.values);
    assert!(lanzhou.target.is_none() && lanzhou.breakdown.is_empty());
    assert_eq!(lanzhou.name.zh, "兰州市·细颗粒物（PM2.5）年均浓度");
    let linxia = ind.for_place("622900.counties-average").unwrap();
    assert_eq!(linxia.bases[0].label.zh, "临夏州（七县一市平均）");
    assert!(ind.for_place("622900").is_none(), "Linxia has no series without a scope");
}

#[test]
fn place_rules_fire() {
    let cases: Vec<(&str, Edit, &str, &str)> = vec![
        ("unknown code", Box::new(|v| v["breakdown"][0]["place"] = json!("620199")), "breakdown[0].place", "GB/T 2260"),
        (
            "the province as a place",
            Box::new(|v| v["breakdown"][0]["place"] = json!("620000")),
            "breakdown[0].place",
            "belong in `values`",
        ),
        (
            "a value on another scope inside a series",
            Box::new(|v| v["breakdown"][0]["values"][0]["basis"] = json!("dingxi")),
            "breakdown[0].values[0].basis",
            "series of their own",
        ),
        (
            "two series for one place and scope",
            Box::new(|v| v["breakdown"][2]["scope"]["id"] = json!("linxia-city-stations")),
            "breakdown[2]",
            "a second series for 622900.linxia-city-stations",
        ),
        (
            "two full years in one series",
            Box::new(|v| {
                let again = v["breakdown"][0]["values"][0].clone();
                v["breakdown"][0]["values"].as_array_mut().unwrap().push(again);
            }),
            "breakdown[0].values[1]",
            "a second full-year value for 2021",
        ),
        (
            "a scope without a label",
            Box::new(|v| v["breakdown"][1]["scope"]["label"]["en"] = json!("")),
            "breakdown[1].scope.label.en",
            "empty text",
        ),
        (
            "a city's year after the as-of date",
            Box::new(|v| v["breakdown"][0]["values"][0]["year"] = json!(2030)),
            "breakdown[0].values[0].year",
            "outside",
        ),
    ];
    for (name, edit, field, what) in cases {
        let errors = errors_after(|v| {
            with_breakdown(v);
            edit(v);
        });
        let hit = errors
            .iter()
            .any(|e| e.item.as_deref() == Some("indicator AIR-02") && e.field == field && e.message.contains(what));
        assert!(hit, "{name}: expected `{field}` \"{what}\", got {errors:#?}");
    }
}
