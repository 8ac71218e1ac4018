//! The two metadata files of a release, both written from `package_columns`:
//! CSV on the Web metadata of the CSV (W3C CSVW, JSON-LD), and a Frictionless
//! Data Package v2 describing the CSV (with its Table Schema) and the JSON.

use super::package::Release;
use super::package_columns::{self as columns, Column, Kind, MONTH_DAY_PATTERN, PARTIAL_DATE_PATTERN};
use gansu_eco_dashboard::i18n::{self, Lang, Msg};
use gansu_eco_dashboard::model::{layout, TargetOrigin, Text};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};

pub const LICENCE_URL: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Why neither file declares a primary key. Checked against the data: id, row
/// and year repeat, and so do they with basis and period, place and scope; only
/// adding the alternative's wording or the source makes rows unique, which is no key.
pub fn no_key() -> Text {
    Text {
        zh: "没有主键：同一指标同一年份可以有多行（不同口径、不同时段、备选数值、不同来源、不同地点或统计范围），没有哪一列或哪几列按规则保证唯一。".into(),
        en: "There is no primary key: one indicator can have several rows for one year (other bases, other periods, alternative figures, other sources, other places or scopes), and no column or set of columns is unique by rule.".into(),
    }
}

/// The dataset's title, description and keywords, shared by both files.
pub fn title() -> Text {
    Text {
        zh: format!("{}：指标数据", Msg::SiteTitle.text(Lang::Zh)),
        en: format!("{} (indicator data)", Msg::SiteTitle.text(Lang::En)),
    }
}

pub fn description() -> Text {
    let both = |lang| [Msg::PlanIntro, Msg::FooterData, Msg::CsvNote].map(|m| m.text(lang)).join(" ");
    let zh = both(Lang::Zh).replace("。 ", "。");
    Text { zh: format!("{zh}{}", no_key().zh), en: format!("{} {}", both(Lang::En), no_key().en) }
}

/// What the JSON file holds beyond the CSV.
pub fn json_description() -> Text {
    Text {
        zh: "每个指标的完整数据（规划原文、说明、口径定义、下降目标的参照年份等）与全部来源登记。".into(),
        en: "Every indicator in full (the plan's wording, notes, basis definitions, the reference year of a reduction target…) with the whole source registry.".into(),
    }
}

const KEYWORDS: [&str; 12] = [
    "甘肃",
    "Gansu",
    "十四五",
    "14th Five-Year Plan",
    "生态环境",
    "eco-environment",
    "air quality",
    "water quality",
    "soil",
    "carbon",
    "ecology",
    "indicators",
];

/// JSON-LD values in both languages.
fn lang_values(t: &Text) -> Value {
    json!([{"@value": t.zh, "@language": "zh"}, {"@value": t.en, "@language": "en"}])
}

pub fn to_json(value: &Value) -> String {
    let mut s = serde_json::to_string_pretty(value).unwrap_or_default();
    s.push('\n');
    s
}

fn csv_name(r: &Release) -> String {
    layout::file_name(&layout::whole_dataset(&r.info.release, "csv")).to_string()
}

fn json_name(r: &Release) -> String {
    layout::file_name(&layout::whole_dataset(&r.info.release, "json")).to_string()
}

/// The regular expression allowing exactly the given codes. Only the regex
/// metacharacters are escaped: `\-` or `\_` would be errors in a Unicode-mode
/// ECMAScript regex, the syntax CSVW names.
fn one_of(codes: &[columns::Code]) -> String {
    let special = |c: char| "\\^$.|?*+()[]{}".contains(c);
    let escape =
        |s: &str| s.chars().flat_map(|c| special(c).then_some('\\').into_iter().chain([c])).collect::<String>();
    format!("^({})$", codes.iter().map(|c| escape(&c.value)).collect::<Vec<_>>().join("|"))
}

fn csvw_column(c: &Column, r: &Release) -> Value {
    let datatype = match c.kind {
        Kind::Plain => json!("string"),
        Kind::Year => json!("gYear"),
        Kind::Number => json!("number"),
        Kind::Url => json!("anyURI"),
        Kind::PartialDate => json!({"base": "string", "format": format!("^{PARTIAL_DATE_PATTERN}$")}),
        Kind::Date => json!("date"),
        Kind::MonthDay => json!({"base": "string", "format": format!("^{MONTH_DAY_PATTERN}$")}),
        Kind::Flag => json!("boolean"),
        Kind::OneOf(v) => json!({"base": "string", "format": one_of(&columns::codes(v, &r.data))}),
    };
    json!({
        "name": c.name,
        "titles": c.name,
        "dc:description": lang_values(&columns::describe(c, &r.data)),
        "datatype": datatype,
        "required": c.required,
        "null": "",
    })
}

/// CSVW metadata (`gansu-eco-indicators.csv-metadata.json`) of the CSV beside it.
pub fn csvw(r: &Release) -> Value {
    json!({
        "@context": "http://www.w3.org/ns/csvw",
        "url": csv_name(r),
        "dc:title": lang_values(&title()),
        "dc:description": lang_values(&description()),
        "dc:license": {"@id": LICENCE_URL},
        "dc:hasVersion": r.info.release,
        "dc:modified": {"@value": r.info.as_of, "@type": "xsd:date"},
        "dialect": {
            "encoding": "utf-8",
            "header": true,
            "headerRowCount": 1,
            "delimiter": ",",
            "quoteChar": "\"",
            "doubleQuote": true,
            "lineTerminators": ["\r\n", "\n"],
            "trim": false,
        },
        "tableSchema": {
            "columns": r.columns().iter().map(|c| csvw_column(c, r)).collect::<Vec<_>>(),
        },
    })
}

