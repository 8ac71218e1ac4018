//! The rules a data file must satisfy, and the one error type that reports a
//! broken rule with its location: file, indicator id, field and what was wrong.
//!
//! The same rules run in the browser when a file is loaded and natively over every
//! file in `public/data/` in the test suite. Rules collect every problem instead of
//! stopping at the first, so an editor sees the whole list at once.

use super::types::*;
use std::collections::{BTreeMap, HashSet};
use std::fmt;

/// Years a published value may refer to. Earlier figures (13th-plan results) are
/// context; nothing after the as-of date can have been observed.
pub const FIRST_YEAR: i32 = 2010;
/// Earliest year a target may be set for: the 13th five-year plan's targets
/// (for 2016–2020) are the oldest the data quotes.
pub const FIRST_TARGET_YEAR: i32 = 2016;
/// Latest year a target may be set for (the carbon-peaking plan looks to 2030).
pub const LAST_TARGET_YEAR: i32 = 2035;
/// No figure in this plan comes near this size; a larger one is a typo.
pub const MAX_MAGNITUDE: f64 = 1e9;

/// Words of the curators' working notes. They belong in a `curator_note`, which
/// is never published; a public field that holds one is an error. Matched
/// without regard to case.
pub const CURATOR_WORDS: [&str; 12] = [
    "研究记录",
    "正文未读取",
    "未读取",
    "原文未取得",
    "research note",
    "spam",
    "inject",
    "not retrieved",
    "as labelled",
    "aggregator",
    "not confirmed as",
    "not the gscn",
];

/// The first curators' word found in a public text, if any.
pub fn curator_word(text: &str) -> Option<&'static str> {
    let lower = text.to_lowercase();
    CURATOR_WORDS.into_iter().find(|w| lower.contains(w))
}

/// A located problem in a data file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DataError {
    pub file: String,
    /// The indicator (or source key) the problem belongs to, when there is one.
    pub item: Option<String>,
    /// Dotted path of the field, e.g. `target.value` or `values[2].source`.
    pub field: String,
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if let Some(item) = &self.item {
            write!(f, ": {item}")?;
        }
        if !self.field.is_empty() {
            write!(f, ", field `{}`", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Collects errors for one file, each tagged with the file name.
pub(crate) struct Report<'a> {
    pub file: &'a str,
    pub errors: Vec<DataError>,
}

impl<'a> Report<'a> {
    pub fn new(file: &'a str) -> Self {
        Report { file, errors: Vec::new() }
    }

    pub fn push(&mut self, item: Option<&str>, field: impl Into<String>, message: impl Into<String>) {
        self.errors.push(DataError {
            file: self.file.to_string(),
            item: item.map(str::to_string),
            field: field.into(),
            message: message.into(),
        });
    }
}

/// Checks a date written as `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
pub fn is_valid_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let num = |p: &str, len: usize| p.len() == len && p.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => num(y, 4),
        [y, m] => num(y, 4) && num(m, 2) && (1..=12).contains(&m.parse::<u32>().unwrap_or(0)),
        [y, m, d] => {
            num(y, 4)
                && num(m, 2)
                && num(d, 2)
                && (1..=12).contains(&m.parse::<u32>().unwrap_or(0))
                && (1..=31).contains(&d.parse::<u32>().unwrap_or(0))
        }
        _ => false,
    }
}

/// The year of a valid date string.
pub fn date_year(s: &str) -> Option<i32> {
    s.get(..4)?.parse().ok()
}

/// Ids look like `AIR-02` or `CITY-AIR-01`: upper-case words, then a number.
pub fn is_valid_id(id: &str) -> bool {
    let mut parts: Vec<&str> = id.split('-').collect();
    let Some(num) = parts.pop() else { return false };
    !parts.is_empty()
        && num.len() == 2
        && num.bytes().all(|b| b.is_ascii_digit())
        && parts.iter().all(|p| !p.is_empty() && p.bytes().all(|b| b.is_ascii_uppercase()))
}

