//! `sitegen import FILE.csv`: new values (and the sources they cite) from a
//! spreadsheet into `data/`, all or nothing.
//!
//! Every row is checked (`import_rows`, `import_sources`); then the values are
//! merged into the files as they are — each into its indicator's `values` in
//! year order, after any of the same year; a city's figure (a row with a
//! `place`) the same way into the values of its series in the indicator's
//! `breakdown`, a series that does not exist yet being created after the last
//! series of a place with the same or a lower code (so the breakdown stays in
//! place-code order, a place's new scope after its existing series); each new
//! source at the end of the registry — and the whole dataset as it would be
//! written is checked by the same loader `sitegen check` uses. Only when nothing
//! is wrong are the changed files written, each to a temporary file in `data/`
//! first and then renamed over the old one. Problems are all reported together,
//! located by line and column of the spreadsheet.
//! The files keep their hand-made layout (`data_format`): a diff shows the
//! added lines, and a comma after the line before each.

use super::csv_read::{self, CsvError};
use super::data_format::{self, Json};
use super::import_columns::{Header, Problem, COLUMNS};
use super::import_rows::{self, series_name, Context, NewValue, Rows};
use super::import_sources::NewSource;
use gansu_eco_dashboard::model::dataset::{self, Dataset};
use gansu_eco_dashboard::model::{Area, DataError, IndicatorId, PlaceSeries, ReleasesFile};
use std::collections::{BTreeMap, BTreeSet};
use std::fs;
use std::path::Path;

/// The template published beside the data: a header row and one example row.
pub const TEMPLATE: &str = "public/data/import-template.csv";

/// `sitegen import FILE`: imports into `data/` and says what to do next.
pub fn command(file: &Path) -> Result<(), String> {
    let imported = run(file, Path::new("data")).map_err(|problems| {
        let mut out = format!("{} problem(s) in {}; nothing was written:\n", problems.len(), file.display());
        problems.iter().for_each(|p| out.push_str(&format!("  {p}\n")));
        out
    })?;
    println!("{}", imported.summary);
    let published: Option<ReleasesFile> =
        fs::read_to_string("public/data/releases.json").ok().and_then(|t| serde_json::from_str(&t).ok());
    let release = &imported.release;
    let next = if published.is_some_and(|p| p.releases.iter().any(|r| &r.release == release)) {
        format!("data/release.json still names release {release}, which is already published: set a new release id,")
    } else {
        "next: check the release id,".to_string()
    };
    println!("{next} as_of and note in data/release.json, run `sitegen check`, then `sitegen publish`");
    Ok(())
}

/// What an import did.
#[derive(Debug)]
pub struct Imported {
    /// What was added, to which indicators, and which files were written.
    pub summary: String,
    /// The release id `data/release.json` names.
    pub release: String,
}

/// Imports `csv` into the data directory `data`, or changes nothing and returns
/// every problem, each `FILE:LINE: column NAME (LETTER): reason`.
pub fn run(csv: &Path, data: &Path) -> Result<Imported, Vec<String>> {
    let file = csv.display().to_string();
    let bytes = fs::read(csv).map_err(|e| vec![format!("{file}: cannot read: {e}")])?;
    let at = |e: CsvError| vec![format!("{file}:{}: {}", e.line, e.message)];
    let records = csv_read::records(csv_read::decode(&bytes).map_err(at)?).map_err(at)?;
    let Some((head, rows)) = records.split_first() else {
        return Err(vec![format!("{file}: empty: start from {TEMPLATE}")]);
    };
    let render = |problems: &[Problem], header: Option<&Header>| -> Vec<String> {
        problems.iter().map(|p| p.render(&file, header)).collect()
    };
    let header = Header::read(head).map_err(|p| render(&p, None))?;
    let ds = dataset::load_authoring(data).map_err(|errors| {
        let mut out =
            vec![format!("{}: has problems before anything is imported (run `sitegen check`):", data.display())];
        out.extend(errors.iter().map(ToString::to_string));
        out
    })?;
    let mut files = Files::read(data)?;
    let ctx = Context { ds: &ds, as_of: files.as_of() };
    let rows = import_rows::read(rows, &header, &ctx);
    if !rows.problems.is_empty() {
        return Err(render(&rows.problems, Some(&header)));
    }
    if rows.values.is_empty() {
        return Err(vec![format!("{file}: no rows below the header: nothing to import")]);
    }
    let placed = files.merge(&rows.values, &rows.sources).map_err(|e| vec![e])?;
    let changed = files.changed();
    // The dataset as it would be written, checked as `sitegen check` checks it.
    if let Err(errors) = dataset::load_authoring_with(data, &changed) {
        let problems: Vec<String> = errors
            .iter()
            .map(|e| match locate(e, &placed, &rows.sources) {
                Some(p) => p.render(&file, Some(&header)),
                None => e.to_string(),
            })
            .collect();
        return Err(problems);
    }
    commit(data, &changed, &files.originals).map_err(|e| vec![e])?;
    let summary = summary(&file, data, &ds, &rows, &files);
    Ok(Imported { summary, release: ds.release.release })
}