fn table_field(c: &Column, r: &Release) -> Value {
    let text = columns::describe(c, &r.data);
    let mut field = json!({"name": c.name, "description": format!("{}\n{}", text.en, text.zh)});
    let mut constraints = serde_json::Map::new();
    let kind = match c.kind {
        Kind::Plain => "string",
        Kind::Year => "year",
        Kind::Number => "number",
        Kind::Url => {
            field["format"] = json!("uri");
            "string"
        }
        Kind::PartialDate => {
            constraints.insert("pattern".into(), json!(PARTIAL_DATE_PATTERN));
            "string"
        }
        Kind::Date => "date",
        Kind::MonthDay => {
            constraints.insert("pattern".into(), json!(MONTH_DAY_PATTERN));
            "string"
        }
        Kind::Flag => {
            // Only `true` is ever written; an empty cell is "no" (missingValues).
            field["trueValues"] = json!(["true"]);
            field["falseValues"] = json!(["false"]);
            "boolean"
        }
        Kind::OneOf(v) => {
            let codes: Vec<String> = columns::codes(v, &r.data).into_iter().map(|c| c.value).collect();
            constraints.insert("enum".into(), json!(codes));
            "string"
        }
    };
    field["type"] = json!(kind);
    if c.required {
        constraints.insert("required".into(), json!(true));
    }
    if !constraints.is_empty() {
        field["constraints"] = Value::Object(constraints);
    }
    field
}

fn sha256(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    format!("sha256:{}", digest.iter().map(|b| format!("{b:02x}")).collect::<String>())
}

/// The documents the plan's targets are taken from, then every publisher of a
/// source once, in the order of the source registry.
fn sources(r: &Release) -> Vec<Value> {
    let mut plan_keys = Vec::new();
    for ind in &r.data.indicators {
        for t in ind.target.iter().chain(&ind.other_targets) {
            if matches!(t.origin, TargetOrigin::Plan | TargetOrigin::PlanBriefing) && !plan_keys.contains(&&t.source) {
                plan_keys.push(&t.source);
            }
        }
    }
    let mut out: Vec<Value> = plan_keys
        .iter()
        .filter_map(|k| r.data.sources.get(*k))
        .map(|s| {
            let [zh, en] = [Lang::Zh, Lang::En].map(|l| i18n::paren(l, l.pick(&s.title), l.pick(&s.publisher)));
            let title = format!("{zh} / {en}");
            match s.link() {
                Some(url) => json!({"title": title, "path": url}),
                None => json!({"title": title}),
            }
        })
        .collect();
    let mut seen = Vec::new();
    for s in r.data.sources.values() {
        if !seen.contains(&&s.publisher.zh) {
            seen.push(&s.publisher.zh);
            out.push(json!({"title": format!("{} / {}", s.publisher.zh, s.publisher.en)}));
        }
    }
    out
}

/// The Frictionless Data Package (`datapackage.json`) of the release's files.
pub fn data_package(r: &Release) -> Value {
    let (title, description) = (title(), description());
    let v2 = |profile: &str| format!("https://datapackage.org/profiles/2.0/{profile}.json");
    let csv = json!({
        "name": "gansu-eco-indicators",
        "type": "table",
        "path": csv_name(r),
        "format": "csv",
        "mediatype": "text/csv",
        // The IANA name: the byte-order mark at the start is part of UTF-8 and
        // read as such (frictionless, pandas with utf-8-sig, Excel).
        "encoding": "utf-8",
        "bytes": r.csv.len(),
        "hash": sha256(r.csv.as_bytes()),
        "title": format!("{} / {}", Msg::WholeCsv.text(Lang::Zh), Msg::WholeCsv.text(Lang::En)),
        "description": format!("{}\n\n{}", Msg::CsvNote.text(Lang::Zh), Msg::CsvNote.text(Lang::En)),
        "dialect": {
            "$schema": v2("tabledialect"),
            "header": true,
            "headerRows": [1],
            "delimiter": ",",
            "lineTerminator": "\r\n",
            "quoteChar": "\"",
            "doubleQuote": true,
        },
        "schema": {
            "$schema": v2("tableschema"),
            "fields": r.columns().iter().map(|c| table_field(c, r)).collect::<Vec<_>>(),
            "fieldsMatch": "exact",
            "missingValues": [""],
        },
    });
    let json_file = json!({
        "name": "gansu-eco-indicators-json",
        "path": json_name(r),
        "format": "json",
        "mediatype": "application/json",
        "encoding": "utf-8",
        "bytes": r.json.len(),
        "hash": sha256(r.json.as_bytes()),
        "title": format!("{} / {}", Msg::WholeJson.text(Lang::Zh), Msg::WholeJson.text(Lang::En)),
        "description": format!("{}\n\n{}", json_description().zh, json_description().en),
    });
    json!({
        "$schema": v2("datapackage"),
        "name": "gansu-eco-indicators",
        "title": format!("{} / {}", title.zh, title.en),
        "description": format!("{}\n\n{}", description.zh, description.en),
        "version": r.info.release,
        "created": format!("{}T00:00:00Z", r.info.as_of),
        "keywords": KEYWORDS,
        "licenses": [{
            "name": "CC-BY-4.0",
            "path": LICENCE_URL,
            "title": "Creative Commons Attribution 4.0 International",
        }],
        "sources": sources(r),
        "resources": [csv, json_file],
    })
}