/// Source keys and basis ids: lower-case words joined by `-`.
pub fn is_valid_key(key: &str) -> bool {
    !key.is_empty()
        && key.len() <= 64
        && !key.starts_with('-')
        && !key.ends_with('-')
        && key.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// What the rules can check against.
pub struct Context<'a> {
    /// The year of the file's as-of date: no value can be observed after it.
    pub as_of_year: i32,
    /// The source registry, when the file carries or is checked against one.
    pub sources: Option<&'a BTreeMap<SourceKey, Source>>,
}

/// Checks one indicator, adding each problem it finds to `report`.
pub(crate) fn check_indicator(ind: &Indicator, ctx: &Context, report: &mut Report) {
    let item = format!("indicator {}", ind.id);
    let item = Some(item.as_str());
    let mut err = |field: &str, msg: String| report.push(item, field, msg);

    if !is_valid_id(ind.id.as_str()) {
        err("id", format!("\"{}\" is not an id like AIR-02", ind.id));
    }
    check_text(&ind.name, "name", &mut err);

    // Bases: declared once, the headline one among them, every value on a declared one.
    let mut declared = HashSet::new();
    for (i, b) in ind.bases.iter().enumerate() {
        if !is_valid_key(b.id.as_str()) {
            err(&format!("bases[{i}].id"), format!("\"{}\" is not a lower-case key", b.id));
        }
        if !declared.insert(&b.id) {
            err(&format!("bases[{i}].id"), format!("basis \"{}\" is declared twice", b.id));
        }
        check_text(&b.label, &format!("bases[{i}].label"), &mut err);
        if let Some(n) = &b.note {
            check_text(n, &format!("bases[{i}].note"), &mut err);
        }
    }
    match (&ind.headline_basis, ind.bases.is_empty()) {
        (Some(h), false) if !declared.contains(h) => {
            err("headline_basis", format!("basis \"{h}\" is not declared in `bases`"))
        }
        (Some(_), true) => err("headline_basis", "set, but `bases` is empty".into()),
        (None, false) => {
            err("headline_basis", "required when `bases` are declared: say which basis the chart uses".into())
        }
        _ => {}
    }

    // Goals have a target; context figures do not.
    match (ind.role, &ind.target) {
        (Role::Goal, None) => err("target", "a goal needs a target".into()),
        (Role::Context, Some(_)) => err("target", "a context figure has no target; make it a goal".into()),
        _ => {}
    }
    if let Some(t) = &ind.target {
        check_target(ind, t, "target", ctx, &declared, &mut err);
    }
    for (i, t) in ind.other_targets.iter().enumerate() {
        check_target(ind, t, &format!("other_targets[{i}]"), ctx, &declared, &mut err);
    }

    if let Some(b) = &ind.baseline {
        check_observation(ind, b, "baseline", ctx, &declared, &mut err);
        if let Some(t) = &ind.target {
            if b.year >= t.year {
                err("baseline.year", format!("baseline year {} is not before the target year {}", b.year, t.year));
            }
        }
    }
    for (i, o) in ind.values.iter().enumerate() {
        check_observation(ind, o, &format!("values[{i}]"), ctx, &declared, &mut err);
    }

    // One headline figure per year and basis: any other full-year figure for the
    // same year and basis must say why it is only an alternative.
    let headline = ind.headline_basis.as_ref();
    let mut seen = HashSet::new();
    for (i, o) in ind.values.iter().enumerate() {
        if o.is_headline_full_year() {
            let key = (o.year, o.basis_or(headline).cloned());
            if !seen.insert(key) {
                err(
                    &format!("values[{i}]"),
                    format!(
                        "a second full-year value for {} on the same basis: mark one with `alternative` and say why",
                        o.year
                    ),
                );
            }
        }
    }
    for (i, n) in ind.notes.iter().enumerate() {
        check_text(&n.text, &format!("notes[{i}].text"), &mut err);
    }
    if let Some(p) = &ind.publication {
        check_publication(p, &mut err);
    }
    check_evidence(ind, ctx, &mut err);
    // The embed build never reads `breakdown` (a city's embed reads the
    // series' own file), so its wasm carries no place rules.
    #[cfg(not(all(feature = "embed", target_arch = "wasm32")))]
    check_breakdown(ind, ctx, &mut err);
    if let Some(s) = &ind.standard {
        check_number(ind, s.value, "standard.value", &mut err);
        check_text(&s.label, "standard.label", &mut err);
        check_source(&s.source, "standard.source", ctx, &mut err);
    }
}

