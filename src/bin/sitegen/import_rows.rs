//! The rows of an import spreadsheet, each checked against the dataset and
//! turned into a value to add (and, when it introduces one, a source for the
//! registry: `import_sources`). Every problem is kept with its line and column;
//! a row with any problem adds nothing.
//!
//! A row with a `place` (one of the 14 cities and prefectures) is a city's
//! figure: it goes into the indicator's series for that place and `scope`
//! (`Indicator::breakdown`), takes no `basis`, and may name a new scope with its
//! labels (`scope_zh`, `scope_en`). An empty `place`, or 620000, is the province.

use super::csv_read::Record;
use super::import_columns::{letter, Header, Problem, PUBLIC_COLUMNS};
use super::import_sources::NewSource;
use super::package_codes::schema_values;
use gansu_eco_dashboard::model::dataset::Dataset;
use gansu_eco_dashboard::model::place::{self, Place, PROVINCE};
use gansu_eco_dashboard::model::validate::{curator_word, is_valid_key, FIRST_YEAR};
use gansu_eco_dashboard::model::{
    Area, Basis, BasisId, Bound, Indicator, IndicatorId, Observation, Period, PlaceSeries, Text,
};
use schemars::JsonSchema;
use serde::de::DeserializeOwned;
use std::collections::BTreeMap;

/// What a row adds to an indicator.
#[derive(Clone, Debug)]
pub struct NewValue {
    pub line: usize,
    pub row: usize,
    pub indicator: IndicatorId,
    pub area: Area,
    pub value: Observation,
    /// The city series the value goes into (its place and scope; no values),
    /// `None` for the province's own `values`.
    pub series: Option<PlaceSeries>,
}

/// The rows of a file, checked.
#[derive(Default)]
pub struct Rows {
    pub values: Vec<NewValue>,
    pub sources: Vec<NewSource>,
    pub problems: Vec<Problem>,
}

/// What rows are checked against: the dataset as it is, and the `as_of` date of
/// each area file (no value can be for a later year).
pub struct Context<'a> {
    pub ds: &'a Dataset,
    pub as_of: BTreeMap<Area, String>,
}

/// A row's identity: a second row (or value) with the same one is a duplicate.
/// The series key (`PlaceSeries::key`) is `None` for the province's values.
type RowKey = (IndicatorId, Option<String>, i32, Option<BasisId>, Period);

/// What earlier rows introduced.
#[derive(Default)]
pub(super) struct Seen {
    rows: Vec<(RowKey, usize)>,
    /// New source keys: the line that adds each, and its source cells.
    pub(super) sources: BTreeMap<String, (usize, Vec<String>)>,
    /// New scopes, by indicator, place code and scope id: the line that adds
    /// each, and its label.
    scopes: BTreeMap<(IndicatorId, String, String), (usize, Text)>,
}

/// Checks every row after the header; blank rows are skipped.
pub fn read(records: &[Record], header: &Header, ctx: &Context) -> Rows {
    let mut out = Rows::default();
    let mut seen = Seen::default();
    for rec in records.iter().filter(|r| r.cells.iter().any(|c| !c.trim().is_empty())) {
        let mut row = Row { rec, header, problems: Vec::new() };
        let (value, source) = row.check(ctx, &mut seen);
        if row.problems.is_empty() {
            out.values.extend(value);
            out.sources.extend(source);
        }
        out.problems.extend(row.problems);
    }
    out
}

/// One row being checked, with its problems.
pub(super) struct Row<'r> {
    pub(super) rec: &'r Record,
    header: &'r Header,
    problems: Vec<Problem>,
}

