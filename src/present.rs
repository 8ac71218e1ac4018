//! What cards, rows and area summaries show, decided without any UI code so it
//! is tested natively: for every status and every kind of gap, the exact words
//! a reader sees.

#[path = "present_meta.rs"]
pub mod meta;
#[path = "present_search.rs"]
pub mod search;

use crate::i18n::{self, Lang, Msg};
use crate::model::scorecard::{provisional, report, Report};
use crate::model::{
    assess, Area, Arithmetic, Assessment, Indicator, IndicatorId, Observation, Reason, Role, Status, TargetKind,
};

/// How the counts and filters group a goal: by its status, except that once a
/// target year is over, a status resting on an earlier year (the target year's
/// figure not found) is provisional. So after the plan period the counts split
/// into met, missed and provisional, besides "not assessable" and "no data".
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Group {
    Status(Status),
    /// Judged on an earlier year than the target year, which is over.
    Provisional,
}

impl Group {
    pub fn of(ind: &Indicator, a: &Assessment, as_of: &str) -> Group {
        match provisional(ind, a, as_of) {
            Some(_) => Group::Provisional,
            None => Group::Status(a.status),
        }
    }

    /// The group's key in URLs (`?status=`) and CSS classes.
    pub fn key(self) -> &'static str {
        match self {
            Group::Status(s) => s.key(),
            Group::Provisional => "provisional",
        }
    }

    /// The group of a key (`key`), one of `GOAL_GROUPS`.
    pub fn from_key(key: &str) -> Option<Group> {
        GOAL_GROUPS.into_iter().find(|g| g.key() == key)
    }
}

/// A group is written as its key (in an island's props).
impl serde::Serialize for Group {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.key())
    }
}

impl<'de> serde::Deserialize<'de> for Group {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Group, D::Error> {
        let key = String::deserialize(d)?;
        Group::from_key(&key).ok_or_else(|| serde::de::Error::custom(format!("no group `{key}`")))
    }
}

/// The groups of goals, in the order the site lists them; one stands for every
/// "not assessable" reason (they share a key).
pub const GOAL_GROUPS: [Group; 8] = [
    Group::Status(Status::Achieved),
    Group::Status(Status::Missed),
    Group::Provisional,
    Group::Status(Status::OnTrack),
    Group::Status(Status::AtRisk),
    Group::Status(Status::OffTrack),
    Group::Status(Status::NotAssessable(Reason::Qualitative)),
    Group::Status(Status::NoData),
];

/// One indicator as a card or row shows it.
#[derive(Clone, Debug, PartialEq)]
pub struct Card {
    pub id: IndicatorId,
    pub name: String,
    pub role: Role,
    pub status: Status,
    /// The baseline with its year: "26 μg/m³", 2020.
    pub baseline: Option<(String, i32)>,
    /// The baseline's basis, named when it is not the basis of the latest figure.
    pub baseline_note: Option<String>,
    /// The latest figure with its year: "25.7 μg/m³", 2024. `None` when nothing
    /// was published for the plan period (older history is not "latest").
    pub latest: Option<(String, i32)>,
    /// What qualifies the latest figure: a part year, a basis, a proxy.
    pub latest_note: Option<String>,
    /// "2025年 ≤ 25 μg/m³"; for a goal in words, the words.
    pub target: Option<String>,
    /// The plan's own words, for goals in words.
    pub wording: Option<String>,
    /// Share of the way from baseline to target, 0…1: shown only where it means
    /// what it says (a judged goal, baseline and latest on one basis, not yet met).
    pub progress: Option<f64>,
    /// The latest judged value is within a level target: said in words instead
    /// of a full progress bar, which would misread for "keep at" targets.
    pub within_target: bool,
    /// "Since 2020: little change".
    pub trend: Option<String>,
}