#[cfg(not(all(feature = "embed", target_arch = "wasm32")))]
/// Each city's series: a known place, one series per place and scope, values
/// without a basis of their own, one headline figure per year.
fn check_breakdown(ind: &Indicator, ctx: &Context, err: &mut impl FnMut(&str, String)) {
    let no_bases = HashSet::new();
    let mut keys = HashSet::new();
    for (i, series) in ind.breakdown.iter().enumerate() {
        let at = format!("breakdown[{i}]");
        if series.place == super::place::PROVINCE {
            err(&format!("{at}.place"), "the province's own figures belong in `values`, not in the breakdown".into());
        } else if super::place::find(&series.place).is_none() {
            err(
                &format!("{at}.place"),
                format!("\"{}\" is not the GB/T 2260 code of one of the 14 cities and prefectures (620100 Lanzhou … 623000 Gannan)", series.place),
            );
        }
        if let Some(scope) = &series.scope {
            if !is_valid_key(scope.id.as_str()) {
                err(&format!("{at}.scope.id"), format!("\"{}\" is not a lower-case key", scope.id));
            }
            check_text(&scope.label, &format!("{at}.scope.label"), err);
            if let Some(n) = &scope.note {
                check_text(n, &format!("{at}.scope.note"), err);
            }
        }
        if !keys.insert(series.key()) {
            err(
                &at,
                format!(
                    "a second series for {} on the same scope: a place's figures on one scope form one series",
                    series.key()
                ),
            );
        }
        let mut years = HashSet::new();
        for (j, o) in series.values.iter().enumerate() {
            let at = format!("{at}.values[{j}]");
            if let Some(b) = &o.basis {
                err(&format!("{at}.basis"), format!("\"{b}\": a city's figure takes its scope from its series; put figures on another scope in a series of their own"));
            } else {
                check_observation(ind, o, &at, ctx, &no_bases, err);
            }
            if o.is_headline_full_year() && !years.insert(o.year) {
                err(
                    &at,
                    format!(
                        "a second full-year value for {} in this series: mark one with `alternative` and say why",
                        o.year
                    ),
                );
            }
        }
    }
}

/// A regular publication names its usual day (`MM-DD`); an irregular one has none.
fn check_publication(p: &Publication, err: &mut impl FnMut(&str, String)) {
    match (p.kind, p.usual.as_deref()) {
        (PublicationKind::Irregular, Some(_)) => {
            err("publication.usual", "an irregular publication has no usual day: remove it".into())
        }
        (PublicationKind::Irregular, None) => {}
        (_, None) => err("publication.usual", "required: the usual day of publication, like \"06-05\"".into()),
        (_, Some(day)) if !is_valid_date(&format!("2024-{day}")) || day.len() != 5 => {
            err("publication.usual", format!("\"{day}\" is not a day like \"06-05\""))
        }
        _ => {}
    }
    if let Some(n) = &p.note {
        check_text(n, "publication.note", err);
    }
}