/// The files an import may change, as read and as merged.
struct Files {
    /// `sources.json` and each area file (`air.json` …), as read.
    originals: BTreeMap<String, String>,
    trees: BTreeMap<String, Json>,
    /// The files something was added to.
    touched: BTreeSet<String>,
}

impl Files {
    fn read(data: &Path) -> Result<Files, Vec<String>> {
        let mut names = vec!["sources.json".to_string()];
        names.extend(Area::ALL.iter().map(|a| area_file(*a)));
        let (mut originals, mut trees) = (BTreeMap::new(), BTreeMap::new());
        for name in names {
            let path = data.join(&name);
            let text = fs::read_to_string(&path).map_err(|e| vec![format!("{}: cannot read: {e}", path.display())])?;
            let tree = data_format::parse(&text).map_err(|e| vec![format!("{}: {e}", path.display())])?;
            originals.insert(name.clone(), text);
            trees.insert(name, tree);
        }
        Ok(Files { originals, trees, touched: BTreeSet::new() })
    }

    /// The `as_of` date of each area file.
    fn as_of(&self) -> BTreeMap<Area, String> {
        let as_of = |a: Area| self.trees.get(&area_file(a)).and_then(|t| t.get("as_of")?.as_str().map(str::to_string));
        Area::ALL.iter().map(|&a| (a, as_of(a).unwrap_or_default())).collect()
    }

    /// Adds the values and sources; returns where each value went, by
    /// indicator, series and index in its `values`, with the line and row it
    /// came from, and which row created each new series.
    fn merge(&mut self, values: &[NewValue], sources: &[NewSource]) -> Result<Placed, String> {
        // For each indicator and series (`None`: the province's values), which
        // of its values came from which row.
        let mut origin: BTreeMap<(IndicatorId, Option<String>), Vec<Option<Row>>> = BTreeMap::new();
        let mut created: BTreeMap<(IndicatorId, String), Row> = BTreeMap::new();
        for v in values {
            let name = area_file(v.area);
            let ind = self.trees.get_mut(&name).and_then(|t| indicator_of(t, &v.indicator));
            let list = ind.and_then(|ind| match &v.series {
                None => values_of(ind),
                Some(series) => {
                    let (list, new) = series_values_of(ind, series)?;
                    if new {
                        created.insert((v.indicator.clone(), series.key()), (v.line, v.row));
                    }
                    Some(list)
                }
            });
            let Some(list) = list else {
                return Err(format!(
                    "data/{name}: indicator {} has changed since it was read: import again",
                    v.indicator
                ));
            };
            self.touched.insert(name);
            let key = (v.indicator.clone(), v.series.as_ref().map(PlaceSeries::key));
            let lines = origin.entry(key).or_insert_with(|| vec![None; list.len()]);
            let year = |j: &Json| j.get("year").and_then(Json::as_i64);
            let at = list.iter().rposition(|j| year(j).is_some_and(|y| y <= v.value.year as i64)).map_or(0, |i| i + 1);
            // Serialising a plain observation cannot fail.
            list.insert(at, Json::from_typed(&v.value).unwrap_or(Json::Null));
            lines.insert(at, Some((v.line, v.row)));
        }
        if !sources.is_empty() {
            let Some(Json::Object(registry)) = self.trees.get_mut("sources.json").and_then(|t| t.get_mut("sources"))
            else {
                return Err("data/sources.json has no `sources` object".to_string());
            };
            for s in sources {
                registry.push((s.key.to_string(), Json::from_typed(&s.source).unwrap_or(Json::Null)));
            }
            self.touched.insert("sources.json".to_string());
        }
        // Series are found by their key in the merged files: a new series may
        // have moved the later ones.
        let mut placed = Placed::default();
        for ((id, key), lines) in origin {
            let series = match key {
                Some(k) => Some(self.series_index(&id, &k).ok_or_else(|| format!("{id}: series {k} was not found"))?),
                None => None,
            };
            let at = lines.into_iter().enumerate().filter_map(|(i, l)| Some(((id.clone(), series, i), l?)));
            placed.values.extend(at);
        }
        for ((id, key), at) in created {
            if let Some(i) = self.series_index(&id, &key) {
                placed.series.insert((id, i), at);
            }
        }
        Ok(placed)
    }

