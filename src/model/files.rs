//! The snapshot files and how raw JSON text becomes validated, typed data.
//!
//! Parsing happens in two steps. First the text is read as generic JSON and the
//! envelope (`schema_version`, `as_of`, `release`) is checked: a problem there
//! makes the whole file unusable. Then every indicator (and every source) is
//! converted and checked on its own, so one broken indicator is reported with its
//! id and field while the good ones around it still load.

use super::changes::Change;
use super::types::*;
use super::validate::{self, Context, DataError, Report};
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};
use serde_json::Value;
use std::collections::{BTreeMap, HashSet};

#[cfg(feature = "tools")]
use schemars::JsonSchema;

/// The format version this build of the site reads and writes.
pub const SCHEMA_VERSION: u32 = 1;

/// `data/release.json`: the id and date of the release being prepared; in
/// `releases.json`, one published release.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct ReleaseInfo {
    pub schema_version: u32,
    pub release: String,
    pub as_of: String,
    /// What changed in this release, in the curators' words.
    pub note: Text,
    /// `releases.json` only, computed by `sitegen publish`: every difference from
    /// the release before (none for the first). Never written in `data/`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub changes: Vec<Change>,
}

/// `releases.json`: every published release, newest first.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct ReleasesFile {
    pub schema_version: u32,
    pub as_of: String,
    pub current: String,
    pub releases: Vec<ReleaseInfo>,
}

/// `overview.json`: every indicator without its long notes. One small request
/// gives the site everything it needs for the overview and area pages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct OverviewFile {
    pub schema_version: u32,
    pub release: String,
    pub as_of: String,
    pub indicators: Vec<Indicator>,
}

/// `indicators/<ID>.json`: one indicator in full, with the sources it cites.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct IndicatorFile {
    pub schema_version: u32,
    pub release: String,
    pub as_of: String,
    pub indicator: Indicator,
    pub sources: BTreeMap<SourceKey, Source>,
}

/// `sources.json`: the source registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct SourcesFile {
    pub schema_version: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub release: Option<String>,
    pub as_of: String,
    pub sources: BTreeMap<SourceKey, Source>,
}

/// An authoring file in `data/`: the indicators of one area, edited by people.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct AreaFile {
    pub schema_version: u32,
    pub as_of: String,
    pub area: Area,
    pub indicators: Vec<Indicator>,
}

/// A file that loaded, possibly with some items rejected.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded<T> {
    pub data: T,
    /// Problems with single items; the items themselves were left out of `data`.
    pub errors: Vec<DataError>,
}

/// The checked envelope of a file.
struct Envelope {
    release: Option<String>,
    as_of: String,
    as_of_year: i32,
}

fn read_envelope(file: &str, text: &str, needs_release: bool) -> Result<(Value, Envelope), Vec<DataError>> {
    let mut report = Report::new(file);
    if text.trim().is_empty() {
        report.push(None, "", "the file is empty");
        return Err(report.errors);
    }
    let root: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => {
            let what = if e.is_eof() { "the file ends too early (truncated?)" } else { "not valid JSON" };
            report.push(None, "", format!("{what}: {e} (line {}, column {})", e.line(), e.column()));
            return Err(report.errors);
        }
    };
    let Some(obj) = root.as_object() else {
        report.push(None, "", format!("expected a JSON object, found {}", json_kind(&root)));
        return Err(report.errors);
    };
    match obj.get("schema_version") {
        Some(Value::Number(n)) if n.as_u64() == Some(SCHEMA_VERSION as u64) => {}
        Some(v) => {
            report.push(None, "schema_version", format!("this site reads version {SCHEMA_VERSION}, the file says {v}"))
        }
        None => report.push(None, "schema_version", "missing"),
    }
    let as_of = match obj.get("as_of") {
        Some(Value::String(s)) if validate::is_valid_date(s) && s.len() == 10 => s.clone(),
        Some(v) => {
            report.push(None, "as_of", format!("expected a date YYYY-MM-DD, found {v}"));
            String::new()
        }
        None => {
            report.push(None, "as_of", "missing");
            String::new()
        }
    };
    let release = match obj.get("release") {
        Some(Value::String(s)) if validate::is_valid_key(s) => Some(s.clone()),
        Some(v) => {
            report.push(None, "release", format!("expected a release id like 2026-11-28, found {v}"));
            None
        }
        None if needs_release => {
            report.push(None, "release", "missing");
            None
        }
        None => None,
    };
    if !report.errors.is_empty() {
        return Err(report.errors);
    }
    let as_of_year = validate::date_year(&as_of).unwrap_or(0);
    Ok((root, Envelope { release, as_of, as_of_year }))
}