impl<'r> Row<'r> {
    /// The trimmed cell of `column`.
    pub(super) fn cell(&self, column: &str) -> &'r str {
        self.header.cell(self.rec, column)
    }

    /// Records a problem in `column`.
    pub(super) fn bad(&mut self, column: &'static str, message: impl Into<String>) {
        let (line, row) = (self.rec.line, self.rec.row);
        self.problems.push(Problem { line, row, column: Some(column), message: message.into() });
    }

    fn check(&mut self, ctx: &Context, seen: &mut Seen) -> (Option<NewValue>, Option<NewSource>) {
        for (i, cell) in self.rec.cells.iter().enumerate() {
            if self.header.column_at(i).is_none() && !cell.trim().is_empty() {
                let message = format!("column {}: \"{}\" is outside the template's columns", letter(i), cell.trim());
                self.problems.push(Problem { line: self.rec.line, row: self.rec.row, column: None, message });
            }
        }
        for column in PUBLIC_COLUMNS {
            if let Some(w) = curator_word(self.cell(column)) {
                self.bad(column, format!("\"{w}\" is a curators' word: public text cannot hold it (a remark for maintainers goes into `curator_note` in data/ by hand)"));
            }
        }
        let ind = self.indicator(ctx.ds);
        let year = self.year(ind, ctx);
        let value = self.value();
        let bound = self.vocab::<Bound>("bound");
        if bound.is_some() && value.is_none() {
            self.bad("bound", "a bound needs a value");
        }
        let period = self.period();
        let series = self.series(ind, seen);
        let basis = match &series {
            Some(Some(_)) => self.no_basis(),
            _ => self.basis(ind),
        };
        let text = self.text("text_zh", "text_en");
        let no_text = self.cell("text_zh").is_empty() && self.cell("text_en").is_empty();
        if value.is_none() && self.cell("value").is_empty() && no_text {
            self.bad("value", "empty: give the figure, or leave it empty and state it in words in text_zh and text_en");
        }
        let note = self.text("note_zh", "note_en");
        let (key, source) = self.source(ctx.ds, seen);
        let (Some(ind), Some(year), Some(period), Some(series), Some(basis), Some(key)) =
            (ind, year, period, series, basis, key)
        else {
            return (None, None);
        };
        let file = format!("data/{}.json", ind.area.slug());
        let row_key = match &series {
            None => {
                let headline = ind.headline_basis.as_ref();
                let on = basis.clone().or(headline.cloned());
                let same =
                    |o: &Observation| o.year == year && o.basis_or(headline) == on.as_ref() && o.period == period;
                if ind.values.iter().any(same) {
                    self.bad("year", format!("duplicate: {} already has a value for {year} on this basis and period in {file}; the import only adds values — change an existing one in the file itself", ind.id));
                }
                (ind.id.clone(), None, year, on, period.clone())
            }
            Some(s) => {
                let same = |o: &Observation| o.year == year && o.period == period;
                if ind.series(&s.key()).is_some_and(|existing| existing.values.iter().any(same)) {
                    self.bad("year", format!("duplicate: {} already has a value for {year} and this period in the series of {} in {file}; the import only adds values — change an existing one in the file itself", ind.id, series_name(s)));
                }
                (ind.id.clone(), Some(s.key()), year, None, period.clone())
            }
        };
        if let Some((_, line)) = seen.rows.iter().find(|(k, _)| *k == row_key) {
            let what = if series.is_some() { "place, scope" } else { "basis" };
            self.bad("year", format!("duplicate of line {line}: the same indicator, year, {what} and period"));
        }
        seen.rows.push((row_key, self.rec.line));
        let value = Observation {
            year,
            value,
            bound,
            period,
            basis,
            text,
            source: key,
            also: Vec::new(),
            alternative: None,
            note,
            curator_note: None,
            revised: None,
        };
        let (line, row) = (self.rec.line, self.rec.row);
        (Some(NewValue { line, row, indicator: ind.id.clone(), area: ind.area, value, series }), source)
    }

    fn indicator<'d>(&mut self, ds: &'d Dataset) -> Option<&'d Indicator> {
        let id = self.cell("indicator_id");
        if id.is_empty() {
            self.bad("indicator_id", "required: the indicator's id, e.g. AIR-02");
            return None;
        }
        let found = ds.indicators.iter().find(|i| i.id.as_str() == id);
        if found.is_none() {
            self.bad("indicator_id", format!("unknown indicator id \"{id}\": no indicator in data/ has it"));
        }
        found
    }

    fn year(&mut self, ind: Option<&Indicator>, ctx: &Context) -> Option<i32> {
        let cell = self.cell("year");
        if cell.is_empty() {
            self.bad("year", "required: the year the figure is for, e.g. 2025");
            return None;
        }
        let Some(year) = cell.parse::<i32>().ok().filter(|_| cell.bytes().all(|b| b.is_ascii_digit())) else {
            self.bad("year", format!("\"{cell}\" is not a year: write its four digits, e.g. 2025"));
            return None;
        };
        let (as_of, file) = match ind {
            Some(i) => (ctx.as_of.get(&i.area).cloned().unwrap_or_default(), format!("data/{}.json", i.area.slug())),
            None => (ctx.ds.release.as_of.clone(), "data/release.json".to_string()),
        };
        let last = as_of.get(..4).and_then(|y| y.parse().ok()).unwrap_or(FIRST_YEAR);
        if !(FIRST_YEAR..=last).contains(&year) {
            self.bad("year", format!("{year} is outside {FIRST_YEAR}…{last}: values go back to {FIRST_YEAR} and none can be for a year after the as_of date of {file} ({as_of})"));
            return None;
        }
        Some(year)
    }

    fn value(&mut self) -> Option<f64> {
        let cell = self.cell("value");
        if cell.is_empty() {
            return None;
        }
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let unsigned = cell.strip_prefix('-').unwrap_or(cell);
        let plain = match unsigned.split_once('.') {
            Some((whole, fraction)) => digits(whole) && digits(fraction),
            None => digits(unsigned),
        };
        match cell.parse::<f64>() {
            Ok(v) if plain => Some(v),
            _ => {
                self.bad("value", not_a_number(cell));
                None
            }
        }
    }

    /// A cell holding one name of a closed vocabulary, or empty.
    pub(super) fn vocab<T: JsonSchema + DeserializeOwned>(&mut self, column: &'static str) -> Option<T> {
        let cell = self.cell(column);
        if cell.is_empty() {
            return None;
        }
        let parsed = serde_json::from_value(serde_json::Value::String(cell.to_string())).ok();
        if parsed.is_none() {
            self.bad(column, format!("\"{cell}\" is not one of {}", names::<T>()));
        }
        parsed
    }

    fn period(&mut self) -> Option<Period> {
        let label = self.text("period_zh", "period_en");
        let kind = self.cell("period");
        if kind.is_empty() || kind == "full_year" {
            if label.is_some() {
                self.bad("period_zh", "a period label is for partial, point_in_time or multi_year: set `period`");
            }
            return Some(Period::FullYear);
        }
        let tagged = serde_json::json!({ "kind": kind, "label": label.clone().unwrap_or_default() });
        let Ok(period) = serde_json::from_value::<Period>(tagged) else {
            self.bad("period", format!("\"{kind}\" is not one of {} (empty means full_year)", names::<Period>()));
            return None;
        };
        if label.is_none() && self.cell("period_zh").is_empty() && self.cell("period_en").is_empty() {
            self.bad("period_zh", format!("required for `{kind}`: which part of the year, e.g. 1—11月 / Jan–Nov"));
            return None;
        }
        label.map(|_| period)
    }

    /// The basis, `Some(None)` for the headline one; `None` when it is wrong.
    fn basis(&mut self, ind: Option<&Indicator>) -> Option<Option<BasisId>> {
        let cell = self.cell("basis");
        let Some(ind) = ind.filter(|_| !cell.is_empty()) else { return Some(None) };
        let id = BasisId::from(cell);
        if ind.basis(&id).is_some() {
            return Some(Some(id));
        }
        let declared: Vec<&str> = ind.bases.iter().map(|b| b.id.as_str()).collect();
        let message = if declared.is_empty() {
            format!("wrong basis \"{cell}\": {} declares no bases, leave `basis` empty", ind.id)
        } else {
            format!(
                "wrong basis \"{cell}\": {} declares {} (empty means {})",
                ind.id,
                declared.join(", "),
                declared_headline(ind)
            )
        };
        self.bad("basis", message);
        None
    }

    /// A city's figure has no basis of its own: its series' scope says what it covers.
    fn no_basis(&mut self) -> Option<Option<BasisId>> {
        if self.cell("basis").is_empty() {
            return Some(None);
        }
        self.bad("basis", "a city's figure takes its scope from `scope`, not a basis: leave `basis` empty (with `scope` empty the figure is the city's as it reports itself)");
        None
    }

    /// The city series a row's figure goes into: `Some(None)` for the
    /// province's own values; `None` when a place or scope cell is wrong.
    fn series(&mut self, ind: Option<&Indicator>, seen: &mut Seen) -> Option<Option<PlaceSeries>> {
        let (code, scope) = (self.cell("place"), self.cell("scope"));
        if code.is_empty() || code == PROVINCE {
            let filled = ["scope", "scope_zh", "scope_en"].into_iter().find(|c| !self.cell(c).is_empty());
            if let Some(c) = filled {
                self.bad(c, "a scope is for a city's figure: set `place` to the city's code, or leave scope, scope_zh and scope_en empty (a province figure's coverage is its `basis`)");
                return None;
            }
            return Some(None);
        }
        let Some(place) = place::find(code) else {
            self.bad("place", unknown_place(code));
            return None;
        };
        if scope.is_empty() {
            if let Some(c) = ["scope_zh", "scope_en"].into_iter().find(|c| !self.cell(c).is_empty()) {
                self.bad(c, "a label is for a scope: set `scope` to its id, or leave scope_zh and scope_en empty");
                return None;
            }
            return ind.map(|_| Some(PlaceSeries { place: code.to_string(), scope: None, values: Vec::new() }));
        }
        if !is_valid_key(scope) {
            self.bad(
                "scope",
                format!("\"{scope}\" is not a scope id: lower-case letters, digits and -, e.g. lanzhou-urban"),
            );
            return None;
        }
        let ind = ind?;
        let existing = ind.series_of(code).find_map(|s| s.scope.as_ref().filter(|b| b.id.as_str() == scope));
        let new_key = (ind.id.clone(), code.to_string(), scope.to_string());
        let label = if let Some(b) = existing {
            let file = format!("data/{}.json", ind.area.slug());
            self.same_label(&b.label, &format!("the label of scope \"{scope}\" of {} in {file}", place_name(place)));
            b.label.clone()
        } else if let Some((line, label)) = seen.scopes.get(&new_key).cloned() {
            self.same_label(&label, &format!("line {line}, which adds scope \"{scope}\" of {}", place_name(place)));
            label
        } else if self.cell("scope_zh").is_empty() && self.cell("scope_en").is_empty() {
            self.bad("scope_zh", format!("required for a new scope: {} has no series of {} on scope \"{scope}\"; to start one, give the scope's label in scope_zh and scope_en, e.g. 市区 / urban area", ind.id, place_name(place)));
            return None;
        } else {
            let label = self.text("scope_zh", "scope_en")?;
            seen.scopes.insert(new_key, (self.rec.line, label.clone()));
            label
        };
        let scope = Basis { id: BasisId::from(scope), label, proxy: false, note: None };
        Some(Some(PlaceSeries { place: code.to_string(), scope: Some(scope), values: Vec::new() }))
    }

    /// scope_zh and scope_en each empty or the same as `label`, which is `what`.
    fn same_label(&mut self, label: &Text, what: &str) {
        for (column, known) in [("scope_zh", &label.zh), ("scope_en", &label.en)] {
            let cell = self.cell(column);
            if !cell.is_empty() && cell != known {
                self.bad(column, format!("differs from {what}, \"{known}\": leave it empty or repeat it exactly (a label is changed in the file itself)"));
            }
        }
    }

    /// A text in both languages, or none; one language alone is a problem.
    pub(super) fn text(&mut self, zh: &'static str, en: &'static str) -> Option<Text> {
        match (self.cell(zh), self.cell(en)) {
            ("", "") => None,
            ("", _) => {
                self.bad(zh, format!("empty while {en} is filled: every public text is in both languages"));
                None
            }
            (_, "") => {
                self.bad(en, format!("empty while {zh} is filled: every public text is in both languages"));
                None
            }
            (z, e) => Some(Text { zh: z.to_string(), en: e.to_string() }),
        }
    }
}

