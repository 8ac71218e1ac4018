//! The data as CSV for spreadsheets and scripts: one row per published figure
//! (baseline, yearly values, targets), with units, basis labels and the source
//! in columns. UTF-8 with a byte-order mark, so Excel opens Chinese correctly.

use super::progress::{assess, Status};
use super::types::*;
use std::collections::BTreeMap;

/// The status of an indicator in words: (key, Chinese, English). The words live
/// in `i18n` (`i18n::status_columns`); publishing passes them in, so the CSV
/// names a status exactly as the badges do and the model holds no wording.
pub type StatusWords = fn(Status) -> [&'static str; 3];

/// The byte-order mark Excel needs to read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

pub const HEADER: [&str; 33] = [
    "id",
    "area",
    "name_zh",
    "name_en",
    "unit",
    "row",
    "year",
    "value",
    "bound",
    "target_kind",
    "period",
    "period_zh",
    "period_en",
    "basis",
    "basis_zh",
    "basis_en",
    "alternative_zh",
    "alternative_en",
    "text_zh",
    "text_en",
    "source",
    "source_publisher_zh",
    "source_title_zh",
    "source_date",
    "source_url",
    "source_tier",
    "status",
    "status_zh",
    "status_en",
    "note_zh",
    "note_en",
    "source_publisher_en",
    "source_title_en",
];

/// Quotes a field when it holds a separator, quote or line break (RFC 4180).
fn field(s: &str) -> String {
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s.to_string()
    }
}

fn json_name<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v).ok().and_then(|j| j.as_str().map(str::to_string)).unwrap_or_default()
}

/// Numbers as written in the JSON: 25.7, 18400.
pub fn number(v: f64) -> String {
    let s = serde_json::to_string(&v).unwrap_or_default();
    s.strip_suffix(".0").unwrap_or(&s).to_string()
}

struct RowOf<'a> {
    kind: &'a str,
    year: i32,
    value: Option<f64>,
    bound: Option<Bound>,
    target_kind: Option<TargetKind>,
    period: Option<&'a Period>,
    basis: Option<&'a BasisId>,
    alternative: Option<&'a Text>,
    text: Option<&'a Text>,
    note: Option<&'a Text>,
    source: &'a SourceKey,
}

fn row(ind: &Indicator, r: RowOf, sources: &BTreeMap<SourceKey, Source>, status: [&str; 3]) -> String {
    let (period_kind, label) = match r.period {
        None | Some(Period::FullYear) => ("full_year", None),
        Some(Period::Partial { label }) => ("partial", Some(label)),
        Some(Period::PointInTime { label }) => ("point_in_time", Some(label)),
        Some(Period::MultiYear { label }) => ("multi_year", Some(label)),
    };
    let basis = r.basis.or(ind.headline_basis.as_ref());
    let basis_label = basis.and_then(|b| ind.basis(b)).map(|b| &b.label);
    let source = sources.get(r.source);
    let cells: Vec<String> = vec![
        ind.id.to_string(),
        json_name(&ind.area),
        ind.name.zh.clone(),
        ind.name.en.clone(),
        json_name(&ind.unit),
        r.kind.to_string(),
        r.year.to_string(),
        r.value.map(number).unwrap_or_default(),
        r.bound.map(|b| json_name(&b)).unwrap_or_default(),
        r.target_kind.map(|k| json_name(&k)).unwrap_or_default(),
        period_kind.to_string(),
        label.map(|l| l.zh.clone()).unwrap_or_default(),
        label.map(|l| l.en.clone()).unwrap_or_default(),
        basis.map(|b| b.to_string()).unwrap_or_default(),
        basis_label.map(|l| l.zh.clone()).unwrap_or_default(),
        basis_label.map(|l| l.en.clone()).unwrap_or_default(),
        r.alternative.map(|a| a.zh.clone()).unwrap_or_default(),
        r.alternative.map(|a| a.en.clone()).unwrap_or_default(),
        r.text.map(|t| t.zh.clone()).unwrap_or_default(),
        r.text.map(|t| t.en.clone()).unwrap_or_default(),
        r.source.to_string(),
        source.map(|s| s.publisher.zh.clone()).unwrap_or_default(),
        source.map(|s| s.title.zh.clone()).unwrap_or_default(),
        source.and_then(|s| s.date.clone()).unwrap_or_default(),
        source.and_then(|s| s.url.clone()).unwrap_or_default(),
        source.map(|s| json_name(&s.tier)).unwrap_or_default(),
        status[0].to_string(),
        status[1].to_string(),
        status[2].to_string(),
        r.note.map(|n| n.zh.clone()).unwrap_or_default(),
        r.note.map(|n| n.en.clone()).unwrap_or_default(),
        source.map(|s| s.publisher.en.clone()).unwrap_or_default(),
        source.map(|s| s.title.en.clone()).unwrap_or_default(),
    ];
    cells.iter().map(|c| field(c)).collect::<Vec<_>>().join(",")
}

fn observation_row<'a>(kind: &'a str, o: &'a Observation) -> RowOf<'a> {
    RowOf {
        kind,
        year: o.year,
        value: o.value,
        bound: o.bound,
        target_kind: None,
        period: Some(&o.period),
        basis: o.basis.as_ref(),
        alternative: o.alternative.as_ref(),
        text: o.text.as_ref(),
        note: o.note.as_ref(),
        source: &o.source,
    }
}

fn target_row<'a>(kind: &'a str, t: &'a Target) -> RowOf<'a> {
    RowOf {
        kind,
        year: t.year,
        value: t.value,
        bound: None,
        target_kind: Some(t.kind),
        period: None,
        basis: t.basis.as_ref(),
        alternative: None,
        text: Some(&t.wording),
        note: t.note.as_ref(),
        source: &t.source,
    }
}

/// The rows of one indicator: baseline, values in file order, target, other
/// targets. Each row carries the indicator's status, the one its badge shows.
pub fn rows(ind: &Indicator, sources: &BTreeMap<SourceKey, Source>, words: StatusWords) -> Vec<String> {
    let status = words(assess(ind).status);
    let mut out = Vec::new();
    out.extend(ind.baseline.iter().map(|b| row(ind, observation_row("baseline", b), sources, status)));
    out.extend(ind.values.iter().map(|o| row(ind, observation_row("value", o), sources, status)));
    out.extend(ind.target.iter().map(|t| row(ind, target_row("target", t), sources, status)));
    out.extend(ind.other_targets.iter().map(|t| row(ind, target_row("other_target", t), sources, status)));
    out
}

/// A whole CSV file for the given indicators.
pub fn file<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator>,
    sources: &BTreeMap<SourceKey, Source>,
    words: StatusWords,
) -> String {
    let mut out = format!("{BOM}{}\r\n", HEADER.join(","));
    for ind in indicators {
        for r in rows(ind, sources, words) {
            out.push_str(&r);
            out.push_str("\r\n");
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_with_separators_are_quoted() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }

    #[test]
    fn numbers_are_written_as_in_json() {
        assert_eq!(number(25.0), "25");
        assert_eq!(number(25.7), "25.7");
        assert_eq!(number(6285.47), "6285.47");
        assert_eq!(number(-0.2), "-0.2");
        assert_eq!(number(250.0), "250");
    }
}