/// Statements are for goals set in words, dated, quoted and sourced, oldest first.
fn check_evidence(ind: &Indicator, ctx: &Context, err: &mut impl FnMut(&str, String)) {
    if !ind.evidence.is_empty() && !ind.is_set_in_words() {
        err(
            "evidence",
            "only a goal set in words is judged by statements; a figure's goal is judged by its values".into(),
        );
    }
    let mut previous: Option<&str> = None;
    for (i, st) in ind.evidence.iter().enumerate() {
        let at = format!("evidence[{i}]");
        match date_year(&st.date) {
            Some(y) if is_valid_date(&st.date) && y <= ctx.as_of_year => {}
            _ => err(
                &format!("{at}.date"),
                format!("\"{}\" is not a date (YYYY, YYYY-MM or YYYY-MM-DD) up to the as-of year", st.date),
            ),
        }
        if previous.is_some_and(|p| p > st.date.as_str()) {
            err(&format!("{at}.date"), "statements are listed oldest first".into());
        }
        previous = Some(&st.date);
        check_text(&st.quote, &format!("{at}.quote"), err);
        if let Some(n) = &st.note {
            check_text(n, &format!("{at}.note"), err);
        }
        check_source(&st.source, &format!("{at}.source"), ctx, err);
    }
}

fn check_text(t: &Text, field: &str, err: &mut impl FnMut(&str, String)) {
    for (lang, text) in [("zh", &t.zh), ("en", &t.en)] {
        if text.trim().is_empty() {
            err(&format!("{field}.{lang}"), "empty text".into());
        }
    }
}

/// Every text of an indicator the public sees, with its field path.
pub fn public_texts(ind: &Indicator) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &Text)> = vec![("name".into(), &ind.name)];
    for (i, b) in ind.bases.iter().enumerate() {
        out.push((format!("bases[{i}].label"), &b.label));
        out.extend(b.note.iter().map(|n| (format!("bases[{i}].note"), n)));
    }
    let targets = ind.target.iter().map(|t| ("target".to_string(), t));
    let others = ind.other_targets.iter().enumerate().map(|(i, t)| (format!("other_targets[{i}]"), t));
    for (at, t) in targets.chain(others) {
        out.push((format!("{at}.wording"), &t.wording));
        out.extend(t.note.iter().map(|n| (format!("{at}.note"), n)));
    }
    let baseline = ind.baseline.iter().map(|o| ("baseline".to_string(), o));
    let values = ind.values.iter().enumerate().map(|(i, o)| (format!("values[{i}]"), o));
    let series = ind.breakdown.iter().enumerate();
    let place_values = series
        .clone()
        .flat_map(|(i, s)| s.values.iter().enumerate().map(move |(j, o)| (format!("breakdown[{i}].values[{j}]"), o)));
    for (i, s) in series {
        if let Some(scope) = &s.scope {
            out.push((format!("breakdown[{i}].scope.label"), &scope.label));
            out.extend(scope.note.iter().map(|n| (format!("breakdown[{i}].scope.note"), n)));
        }
    }
    out.extend(ind.standard.iter().map(|s| ("standard.label".to_string(), &s.label)));
    for (at, o) in baseline.chain(values).chain(place_values) {
        for (name, t) in [("text", &o.text), ("note", &o.note), ("alternative", &o.alternative)] {
            out.extend(t.iter().map(|t| (format!("{at}.{name}"), t)));
        }
        if let Some(label) = o.period.label() {
            out.push((format!("{at}.period.label"), label));
        }
    }
    for (i, n) in ind.notes.iter().enumerate() {
        out.push((format!("notes[{i}].text"), &n.text));
    }
    out.extend(ind.publication.iter().flat_map(|p| &p.note).map(|n| ("publication.note".to_string(), n)));
    for (i, st) in ind.evidence.iter().enumerate() {
        out.push((format!("evidence[{i}].quote"), &st.quote));
        out.extend(st.note.iter().map(|n| (format!("evidence[{i}].note"), n)));
    }
    out.into_iter()
        .flat_map(|(f, t)| [(format!("{f}.zh"), t.zh.as_str()), (format!("{f}.en"), t.en.as_str())])
        .collect()
}

