//! The data as CSV for spreadsheets and scripts: one row per published figure
//! (baseline, yearly values, targets) and per government statement on a goal
//! set in words, with units, basis labels and the source in columns. UTF-8 with
//! a byte-order mark, so Excel opens Chinese correctly. Every row names its
//! place: the province (`620000`) for an indicator's own figures, targets and
//! statements, or a city or prefecture, with its scope, for a figure of the
//! indicator's `breakdown`, which carries no status.
//!
//! Columns are only ever added at the end, so a reader's script that counts
//! columns keeps working from one release to the next.

use super::place::{self, PlaceSeries};
use super::progress::{assess, Status};
use super::scorecard::{freshness, provisional, report};
use super::types::*;
use super::validate::date_year;
use std::collections::BTreeMap;

/// The status of an indicator in words: (key, Chinese, English). The words live
/// in `i18n` (`i18n::status_columns`); publishing passes them in, so the CSV
/// names a status exactly as the badges do and the model holds no wording.
pub type StatusWords = fn(Status) -> [&'static str; 3];

/// The byte-order mark Excel needs to read the file as UTF-8.
pub const BOM: &str = "\u{feff}";

pub const HEADER: [&str; 46] = [
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
    "provisional",
    "publication",
    "usual_day",
    "newest_year",
    "overdue_since",
    "report",
    "claim",
    "place",
    "place_zh",
    "place_en",
    "scope",
    "scope_zh",
    "scope_en",
];

/// The province's name in the place columns (Chinese, English).
pub const PROVINCE_NAME: [&str; 2] = ["甘肃省", "Gansu province"];

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
    /// On statement rows: what the statement says of the goal.
    claim: Option<Reported>,
    /// On a city's or prefecture's rows: its series; `None` on the province's.
    series: Option<&'a PlaceSeries>,
}

/// The columns that read the same on every province row of an indicator: its
/// status and whether it is provisional, when its figures appear, and, for a
/// goal set in words, what the government reports of it.
struct IndicatorCells {
    status: [&'static str; 3],
    provisional: bool,
    publication: Option<PublicationKind>,
    usual_day: Option<String>,
    newest_year: Option<i32>,
    overdue_since: Option<String>,
    report: Option<&'static str>,
}

impl IndicatorCells {
    /// The indicator's cells as of the release's date `as_of` (`YYYY-MM-DD`).
    fn of(ind: &Indicator, words: StatusWords, as_of: &str) -> IndicatorCells {
        let assessment = assess(ind);
        let fresh = freshness(ind, as_of);
        IndicatorCells {
            status: words(assessment.status),
            provisional: provisional(ind, &assessment, as_of).is_some(),
            publication: ind.publication.as_ref().map(|p| p.kind),
            usual_day: ind.publication.as_ref().and_then(|p| p.usual.clone()),
            newest_year: fresh.newest_year,
            overdue_since: fresh.overdue.map(|o| o.since),
            report: report(ind).map(|r| r.key()),
        }
    }

    /// The cells of a city's or prefecture's rows: all empty, as the plan's
    /// targets, and so the status and freshness, are the province's.
    fn none() -> IndicatorCells {
        IndicatorCells {
            status: ["", "", ""],
            provisional: false,
            publication: None,
            usual_day: None,
            newest_year: None,
            overdue_since: None,
            report: None,
        }
    }
}

fn row(ind: &Indicator, r: RowOf, sources: &BTreeMap<SourceKey, Source>, each: &IndicatorCells) -> String {
    let (period_kind, label) = match r.period {
        None | Some(Period::FullYear) => ("full_year", None),
        Some(Period::Partial { label }) => ("partial", Some(label)),
        Some(Period::PointInTime { label }) => ("point_in_time", Some(label)),
        Some(Period::MultiYear { label }) => ("multi_year", Some(label)),
    };
    // A city's figure is on its series' scope, not on one of the province's bases.
    let basis = if r.series.is_some() { None } else { r.basis.or(ind.headline_basis.as_ref()) };
    let basis_label = basis.and_then(|b| ind.basis(b)).map(|b| &b.label);
    let source = sources.get(r.source);
    let (code, [place_zh, place_en]) = match r.series {
        None => (place::PROVINCE, PROVINCE_NAME),
        Some(s) => (s.place.as_str(), place::find(&s.place).map_or(["", ""], |p| [p.zh, p.en])),
    };
    let scope = r.series.and_then(|s| s.scope.as_ref());
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
        each.status[0].to_string(),
        each.status[1].to_string(),
        each.status[2].to_string(),
        r.note.map(|n| n.zh.clone()).unwrap_or_default(),
        r.note.map(|n| n.en.clone()).unwrap_or_default(),
        source.map(|s| s.publisher.en.clone()).unwrap_or_default(),
        source.map(|s| s.title.en.clone()).unwrap_or_default(),
        if each.provisional { "true" } else { "" }.to_string(),
        each.publication.map(|k| json_name(&k)).unwrap_or_default(),
        each.usual_day.clone().unwrap_or_default(),
        each.newest_year.map(|y| y.to_string()).unwrap_or_default(),
        each.overdue_since.clone().unwrap_or_default(),
        each.report.unwrap_or_default().to_string(),
        r.claim.map(|c| json_name(&c)).unwrap_or_default(),
        code.to_string(),
        place_zh.to_string(),
        place_en.to_string(),
        scope.map(|s| s.id.to_string()).unwrap_or_default(),
        scope.map(|s| s.label.zh.clone()).unwrap_or_default(),
        scope.map(|s| s.label.en.clone()).unwrap_or_default(),
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
        claim: None,
        series: None,
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
        claim: None,
        series: None,
    }
}