fn json_kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// Converts one JSON value to `T`, reporting the failing field's path.
fn convert<T: DeserializeOwned>(v: &Value) -> Result<T, (String, String)> {
    serde_path_to_error::deserialize(v).map_err(|e| {
        let path = e.path().to_string();
        let path = if path == "." { String::new() } else { path };
        (path, e.into_inner().to_string())
    })
}

/// Takes a required field out of the root object or reports it missing.
fn field<'v>(root: &'v Value, name: &str, report: &mut Report) -> Option<&'v Value> {
    let v = root.get(name);
    if v.is_none() {
        report.push(None, name, "missing");
    }
    v
}

/// Converts and checks a list of indicators, keeping the valid ones.
fn read_indicators(list: &Value, field_name: &str, ctx: &Context, report: &mut Report) -> Vec<Indicator> {
    let Some(items) = list.as_array() else {
        report.push(None, field_name, format!("expected an array, found {}", json_kind(list)));
        return Vec::new();
    };
    let mut seen = HashSet::new();
    let mut headlines: Vec<Area> = Vec::new();
    let mut good = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let label = match item.get("id").and_then(Value::as_str) {
            Some(id) => format!("indicator {id}"),
            None => format!("{field_name}[{i}]"),
        };
        let ind: Indicator = match convert(item) {
            Ok(ind) => ind,
            Err((path, msg)) => {
                report.push(Some(&label), path, msg);
                continue;
            }
        };
        let before = report.errors.len();
        if !seen.insert(ind.id.clone()) {
            report.push(Some(&label), "id", "duplicate id: another indicator in this file has it");
        }
        if ind.headline {
            if headlines.contains(&ind.area) {
                report.push(Some(&label), "headline", "a second headline indicator for this area: one stands for it");
            }
            headlines.push(ind.area);
        }
        validate::check_indicator(&ind, ctx, report);
        if report.errors.len() == before {
            good.push(ind);
        }
    }
    good
}

/// Converts and checks a source registry, keeping the valid entries.
fn read_sources(v: &Value, report: &mut Report) -> BTreeMap<SourceKey, Source> {
    let Some(map) = v.as_object() else {
        report.push(None, "sources", format!("expected an object, found {}", json_kind(v)));
        return BTreeMap::new();
    };
    let mut good = BTreeMap::new();
    for (key, entry) in map {
        let key = SourceKey(key.clone());
        match convert::<Source>(entry) {
            Ok(s) => {
                let before = report.errors.len();
                validate::check_source_entry(&key, &s, report);
                if report.errors.len() == before {
                    good.insert(key, s);
                }
            }
            Err((path, msg)) => report.push(Some(&format!("source {key}")), path, msg),
        }
    }
    good
}

/// Parses `overview.json`. Source keys are checked for form only: the overview
/// does not carry the registry (the native dataset check resolves them).
pub fn parse_overview(file: &str, text: &str) -> Result<Loaded<OverviewFile>, Vec<DataError>> {
    parse_overview_with(file, text, None)
}