/// Every text of a source the public sees, with its field name.
pub fn public_source_texts(s: &Source) -> Vec<(String, &str)> {
    let mut out: Vec<(String, &str)> = Vec::new();
    for (field, t) in [("publisher", Some(&s.publisher)), ("title", Some(&s.title)), ("note", s.note.as_ref())] {
        if let Some(t) = t {
            out.push((format!("{field}.zh"), &t.zh));
            out.push((format!("{field}.en"), &t.en));
        }
    }
    out.extend(s.reprinted_by.as_deref().map(|r| ("reprinted_by".to_string(), r)));
    out
}

/// Curators' words in public fields. Checked when `data/` is loaded for
/// publishing, so nothing new carries them; releases already published stay
/// as they were (a pinned page never changes). Native only, like publishing.
#[cfg(not(target_arch = "wasm32"))]
pub(crate) fn check_curator_words<'a>(
    item: &str,
    texts: impl IntoIterator<Item = (String, &'a str)>,
    report: &mut Report,
) {
    for (field, text) in texts {
        if let Some(w) = curator_word(text) {
            report.push(
                Some(item),
                field,
                format!("\"{w}\" is a curators' word: move the remark to `curator_note`, which is never published"),
            );
        }
    }
}

fn check_number(ind: &Indicator, v: f64, field: &str, err: &mut impl FnMut(&str, String)) {
    if !v.is_finite() || v.abs() > MAX_MAGNITUDE {
        err(field, format!("{v} is not a plausible figure"));
    } else if ind.unit.is_percent() && !(-100.0..=100.0).contains(&v) {
        err(field, format!("{v} is outside −100…100 for a percentage"));
    }
}

fn check_source(key: &SourceKey, field: &str, ctx: &Context, err: &mut impl FnMut(&str, String)) {
    if let Some(sources) = ctx.sources {
        if !sources.contains_key(key) {
            err(field, format!("source \"{key}\" is not in the source registry"));
        }
    } else if !is_valid_key(key.as_str()) {
        err(field, format!("\"{key}\" is not a source key"));
    }
}

fn check_basis(basis: &Option<BasisId>, field: &str, declared: &HashSet<&BasisId>, err: &mut impl FnMut(&str, String)) {
    if let Some(b) = basis {
        if !declared.contains(b) {
            err(field, format!("basis \"{b}\" is not declared in `bases`"));
        }
    }
}

fn check_target(
    ind: &Indicator,
    t: &Target,
    at: &str,
    ctx: &Context,
    declared: &HashSet<&BasisId>,
    err: &mut impl FnMut(&str, String),
) {
    if !(FIRST_TARGET_YEAR..=LAST_TARGET_YEAR).contains(&t.year) {
        err(&format!("{at}.year"), format!("{} is outside {FIRST_TARGET_YEAR}…{LAST_TARGET_YEAR}", t.year));
    }
    match (t.kind, t.value) {
        (TargetKind::Qualitative, Some(v)) => {
            err(&format!("{at}.value"), format!("a qualitative target has no number, found {v}"))
        }
        (TargetKind::Qualitative, None) => {}
        (kind, None) => err(&format!("{at}.value"), format!("a `{}` target needs a number", kind_name(kind))),
        (_, Some(v)) => check_number(ind, v, &format!("{at}.value"), err),
    }
    let wrong_direction = match t.kind {
        TargetKind::AtLeast => ind.direction != Direction::HigherBetter,
        TargetKind::AtMost => ind.direction != Direction::LowerBetter,
        _ => false,
    };
    if wrong_direction {
        err(
            &format!("{at}.kind"),
            format!(
                "`{}` does not fit direction `{}`",
                kind_name(t.kind),
                match ind.direction {
                    Direction::HigherBetter => "higher_better",
                    Direction::LowerBetter => "lower_better",
                    Direction::Neutral => "neutral",
                }
            ),
        );
    }
    match (t.kind, t.reference_year) {
        (TargetKind::ReduceByPercent, None) => err(
            &format!("{at}.reference_year"),
            "a `reduce_by_percent` target needs the year it is measured from".into(),
        ),
        (TargetKind::ReduceByPercent, Some(r)) if r >= t.year => {
            err(&format!("{at}.reference_year"), format!("{r} is not before the target year {}", t.year))
        }
        (TargetKind::ReduceByPercent, _) => {}
        (_, Some(_)) => {
            err(&format!("{at}.reference_year"), "only a `reduce_by_percent` target has a reference year".into())
        }
        _ => {}
    }
    if t.kind == TargetKind::CumulativeTotal && t.value.is_some_and(|v| v <= 0.0) {
        err(&format!("{at}.value"), "a cumulative total must be positive".into());
    }
    check_basis(&t.basis, &format!("{at}.basis"), declared, err);
    check_text(&t.wording, &format!("{at}.wording"), err);
    if let Some(n) = &t.note {
        check_text(n, &format!("{at}.note"), err);
    }
    check_source(&t.source, &format!("{at}.source"), ctx, err);
    for (i, k) in t.also.iter().enumerate() {
        check_source(k, &format!("{at}.also[{i}]"), ctx, err);
    }
}