/// "620100 兰州市", "622900 临夏回族自治州".
fn place_name(p: &Place) -> String {
    format!("{} {}", p.code, p.zh)
}

/// A series for messages: "620100 兰州市", "620300 金昌市 (scope jinchang-urban)".
pub(super) fn series_name(s: &PlaceSeries) -> String {
    let place = place::find(&s.place).map_or_else(|| s.place.clone(), place_name);
    match &s.scope {
        Some(b) => format!("{place} (scope {})", b.id),
        None => place,
    }
}

/// Why a place cell is not one of the 14 codes, and what to write instead.
fn unknown_place(cell: &str) -> String {
    let named = |p: &&Place| {
        let lower = cell.to_lowercase();
        [p.zh, p.short_zh(), p.en, p.pinyin].iter().any(|n| n.to_lowercase() == lower)
    };
    let hint = match place::PLACES.iter().find(named) {
        Some(p) => format!("write its code, {}", place_name(p)),
        None => format!(
            "write the six-digit GB/T 2260 code of one of the 14 cities and prefectures, e.g. {} … {}; empty (or {PROVINCE}) means the province",
            place_name(&place::PLACES[0]),
            place_name(&place::PLACES[13])
        ),
    };
    format!("\"{cell}\" is not the code of a city or prefecture: {hint}")
}

