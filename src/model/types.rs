//! The domain vocabulary: indicators, their targets and observed values, and the
//! sources every number comes from.
//!
//! These are plain serde types; the closed vocabularies they use (area, unit,
//! direction, target kind, period, source tier) are enums in `vocab`. Numbers
//! that nobody published are `None`, never `NaN`, `0` or a placeholder string.

pub use super::place::PlaceSeries;
pub use super::vocab::*;
use serde::{Deserialize, Serialize};
use std::fmt;

#[cfg(feature = "tools")]
use schemars::JsonSchema;

/// A piece of text in both languages of the site. `zh` is the original wording
/// where the text quotes a Chinese source; `en` is a translation or gloss.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Default)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Text {
    pub zh: String,
    pub en: String,
}

macro_rules! id_newtype {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[cfg_attr(feature = "tools", derive(JsonSchema))]
        #[serde(transparent)]
        pub struct $name(pub String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(s.to_string())
            }
        }
    };
}

id_newtype!(
    /// Stable indicator id such as `AIR-02`. Never reused for another indicator.
    IndicatorId
);
id_newtype!(
    /// Key into the source registry, such as `r23-npc-report`.
    SourceKey
);
id_newtype!(
    /// Id of a basis (or scope) declared by the indicator, such as `sections-74`.
    BasisId
);

/// A value in a year: a point of a series the status, trends and charts use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
}

/// A commitment: what, by when, in the plan's words.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Target {
    pub kind: TargetKind,
    /// Required for every kind except `qualitative`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// The year by which the target applies (usually 2025).
    pub year: i32,
    /// For `reduce_by_percent`: the year the reduction is measured from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_year: Option<i32>,
    /// The basis the target is defined on, where the indicator declares several.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<BasisId>,
    /// The wording of the commitment: Chinese original and English gloss.
    pub wording: Text,
    pub origin: TargetOrigin,
    pub source: SourceKey,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<SourceKey>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A maintainers' working note: kept in `data/`, never published or shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator_note: Option<String>,
}

/// One published figure (or published statement) for one year.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Observation {
    pub year: i32,
    /// The figure, or `None` when the source states something in words only
    /// (then `text` holds the statement).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bound: Option<Bound>,
    #[serde(default, skip_serializing_if = "Period::is_full_year")]
    pub period: Period,
    /// Basis or scope; defaults to the indicator's `headline_basis`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis: Option<BasisId>,
    /// The statement in words, for qualitative observations.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    pub source: SourceKey,
    /// Other sources that report the same figure.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<SourceKey>,
    /// Set when another value for the same year and basis is preferred:
    /// says why this one is kept but not charted as the headline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub alternative: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A maintainers' working note: kept in `data/`, never published or shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator_note: Option<String>,
    /// Published files only, set by `sitegen publish`: the release that last
    /// changed this figure (it read differently in the release before), kept
    /// while the figure stays the same. What it was is in that release's
    /// `changes` (`model::changes`). Never written in `data/`.
    // Only the release id: a typed previous figure here would add ~2 KB
    // (brotli) of parsing code to every page's wasm, the embed's included.
    // The embed build does not read it: "revised in release …" is said on the indicator page.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(feature = "embed", target_arch = "wasm32"), serde(skip))]
    pub revised: Option<String>,
}

impl Observation {
    /// A full-year figure with a number that is not an alternative: what a
    /// chart's line and the "one headline value per year" rule count.
    pub fn is_headline_full_year(&self) -> bool {
        self.period.is_full_year() && self.alternative.is_none() && self.value.is_some()
    }

    /// The basis this value is on, given the indicator's headline basis.
    pub fn basis_or<'a>(&'a self, headline: Option<&'a BasisId>) -> Option<&'a BasisId> {
        self.basis.as_ref().or(headline)
    }
}

/// A basis or scope under which values are comparable with each other
/// (e.g. "74 national sections", "dust days removed", "wind and solar only").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Basis {
    pub id: BasisId,
    pub label: Text,
    /// A proxy measures something related but not the indicator itself.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub proxy: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// Where in the plan the indicator comes from.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct PlanRef {
    /// Chapter and section, e.g. 第六章二(三).
    pub section: String,
    /// Section title in both languages.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Note {
    pub kind: NoteKind,
    pub text: Text,
}