    /// The index in its indicator's `breakdown` of the series with this key.
    fn series_index(&self, id: &IndicatorId, key: &str) -> Option<usize> {
        let is_it = |i: &&Json| i.get("id").and_then(Json::as_str) == Some(id.as_str());
        let ind = self.trees.values().find_map(|t| match t.get("indicators")? {
            Json::Array(list) => list.iter().find(is_it),
            _ => None,
        })?;
        match ind.get("breakdown")? {
            Json::Array(series) => series.iter().position(|s| series_key(s).as_deref() == Some(key)),
            _ => None,
        }
    }

    /// The files something was added to: name → new text.
    fn changed(&self) -> BTreeMap<String, String> {
        let trees = self.touched.iter().filter_map(|name| Some((name, self.trees.get(name)?)));
        trees.map(|(name, tree)| (name.clone(), data_format::format(tree))).collect()
    }

    /// The touched files that were not in the standard layout, so more than the
    /// added lines changed (a hand edit laid out otherwise).
    fn relaid(&self) -> Vec<String> {
        let original = |n: &String| self.originals.get(n).map_or("", String::as_str);
        let relaid = |n: &&String| data_format::parse(original(n)).map(|t| data_format::format(&t) != original(n));
        self.touched.iter().filter(|n| relaid(n).unwrap_or(true)).cloned().collect()
    }
}

/// A row of the spreadsheet: its line and its spreadsheet row number.
type Row = (usize, usize);

/// Where the imported values went, and which row created each new series.
#[derive(Default)]
struct Placed {
    /// (indicator, index in its `breakdown` or `None` for its own `values`,
    /// index in those values) → the row it came from.
    values: BTreeMap<(IndicatorId, Option<usize>, usize), Row>,
    /// (indicator, index in its `breakdown`) → the row that created the series.
    series: BTreeMap<(IndicatorId, usize), Row>,
}

/// Indicator `id` in an area file.
fn indicator_of<'t>(tree: &'t mut Json, id: &IndicatorId) -> Option<&'t mut Json> {
    let Json::Array(indicators) = tree.get_mut("indicators")? else { return None };
    indicators.iter_mut().find(|i| i.get("id").and_then(Json::as_str) == Some(id.as_str()))
}

/// The array `key` of an object, created empty before the first of `before`
/// (where the type declares it) if the object has none.
fn array_of<'t>(object: &'t mut Json, key: &str, before: &[&str]) -> Option<&'t mut Vec<Json>> {
    if object.get(key).is_none() {
        let Json::Object(fields) = &mut *object else { return None };
        let at = fields.iter().position(|(k, _)| before.contains(&k.as_str())).unwrap_or(fields.len());
        fields.insert(at, (key.to_string(), Json::Array(Vec::new())));
    }
    match object.get_mut(key)? {
        Json::Array(list) => Some(list),
        _ => None,
    }
}