/// The observation behind the judged point, to show it with its qualifiers.
fn judged_observation<'a>(ind: &'a Indicator, a: &Assessment) -> Option<&'a Observation> {
    let p = a.judged?;
    let headline = ind.headline_basis.as_ref();
    ind.values
        .iter()
        .rev()
        .find(|o| o.year == p.year && o.value == Some(p.value) && o.basis_or(headline) == a.basis.as_ref())
}

fn qualifier(lang: Lang, ind: &Indicator, o: &Observation) -> Option<String> {
    let period = o.period.label().map(|label| lang.pick(label).to_string());
    let basis = o
        .basis
        .as_ref()
        .and_then(|b| ind.basis(b))
        .filter(|_| ind.bases.len() > 1 || ind.bases.iter().any(|b| b.proxy))
        .map(|b| lang.pick(&b.label).to_string());
    match (period, basis) {
        (None, None) => None,
        (Some(p), None) => Some(p),
        (None, Some(b)) => Some(b),
        (Some(p), Some(b)) => Some(format!("{p} · {b}")),
    }
}

impl Card {
    pub fn new(ind: &Indicator, lang: Lang) -> Card {
        Card::from_assessment(ind, &assess(ind), lang)
    }

    pub fn from_assessment(ind: &Indicator, a: &Assessment, lang: Lang) -> Card {
        let cumulative = ind.is_cumulative();
        let (latest, latest_note) = match (judged_observation(ind, a), a.judged) {
            (_, Some(p)) if cumulative => {
                let note = i18n::running_total_span(lang, crate::model::progress::PLAN_START, p.year);
                (Some((i18n::with_unit(lang, ind.unit, p.value), p.year)), Some(note))
            }
            (Some(o), _) => (Some((figure(lang, ind, o), o.year)), qualifier(lang, ind, o)),
            (None, _) if a.status == Status::NoData => (None, None),
            (None, _) => match ind.latest_observation() {
                Some(o) => (Some((figure(lang, ind, o), o.year)), qualifier(lang, ind, o)),
                None => (None, None),
            },
        };
        let baseline = ind.baseline.as_ref().map(|b| (figure(lang, ind, b), b.year)).filter(|(f, _)| !f.is_empty());
        let headline = ind.headline_basis.as_ref();
        let latest_basis =
            judged_observation(ind, a).or_else(|| ind.latest_observation()).and_then(|o| o.basis_or(headline));
        let baseline_basis = ind.baseline.as_ref().and_then(|b| b.basis_or(headline));
        let bases_differ = ind.bases.len() > 1 && baseline_basis != latest_basis;
        let baseline_note =
            baseline_basis.and_then(|b| ind.basis(b)).filter(|_| bases_differ).map(|b| lang.pick(&b.label).to_string());
        let within_target = matches!(a.arithmetic, Some(Arithmetic::Level { met: true, .. }));
        let progress = a.progress.filter(|_| a.status.is_judged() && !within_target && !bases_differ);
        let target = ind.target.as_ref().map(|t| i18n::target_phrase(lang, ind, t));
        let wording = ind
            .target
            .as_ref()
            .filter(|t| t.kind == TargetKind::Qualitative)
            .map(|t| lang.pick(&t.wording).to_string());
        // Name the basis when there are several, so a trend is never read across them.
        let basis = a
            .basis
            .as_ref()
            .and_then(|b| ind.basis(b))
            .filter(|_| ind.bases.len() > 1)
            .map(|b| i18n::paren(lang, "", lang.pick(&b.label)))
            .unwrap_or_default();
        let trend = a.trend_since_start.map(|(from, to, t)| {
            format!("{}→{}{basis}{}{}", from.year, to.year, i18n::colon(lang), i18n::trend_name(lang, t))
        });
        Card {
            id: ind.id.clone(),
            name: lang.pick(&ind.name).to_string(),
            role: ind.role,
            status: a.status,
            baseline,
            baseline_note,
            latest,
            latest_note,
            target: if wording.is_some() { None } else { target },
            wording,
            progress,
            within_target,
            trend,
        }
    }