/// When and where an indicator's yearly figure normally appears: what makes a
/// missing newer figure "overdue" rather than merely absent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Publication {
    pub kind: PublicationKind,
    /// The usual day of the year after the figure's year, `MM-DD` (e.g. `06-05`);
    /// required unless the kind is `irregular`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub usual: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
}

/// A published government statement about a goal set in words, quoted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Statement {
    /// When it was published: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    pub date: String,
    /// What it says of the whole commitment.
    pub reported: Reported,
    /// The statement's own words (Chinese original, English gloss).
    pub quote: Text,
    pub source: SourceKey,
    /// What the statement does not cover, or how it should be read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A maintainers' working note: kept in `data/`, never published or shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator_note: Option<String>,
}

/// A national limit the plan measures a figure against (e.g. the Grade II annual
/// limit for PM2.5 in GB 3095-2012): drawn on charts as a reference line, never a target.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Standard {
    pub value: f64,
    /// What the line is, e.g. 国家二级标准 / National Grade II limit.
    pub label: Text,
    pub source: SourceKey,
}

/// The newest figure or statement of `values` that is not an alternative; a
/// full-year value beats a part-year one of the same year.
pub(crate) fn latest_of(values: &[Observation]) -> Option<&Observation> {
    values.iter().filter(|o| o.alternative.is_none()).max_by_key(|o| (o.year, o.period.is_full_year()))
}

/// One indicator of the plan with everything the site knows about it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Indicator {
    pub id: IndicatorId,
    pub area: Area,
    pub role: Role,
    pub name: Text,
    /// The indicator that stands for its area on the overview (at most one per area).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub headline: bool,
    pub unit: Unit,
    pub direction: Direction,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_ref: Option<PlanRef>,
    /// The bases this indicator's values are reported on; empty when there is one.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<Basis>,
    /// The basis the chart's main line and the status use.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub headline_basis: Option<BasisId>,
    /// The plan's target; `None` for context figures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// Conflicting or longer-term targets from other documents. Shown, not judged.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub other_targets: Vec<Target>,
    /// The starting point the plan measures from (normally 2020).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub baseline: Option<Observation>,
    /// Every published yearly value, including alternatives and partial years.
    #[serde(default)]
    pub values: Vec<Observation>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<Note>,
    /// When and where its yearly figure normally appears. (Not read by the
    /// embed build, which never shows it: see the `embed` feature.)
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[cfg_attr(all(feature = "embed", target_arch = "wasm32"), serde(skip))]
    pub publication: Option<Publication>,
    /// For a goal set in words: what published government statements say of it,
    /// oldest first. Empty: no report found.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(feature = "embed", target_arch = "wasm32"), serde(skip))]
    pub evidence: Vec<Statement>,
    /// The figures of single cities and prefectures, one series per place and
    /// scope (`values` are the province's). (Not read by the embed build: a
    /// city's embed reads the series' own file, `layout::place_series`.)
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[cfg_attr(all(feature = "embed", target_arch = "wasm32"), serde(skip))]
    pub breakdown: Vec<PlaceSeries>,
    /// A national limit charts draw for reference.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standard: Option<Standard>,
    /// Maintainers' working notes about the indicator: never published or shown.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub curator_notes: Vec<String>,
}

impl Indicator {
    /// Whether the target is a five-year total of yearly amounts.
    pub fn is_cumulative(&self) -> bool {
        self.target.as_ref().is_some_and(|t| t.kind == TargetKind::CumulativeTotal)
    }

    /// Whether the target is a commitment in words (judged by published statements, not values).
    pub fn is_set_in_words(&self) -> bool {
        self.target.as_ref().is_some_and(|t| t.kind == TargetKind::Qualitative)
    }

    pub fn basis(&self, id: &BasisId) -> Option<&Basis> {
        self.bases.iter().find(|b| &b.id == id)
    }

    /// The newest published figure or statement, whatever its period or basis
    /// (not an alternative): what a reader should see first when no status can
    /// be judged. A full-year value beats a part-year one of the same year.
    pub fn latest_observation(&self) -> Option<&Observation> {
        latest_of(&self.values)
    }