/// The headline basis, for "empty means …".
fn declared_headline(ind: &Indicator) -> &str {
    ind.headline_basis.as_ref().map_or("the headline basis", |b| b.as_str())
}

/// The names of a vocabulary as the JSON files write them: "a, b or c".
pub(super) fn names<T: JsonSchema>() -> String {
    let names: Vec<String> = schema_values::<T>().into_iter().map(|(n, _)| n).collect();
    match names.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => names.join(""),
    }
}

/// Why a value cell is not a number, and what to write instead.
fn not_a_number(cell: &str) -> String {
    const QUALIFIERS: [&str; 16] =
        ["约", "近", "超过", "以上", "以下", "以内", "不低于", "不高于", "≥", "≤", ">", "<", "~", "≈", "about", "over"];
    let hint = if QUALIFIERS.iter().any(|q| cell.to_lowercase().contains(q)) {
        format!("write the figure alone and its qualifier in `bound` ({})", names::<Bound>())
    } else if !cell.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)) {
        "a figure nobody published is left out (delete the row); a statement in words goes in text_zh and text_en with `value` empty".to_string()
    } else if cell.chars().any(|c| ('０'..='９').contains(&c) || c == '．') {
        "write it with ASCII digits and a full stop, e.g. 95.9".to_string()
    } else if cell.chars().all(|c| c.is_ascii_digit() || c == ',' || c == '.' || c == '-') {
        "write it without thousands separators, e.g. 18400".to_string()
    } else {
        "write the figure alone, without unit or words, e.g. 95.9".to_string()
    };
    format!("\"{cell}\" is not a number: {hint}")
}