/// An indicator's `values`, created if it has none.
fn values_of(ind: &mut Json) -> Option<&mut Vec<Json>> {
    array_of(ind, "values", &["notes", "publication", "evidence", "breakdown", "standard", "curator_notes"])
}

/// The `values` of an indicator's series for `series`' place and scope, and
/// whether the series is new: one that does not exist yet is created (with
/// `series`' scope labels) after the last series of a place with the same or a
/// lower code, so the breakdown stays in place-code order.
fn series_values_of<'t>(ind: &'t mut Json, series: &PlaceSeries) -> Option<(&'t mut Vec<Json>, bool)> {
    let breakdown = array_of(ind, "breakdown", &["standard", "curator_notes"])?;
    let key = series.key();
    let found = breakdown.iter().position(|s| series_key(s).as_deref() == Some(key.as_str()));
    let (at, new) = match found {
        Some(at) => (at, false),
        None => {
            let place = |s: &Json| s.get("place").and_then(Json::as_str).map(str::to_string);
            let at = breakdown.iter().rposition(|s| place(s).is_some_and(|p| p <= series.place)).map_or(0, |i| i + 1);
            let empty = PlaceSeries { values: Vec::new(), ..series.clone() };
            // Serialising a place and a scope cannot fail.
            breakdown.insert(at, Json::from_typed(&empty).unwrap_or(Json::Null));
            (at, true)
        }
    };
    let values = array_of(breakdown.get_mut(at)?, "values", &[])?;
    Some((values, new))
}

/// A series' key in a file (`PlaceSeries::key`): its place code, then its scope's id.
fn series_key(series: &Json) -> Option<String> {
    let place = series.get("place")?.as_str()?;
    Some(match series.get("scope").and_then(|s| s.get("id")).and_then(Json::as_str) {
        Some(id) => format!("{place}.{id}"),
        None => place.to_string(),
    })
}

fn area_file(area: Area) -> String {
    format!("{}.json", area.slug())
}

/// The row a problem of the merged dataset comes from, and its column.
fn locate(e: &DataError, placed: &Placed, sources: &[NewSource]) -> Option<Problem> {
    let item = e.item.as_deref()?;
    let problem = |(line, row): Row, column| Some(Problem { line, row, column, message: e.message.clone() });
    if let Some(id) = item.strip_prefix("indicator ") {
        let id = IndicatorId::from(id);
        let (series, field) = match e.field.strip_prefix("breakdown[") {
            Some(rest) => {
                let (index, rest) = rest.split_once(']')?;
                (Some(index.parse().ok()?), rest)
            }
            None => (None, e.field.as_str()),
        };
        if let (Some(series), false) = (series, field.starts_with(".values[")) {
            // A rule about the series: its place, its scope.
            let at = *placed.series.get(&(id, series))?;
            let column = match field {
                ".place" => "place",
                ".scope.label.zh" => "scope_zh",
                ".scope.label.en" => "scope_en",
                _ => "scope",
            };
            return problem(at, Some(column));
        }
        let field = field.strip_prefix('.').filter(|_| series.is_some()).unwrap_or(field);
        let (index, rest) = field.strip_prefix("values[")?.split_once(']')?;
        let at = *placed.values.get(&(id, series, index.parse().ok()?))?;
        let column = match rest {
            ".year" => "year",
            ".value" => "value",
            ".bound" => "bound",
            ".basis" => "basis",
            ".source" => "source_key",
            ".text.zh" => "text_zh",
            ".text.en" => "text_en",
            ".note.zh" => "note_zh",
            ".note.en" => "note_en",
            ".period.label.zh" => "period_zh",
            ".period.label.en" => "period_en",
            r if r.starts_with(".period") => "period",
            // A rule about the whole value (a second full-year figure for the year).
            _ => "year",
        };
        return problem(at, Some(column));
    }
    let key = item.strip_prefix("source ")?;
    let s = sources.iter().find(|s| s.key.as_str() == key)?;
    let column = format!("source_{}", e.field.replace('.', "_"));
    let column = COLUMNS.iter().copied().find(|c| *c == column).unwrap_or("source_key");
    problem((s.line, s.row), Some(column))
}