/// A statement's year is the year it was published; the exact date is its
/// source's (`source_date`). Validated data always has a year (`validate`).
fn statement_row(s: &Statement) -> RowOf<'_> {
    RowOf {
        kind: "statement",
        year: date_year(&s.date).unwrap_or_default(),
        value: None,
        bound: None,
        target_kind: None,
        period: None,
        basis: None,
        alternative: None,
        text: Some(&s.quote),
        note: s.note.as_ref(),
        source: &s.source,
        claim: Some(s.reported),
        series: None,
    }
}

/// The rows of one indicator: the province's baseline, values in file order,
/// target, other targets and the government's statements, oldest first; then
/// each city's or prefecture's values, series by series as the data lists them
/// (`value` rows). Each of the province's rows carries the indicator's status,
/// the one its badge shows, and the other columns of `IndicatorCells`, as of the
/// release's date `as_of` (`YYYY-MM-DD`); a city's rows leave them empty.
pub fn rows(ind: &Indicator, sources: &BTreeMap<SourceKey, Source>, words: StatusWords, as_of: &str) -> Vec<String> {
    let each = IndicatorCells::of(ind, words, as_of);
    let none = IndicatorCells::none();
    let mut out = Vec::new();
    out.extend(ind.baseline.iter().map(|b| row(ind, observation_row("baseline", b), sources, &each)));
    out.extend(ind.values.iter().map(|o| row(ind, observation_row("value", o), sources, &each)));
    out.extend(ind.target.iter().map(|t| row(ind, target_row("target", t), sources, &each)));
    out.extend(ind.other_targets.iter().map(|t| row(ind, target_row("other_target", t), sources, &each)));
    out.extend(ind.evidence.iter().map(|s| row(ind, statement_row(s), sources, &each)));
    for series in &ind.breakdown {
        let place_row = |o| RowOf { series: Some(series), ..observation_row("value", o) };
        out.extend(series.values.iter().map(|o| row(ind, place_row(o), sources, &none)));
    }
    out
}