    /// Every source key this indicator cites, in order of first use.
    pub fn source_keys(&self) -> Vec<&SourceKey> {
        let mut keys: Vec<&SourceKey> = Vec::new();
        let targets = self.target.iter().chain(&self.other_targets);
        let target_keys = targets.flat_map(|t| std::iter::once(&t.source).chain(&t.also));
        let obs = self.baseline.iter().chain(&self.values);
        let obs_keys = obs.flat_map(|o| std::iter::once(&o.source).chain(&o.also));
        let statement_keys = self.evidence.iter().map(|s| &s.source);
        let place_obs = self.breakdown.iter().flat_map(|s| &s.values);
        let place_keys = place_obs.flat_map(|o| std::iter::once(&o.source).chain(&o.also));
        let standard_keys = self.standard.iter().map(|s| &s.source);
        let all = target_keys.chain(obs_keys).chain(statement_keys).chain(place_keys).chain(standard_keys);
        for key in all {
            if !keys.contains(&key) {
                keys.push(key);
            }
        }
        keys
    }

    /// The form the public sees: without maintainers' working notes.
    pub fn public(&self) -> Indicator {
        let mut s = self.clone();
        s.curator_notes.clear();
        let place_values = s.breakdown.iter_mut().flat_map(|p| p.values.iter_mut());
        for o in s.baseline.iter_mut().chain(s.values.iter_mut()).chain(place_values) {
            o.curator_note = None;
        }
        for t in s.target.iter_mut().chain(s.other_targets.iter_mut()) {
            t.curator_note = None;
        }
        for statement in &mut s.evidence {
            statement.curator_note = None;
        }
        s
    }

    /// The same indicator without the long notes (nor revision marks, nor any
    /// statement but the newest): the form the overview file carries.
    pub fn summary(&self) -> Indicator {
        let mut s = self.public();
        s.notes.clear();
        for o in s.baseline.iter_mut().chain(s.values.iter_mut()) {
            o.note = None;
            o.also.clear();
            o.revised = None;
        }
        for t in s.target.iter_mut().chain(s.other_targets.iter_mut()) {
            t.note = None;
            t.also.clear();
        }
        // Cards say what the newest statement reports; the statements themselves are on the indicator page.
        if let Some(newest) = s.evidence.pop() {
            s.evidence = vec![Statement { note: None, ..newest }];
        }
        if let Some(p) = &mut s.publication {
            p.note = None;
        }
        // A city's figures: what the comparison and the charts need; their notes
        // and sources are in the indicator's own file.
        for o in s.breakdown.iter_mut().flat_map(|p| p.values.iter_mut()) {
            o.note = None;
            o.also.clear();
            o.revised = None;
        }
        s
    }
}

/// One entry of the source registry.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "tools", derive(JsonSchema))]
pub struct Source {
    /// The original publisher (for a reprint: who first published it).
    pub publisher: Text,
    pub title: Text,
    /// Publication date: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Where the text was read; `None` when no address was found.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    pub tier: Tier,
    /// For a reprint: the name of the site that carries the copy at `url`
    /// (a plain name or domain, shown to the public).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reprinted_by: Option<String>,
    /// The site carrying the copy is known to inject unrelated content (a spam
    /// mirror): its address stays in `data/` for maintainers, but is never
    /// published or linked, and the page says why.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub unsafe_site: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// A maintainers' working note: kept in `data/`, never published or shown.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub curator_note: Option<String>,
}

impl Source {
    /// Only http(s) addresses are ever made clickable, and never one on a site
    /// flagged `unsafe_site`.
    pub fn link(&self) -> Option<&str> {
        self.url.as_deref().filter(|u| !self.unsafe_site && (u.starts_with("https://") || u.starts_with("http://")))
    }

    /// The form the public sees: without maintainers' notes, and without the
    /// address of a site flagged unsafe.
    pub fn public(&self) -> Source {
        let mut s = self.clone();
        s.curator_note = None;
        if s.unsafe_site {
            s.url = None;
        }
        s
    }
}