/// Parses `overview.json`, resolving source keys against `sources` when given.
pub fn parse_overview_with(
    file: &str,
    text: &str,
    sources: Option<&BTreeMap<SourceKey, Source>>,
) -> Result<Loaded<OverviewFile>, Vec<DataError>> {
    let (root, env) = read_envelope(file, text, true)?;
    let mut report = Report::new(file);
    let ctx = Context { as_of_year: env.as_of_year, sources };
    let indicators = match field(&root, "indicators", &mut report) {
        Some(list) => read_indicators(list, "indicators", &ctx, &mut report),
        None => return Err(report.errors),
    };
    Ok(Loaded {
        data: OverviewFile {
            schema_version: SCHEMA_VERSION,
            release: env.release.unwrap_or_default(),
            as_of: env.as_of,
            indicators,
        },
        errors: report.errors,
    })
}

/// Parses `indicators/<ID>.json`. The one indicator must be valid, with every
/// source it cites present in the file's own `sources`.
pub fn parse_indicator_file(file: &str, text: &str) -> Result<IndicatorFile, Vec<DataError>> {
    let (root, env) = read_envelope(file, text, true)?;
    let mut report = Report::new(file);
    let sources = match field(&root, "sources", &mut report) {
        Some(v) => read_sources(v, &mut report),
        None => BTreeMap::new(),
    };
    let ctx = Context { as_of_year: env.as_of_year, sources: Some(&sources) };
    let indicator = match field(&root, "indicator", &mut report) {
        Some(v) => {
            let list = Value::Array(vec![v.clone()]);
            read_indicators(&list, "indicator", &ctx, &mut report).pop()
        }
        None => None,
    };
    match indicator {
        Some(indicator) if report.errors.is_empty() => Ok(IndicatorFile {
            schema_version: SCHEMA_VERSION,
            release: env.release.unwrap_or_default(),
            as_of: env.as_of,
            indicator,
            sources,
        }),
        _ => Err(report.errors),
    }
}

/// Parses `sources.json`.
pub fn parse_sources(file: &str, text: &str) -> Result<Loaded<SourcesFile>, Vec<DataError>> {
    let (root, env) = read_envelope(file, text, false)?;
    let mut report = Report::new(file);
    let sources = match field(&root, "sources", &mut report) {
        Some(v) => read_sources(v, &mut report),
        None => return Err(report.errors),
    };
    Ok(Loaded {
        data: SourcesFile { schema_version: SCHEMA_VERSION, release: env.release, as_of: env.as_of, sources },
        errors: report.errors,
    })
}

/// Parses an authoring file from `data/`, checking sources against the registry.
pub fn parse_area_file(
    file: &str,
    text: &str,
    sources: &BTreeMap<SourceKey, Source>,
) -> Result<Loaded<AreaFile>, Vec<DataError>> {
    let (root, env) = read_envelope(file, text, false)?;
    let mut report = Report::new(file);
    let area: Area = match field(&root, "area", &mut report).map(convert) {
        Some(Ok(a)) => a,
        Some(Err((_, msg))) => {
            report.push(None, "area", msg);
            return Err(report.errors);
        }
        None => return Err(report.errors),
    };
    let ctx = Context { as_of_year: env.as_of_year, sources: Some(sources) };
    let indicators = match field(&root, "indicators", &mut report) {
        Some(list) => read_indicators(list, "indicators", &ctx, &mut report),
        None => return Err(report.errors),
    };
    for ind in &indicators {
        let item = format!("indicator {}", ind.id);
        if ind.area != area {
            report.push(Some(&item), "area", format!("is {:?} but the file holds {:?}", ind.area, area));
        }
        let observations = ind.baseline.iter().map(|o| ("baseline".to_string(), o));
        let observations = observations.chain(ind.values.iter().enumerate().map(|(i, o)| (format!("values[{i}]"), o)));
        for (at, _) in observations.filter(|(_, o)| o.revised.is_some()) {
            report.push(
                Some(&item),
                format!("{at}.revised"),
                "is set by `sitegen publish` from the previous release, never written in data/: remove it",
            );
        }
    }
    Ok(Loaded {
        data: AreaFile { schema_version: SCHEMA_VERSION, as_of: env.as_of, area, indicators },
        errors: report.errors,
    })
}