/// A whole CSV file for the given indicators, as of the release's date.
pub fn file<'a>(
    indicators: impl IntoIterator<Item = &'a Indicator>,
    sources: &BTreeMap<SourceKey, Source>,
    words: StatusWords,
    as_of: &str,
) -> String {
    let mut out = format!("{BOM}{}\r\n", HEADER.join(","));
    for ind in indicators {
        for r in rows(ind, sources, words, as_of) {
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

    /// A goal of at most 25 by 2025, with `values`, usually published on 5 June.
    fn level(values: &str) -> Indicator {
        let json = r#"{"id":"AIR-02","area":"air","role":"goal","name":{"zh":"PM2.5","en":"PM2.5"},
            "unit":"ug_m3","direction":"lower_better",
            "target":{"kind":"at_most","value":25,"year":2025,"wording":{"zh":"w","en":"w"},"origin":"plan","source":"s"},
            "baseline":{"year":2020,"value":28,"source":"s"},
            "publication":{"kind":"provincial_bulletin","usual":"06-05"},
            "values":[VALUES]}"#;
        serde_json::from_str(&json.replace("VALUES", values)).expect("fixture parses")
    }

    /// A goal set in words, with the given `evidence` (a JSON array).
    fn in_words(evidence: &str) -> Indicator {
        let json = r#"{"id":"ECO-09","area":"ecology","role":"goal","name":{"zh":"n","en":"n"},"unit":"none",
            "direction":"higher_better",
            "target":{"kind":"qualitative","year":2025,"wording":{"zh":"w","en":"w"},"origin":"plan","source":"s"},
            "evidence":EVIDENCE}"#;
        serde_json::from_str(&json.replace("EVIDENCE", evidence)).expect("fixture parses")
    }

    fn sources() -> BTreeMap<SourceKey, Source> {
        let source = |date: &str| Source {
            publisher: Text { zh: "省政府".into(), en: "Provincial government".into() },
            title: Text { zh: "报告".into(), en: "Report".into() },
            date: Some(date.into()),
            url: None,
            tier: Tier::OfficialDocument,
            reprinted_by: None,
            unsafe_site: false,
            note: None,
            curator_note: None,
        };
        BTreeMap::from([("s".into(), source("2021-12")), ("r23".into(), source("2023-06-30"))])
    }

    /// Each row as column name → cell (the fixtures hold no comma or quote).
    fn table(ind: &Indicator, as_of: &str) -> Vec<BTreeMap<&'static str, String>> {
        rows(ind, &sources(), |s| [s.key(), "", ""], as_of)
            .iter()
            .map(|r| {
                let cells: Vec<&str> = r.split(',').collect();
                assert_eq!(cells.len(), HEADER.len(), "{r}");
                HEADER.into_iter().zip(cells.into_iter().map(str::to_string)).collect()
            })
            .collect()
    }

    /// One column of every row.
    fn column(ind: &Indicator, as_of: &str, name: &str) -> Vec<String> {
        table(ind, as_of).into_iter().map(|r| r[name].clone()).collect()
    }

    #[test]
    fn a_status_resting_on_an_earlier_year_is_provisional_on_every_row() {
        let ind = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        assert_eq!(column(&ind, "2026-12-04", "provisional"), ["true"; 3]);
        assert_eq!(column(&ind, "2025-12-31", "provisional"), ["", "", ""], "the target year is not over");
        let final_word = level(r#"{"year":2025,"value":26,"source":"s"}"#);
        assert_eq!(column(&final_word, "2026-12-04", "status"), ["missed"; 3]);
        assert_eq!(column(&final_word, "2026-12-04", "provisional"), ["", "", ""], "missed on 2025's figure: final");
    }

    #[test]
    fn freshness_columns_say_when_the_next_figure_was_due() {
        let ind = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        let row = &table(&ind, "2026-12-04")[0];
        let cells = ["publication", "usual_day", "newest_year", "overdue_since"].map(|c| row[c].as_str());
        assert_eq!(cells, ["provincial_bulletin", "06-05", "2024", "2026-06-05"]);
        assert_eq!(column(&ind, "2026-06-04", "overdue_since"), ["", "", ""], "not due yet");
        let mut unknown = ind.clone();
        unknown.publication = None;
        let row = &table(&unknown, "2026-12-04")[0];
        let cells = ["publication", "usual_day", "newest_year", "overdue_since"].map(|c| row[c].as_str());
        assert_eq!(cells, ["", "", "2024", ""], "no usual day, nothing is overdue");
    }

    #[test]
    fn a_goal_in_words_carries_its_report_and_one_row_per_statement() {
        let ind = in_words(
            r#"[{"date":"2023-06-30","reported":"in_progress","quote":{"zh":"正在推进","en":"under way"},
                 "source":"r23","note":{"zh":"只说了一部分","en":"covers part"}},
                {"date":"2025","reported":"done","quote":{"zh":"已完成","en":"done"},"source":"s"}]"#,
        );
        let table = table(&ind, "2026-12-04");
        let kinds: Vec<&str> = table.iter().map(|r| r["row"].as_str()).collect();
        assert_eq!(kinds, ["target", "statement", "statement"], "statements after the target, oldest first");
        assert!(table.iter().all(|r| r["report"] == "reported-done"), "the newest statement's word, on every row");
        let first = &table[1];
        let cells = ["year", "text_zh", "text_en", "note_en", "source", "source_date", "claim", "value", "status"]
            .map(|c| first[c].as_str());
        assert_eq!(
            cells,
            ["2023", "正在推进", "under way", "covers part", "r23", "2023-06-30", "in_progress", "", "not-assessable"]
        );
        assert_eq!((table[2]["year"].as_str(), table[2]["claim"].as_str()), ("2025", "done"));
        assert_eq!(table[0]["claim"], "", "only statement rows make a claim");

        let silent = in_words("[]");
        assert_eq!(column(&silent, "2026-12-04", "report"), ["no-report"]);
        let figure = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        assert_eq!(column(&figure, "2026-12-04", "report"), ["", "", ""], "a goal with a figure has no report");
    }

    #[test]
    fn a_file_has_the_header_then_every_indicators_rows() {
        let inds = [level(r#"{"year":2024,"value":24,"source":"s"}"#), in_words("[]")];
        let text = file(&inds, &sources(), |s| [s.key(), "", ""], "2026-12-04");
        let lines: Vec<&str> = text.split("\r\n").collect();
        assert_eq!(lines[0], format!("{BOM}{}", HEADER.join(",")));
        assert_eq!(lines.len(), 1 + 3 + 1 + 1, "header, three rows, one row, and the final line break");
        assert_eq!(
            HEADER[33..],
            [
                "provisional",
                "publication",
                "usual_day",
                "newest_year",
                "overdue_since",
                "report",
                "claim",
                "place",
                "place_zh",
                "place_en",
                "scope",
                "scope_zh",
                "scope_en"
            ],
            "columns are only ever added at the end"
        );
    }

    /// `level` on the bulletin basis (of two), with Lanzhou's figures and a
    /// Linxia series on a narrower scope.
    fn with_places() -> Indicator {
        let mut ind = level(r#"{"year":2024,"value":24,"source":"s"}"#);
        let json = r#"[{"place":"620100","values":[{"year":2021,"value":32,"source":"r23"},
                {"year":2022,"value":33,"source":"r23","note":{"zh":"市区","en":"urban area"}}]},
            {"place":"622900","scope":{"id":"linxia-city-stations","label":{"zh":"临夏市国控点","en":"Linxia city stations"}},
             "values":[{"year":2023,"value":18,"period":{"kind":"partial","label":{"zh":"1—9月","en":"Jan–Sep"}},"source":"s"}]}]"#;
        ind.breakdown = serde_json::from_str(json).expect("breakdown parses");
        let bases = r#"[{"id":"bulletin","label":{"zh":"公报口径","en":"Bulletin"}},
            {"id":"excl-dust","label":{"zh":"扣除沙尘","en":"Dust removed"}}]"#;
        ind.bases = serde_json::from_str(bases).expect("bases parse");
        ind.headline_basis = Some("bulletin".into());
        ind
    }

    #[test]
    fn the_provinces_rows_come_first_and_carry_its_code() {
        let table = table(&with_places(), "2026-12-04");
        let kinds: Vec<&str> = table.iter().map(|r| r["row"].as_str()).collect();
        assert_eq!(kinds, ["baseline", "value", "target", "value", "value", "value"], "a city's figures come last");
        for r in &table[..3] {
            let cells = ["place", "place_zh", "place_en", "scope", "scope_zh", "scope_en"].map(|c| r[c].as_str());
            assert_eq!(cells, ["620000", "甘肃省", "Gansu province", "", "", ""], "{}", r["row"]);
            assert_eq!(r["basis"], "bulletin", "the province's figures keep their basis");
        }
        let statements =
            in_words(r#"[{"date":"2025","reported":"done","quote":{"zh":"已完成","en":"done"},"source":"s"}]"#);
        assert_eq!(column(&statements, "2026-12-04", "place"), ["620000", "620000"], "targets and statements");
    }

    #[test]
    fn a_citys_row_carries_its_code_names_and_scope() {
        let table = table(&with_places(), "2026-12-04");
        let lanzhou = &table[3];
        let cells = ["place", "place_zh", "place_en", "scope", "scope_zh", "scope_en", "year", "value", "source"]
            .map(|c| lanzhou[c].as_str());
        assert_eq!(cells, ["620100", "兰州市", "Lanzhou", "", "", "", "2021", "32", "r23"]);
        assert_eq!((table[4]["year"].as_str(), table[4]["note_en"].as_str()), ("2022", "urban area"));
        let linxia = &table[5];
        let cells = ["place", "place_zh", "place_en", "scope", "scope_zh", "scope_en", "period", "period_zh"]
            .map(|c| linxia[c].as_str());
        assert_eq!(
            cells,
            [
                "622900",
                "临夏回族自治州",
                "Linxia",
                "linxia-city-stations",
                "临夏市国控点",
                "Linxia city stations",
                "partial",
                "1—9月"
            ]
        );
        for r in &table[3..] {
            let basis = ["basis", "basis_zh", "basis_en"].map(|c| r[c].as_str());
            assert_eq!(basis, ["", "", ""], "a city's figure is on its scope, not on the province's basis");
        }
    }

    #[test]
    fn a_citys_rows_have_no_status() {
        let table = table(&with_places(), "2026-12-04");
        let each = [
            "status",
            "status_zh",
            "status_en",
            "provisional",
            "publication",
            "usual_day",
            "newest_year",
            "overdue_since",
            "report",
            "claim",
        ];
        let province = each.map(|c| table[0][c].as_str());
        assert_eq!(province[..8], ["achieved", "", "", "true", "provincial_bulletin", "06-05", "2024", "2026-06-05"]);
        for r in &table[3..] {
            assert_eq!(each.map(|c| r[c].as_str()), [""; 10], "{} {}", r["place"], r["year"]);
        }
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