/// Writes every changed file or none: all to temporary files in `data/` first,
/// then each renamed over its old self; if a rename fails, the files already
/// renamed get their old text back the same way.
fn commit(data: &Path, changed: &BTreeMap<String, String>, originals: &BTreeMap<String, String>) -> Result<(), String> {
    let temp = |name: &str| data.join(format!(".{name}.import-{}.tmp", std::process::id()));
    let clean = || changed.keys().for_each(|n| drop(fs::remove_file(temp(n))));
    for (name, text) in changed {
        if let Err(e) = fs::write(temp(name), text) {
            clean();
            return Err(format!("{}: cannot write: {e}; nothing was changed", temp(name).display()));
        }
    }
    for (i, name) in changed.keys().enumerate() {
        if let Err(e) = fs::rename(temp(name), data.join(name)) {
            let done: Vec<&String> = changed.keys().take(i).collect();
            let restored = done.iter().all(|n| {
                let old = originals.get(n.as_str()).map_or("", String::as_str);
                fs::write(temp(n), old).and_then(|_| fs::rename(temp(n), data.join(n))).is_ok()
            });
            clean();
            let state = if restored { "nothing was changed" } else { "data/ may be half-written: restore it with git" };
            return Err(format!("{}: cannot replace: {e}; {state}", data.join(name).display()));
        }
    }
    Ok(())
}

/// "added 3 values to AIR-02 (2025, 2025 (1—6月), 2024 for 620100 兰州市) …",
/// the new series and sources and the files written.
fn summary(file: &str, data: &Path, ds: &Dataset, rows: &Rows, files: &Files) -> String {
    let (values, sources) = (&rows.values, &rows.sources);
    let mut by_indicator: BTreeMap<&IndicatorId, Vec<String>> = BTreeMap::new();
    let mut new_series: Vec<String> = Vec::new();
    for v in values {
        let label = v.value.period.label().map(|l| format!(" ({})", l.zh)).unwrap_or_default();
        let place = v.series.as_ref().map(|s| format!(" for {}", series_name(s))).unwrap_or_default();
        by_indicator.entry(&v.indicator).or_default().push(format!("{}{label}{place}", v.value.year));
        let exists =
            |s: &PlaceSeries| ds.indicators.iter().any(|i| i.id == v.indicator && i.series(&s.key()).is_some());
        if let Some(s) = v.series.as_ref().filter(|s| !exists(s)) {
            let name = format!("{} {}", v.indicator, series_name(s));
            if !new_series.contains(&name) {
                new_series.push(name);
            }
        }
    }
    let added: Vec<String> = by_indicator.iter().map(|(id, years)| format!("{id} ({})", years.join(", "))).collect();
    let mut out = format!("{file}: added {} value(s) to {}", values.len(), added.join(", "));
    if !new_series.is_empty() {
        out.push_str(&format!("; new series: {}", new_series.join(", ")));
    }
    if !sources.is_empty() {
        let keys: Vec<&str> = sources.iter().map(|s| s.key.as_str()).collect();
        out.push_str(&format!("; new source(s): {}", keys.join(", ")));
    }
    let written: Vec<String> = files.changed().keys().map(|n| data.join(n).display().to_string()).collect();
    out.push_str(&format!("\nwrote {} (release {} in data/release.json)", written.join(", "), ds.release.release));
    let relaid: Vec<String> = files.relaid().iter().map(|n| data.join(n).display().to_string()).collect();
    if !relaid.is_empty() {
        out.push_str(&format!(
            "\nnote: {} had lines laid out by hand otherwise; they now follow the standard layout (see `git diff`)",
            relaid.join(", ")
        ));
    }
    out
}

#[cfg(test)]
#[path = "import_tests.rs"]
mod tests;