    /// What the latest-value slot says when nothing was published.
    pub fn empty_latest(lang: Lang) -> &'static str {
        lang.t(Msg::NoValues)
    }
}

/// A figure without its period label (the card shows that separately).
fn figure(lang: Lang, ind: &Indicator, o: &Observation) -> String {
    match (o.value, &o.text) {
        (Some(v), _) => format!("{}{}", i18n::bound_prefix(lang, o.bound), i18n::with_unit(lang, ind.unit, v)),
        (None, Some(t)) => lang.pick(t).to_string(),
        (None, None) => String::new(),
    }
}

/// Goals counted by group (status, or provisional after the target year).
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Tally {
    pub goals: usize,
    pub context: usize,
    /// Goals per group, in `GOAL_GROUPS` order, zero counts left out.
    pub counts: Vec<(Group, usize)>,
}

impl Tally {
    /// `as_of`: the data's date, which decides what is provisional.
    pub fn of<'a>(indicators: impl IntoIterator<Item = &'a Indicator>, as_of: &str) -> Tally {
        let mut goals = Vec::new();
        let mut context = 0;
        for ind in indicators {
            match ind.role {
                Role::Goal => goals.push(Group::of(ind, &assess(ind), as_of).key()),
                Role::Context => context += 1,
            }
        }
        let counts = GOAL_GROUPS
            .iter()
            .map(|group| (*group, goals.iter().filter(|k| **k == group.key()).count()))
            .filter(|(_, n)| *n > 0)
            .collect();
        Tally { goals: goals.len(), context, counts }
    }
}

/// Goals set in words by what the government reports: (done, in progress, none found).
pub fn report_counts(indicators: &[Indicator]) -> (usize, usize, usize) {
    let reports: Vec<Report> = indicators.iter().filter_map(report).collect();
    let count = |r: Report| reports.iter().filter(|x| **x == r).count();
    (count(Report::Done), count(Report::InProgress), count(Report::NoneFound))
}

/// Why goals cannot be judged, in the order the status method explains them:
/// every reason a goal has, with those goals. (Context figures, which have no
/// target, are not goals and are left out.)
pub const GOAL_REASONS: [Reason; 9] = [
    Reason::Qualitative,
    Reason::OnlyOtherBasis,
    Reason::BasisBreak,
    Reason::OnlyBound,
    Reason::NoBaseline,
    Reason::OnlyPartialYear,
    Reason::IncompleteYears,
    Reason::TooFewYears,
    Reason::DataDoubt,
];

/// The goals that cannot be judged, grouped by why; reasons with no goal are left out.
pub fn not_assessable_by_reason(indicators: &[Indicator]) -> Vec<(Reason, Vec<&Indicator>)> {
    let judged: Vec<(&Indicator, Status)> =
        indicators.iter().filter(|i| i.role == Role::Goal).map(|i| (i, assess(i).status)).collect();
    GOAL_REASONS
        .into_iter()
        .map(|reason| {
            let goals = judged.iter().filter(|(_, s)| *s == Status::NotAssessable(reason)).map(|(i, _)| *i);
            (reason, goals.collect::<Vec<_>>())
        })
        .filter(|(_, goals)| !goals.is_empty())
        .collect()
}

/// An area at a glance: its goals by status, and its headline indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct AreaSummary {
    pub area: Area,
    pub tally: Tally,
    pub headline: Option<Indicator>,
}

impl AreaSummary {
    pub fn new(area: Area, indicators: &[Indicator], as_of: &str) -> AreaSummary {
        let mine: Vec<&Indicator> = indicators.iter().filter(|i| i.area == area).collect();
        // Which indicator stands for the area is data (`headline: true`), kept by the maintainers.
        let headline = mine.iter().find(|i| i.headline).map(|i| (*i).clone());
        AreaSummary { area, tally: Tally::of(mine, as_of), headline }
    }
}

#[cfg(test)]
#[path = "present_tests.rs"]
mod tests;