fn check_observation(
    ind: &Indicator,
    o: &Observation,
    at: &str,
    ctx: &Context,
    declared: &HashSet<&BasisId>,
    err: &mut impl FnMut(&str, String),
) {
    if !(FIRST_YEAR..=ctx.as_of_year).contains(&o.year) {
        err(&format!("{at}.year"), format!("{} is outside {FIRST_YEAR}…{} (the as-of year)", o.year, ctx.as_of_year));
    }
    match (o.value, &o.text) {
        (Some(v), _) => check_number(ind, v, &format!("{at}.value"), err),
        (None, Some(_)) => {}
        (None, None) => err(
            &format!("{at}.value"),
            "no value and no `text`: a value nobody published is left out, not written as empty".into(),
        ),
    }
    if o.bound.is_some() && o.value.is_none() {
        err(&format!("{at}.bound"), "a bound needs a value".into());
    }
    for (name, t) in [("text", &o.text), ("note", &o.note), ("alternative", &o.alternative)] {
        if let Some(t) = t {
            check_text(t, &format!("{at}.{name}"), err);
        }
    }
    if let Some(label) = o.period.label() {
        check_text(label, &format!("{at}.period.label"), err);
    }
    check_basis(&o.basis, &format!("{at}.basis"), declared, err);
    check_source(&o.source, &format!("{at}.source"), ctx, err);
    for (i, k) in o.also.iter().enumerate() {
        check_source(k, &format!("{at}.also[{i}]"), ctx, err);
    }
}

fn kind_name(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::AtLeast => "at_least",
        TargetKind::AtMost => "at_most",
        TargetKind::ReduceByPercent => "reduce_by_percent",
        TargetKind::CumulativeTotal => "cumulative_total",
        TargetKind::Qualitative => "qualitative",
    }
}

/// Checks one entry of a source registry.
pub(crate) fn check_source_entry(key: &SourceKey, s: &Source, report: &mut Report) {
    let item = format!("source {key}");
    let item = Some(item.as_str());
    if !is_valid_key(key.as_str()) {
        report.push(item, "key", "not a lower-case key like r23-npc-report");
    }
    let mut err = |field: &str, msg: String| report.push(item, field, msg);
    check_text(&s.publisher, "publisher", &mut err);
    check_text(&s.title, "title", &mut err);
    if let Some(n) = &s.note {
        check_text(n, "note", &mut err);
    }

    if let Some(d) = &s.date {
        if !is_valid_date(d) {
            err("date", format!("\"{d}\" is not YYYY, YYYY-MM or YYYY-MM-DD"));
        }
    }
    if let Some(u) = &s.url {
        if !(u.starts_with("https://") || u.starts_with("http://")) {
            err("url", format!("\"{u}\" is not an http(s) address"));
        }
    }
}
