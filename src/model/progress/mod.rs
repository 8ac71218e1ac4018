//! How far each indicator has come, judged by a published method.
//!
//! The method follows the one Open SDG sites use (Statistics Canada's, after
//! Eurostat's): compare the pace actually achieved since the baseline with the
//! pace needed to reach the target by its year.
//!
//! * ratio ≥ 95 %: **on track**; 60–95 %: **at risk** (needs to speed up);
//!   0–60 %: **off track** (limited progress); below 0: **off track** (worsening).
//!
//! That ratio breaks down for "keep at least / at most X" targets and when the
//! baseline already met the target, so a level target is first judged as met or
//! not met in the latest year, with the margin; the pace is only asked when the
//! latest value falls short and a comparable baseline exists. A target year that
//! has passed is judged as met or missed. Cumulative totals compare the share of
//! the total reached with the share of the period elapsed.
//!
//! Only values from the plan period (after the baseline year) are judged, on one
//! basis: the target's, or, where no source says which basis the target uses,
//! the basis of the newest figure. A cumulative total is judged only from two
//! years on, and never when one year's amount exceeds the whole target (a data
//! doubt, shown as such). A full-year value counts, and so does a
//! reading of a level at a date ("end of 2024") when the year has no full-year
//! value. Part-year averages, proxy figures, alternative figures and values on
//! another basis are shown but never used, and pace is never measured across a
//! change of basis: a status is never claimed from a value the data does not hold.

use super::trend::{trends, Trend};
use super::types::*;

mod totals;
pub use totals::running_total;
use totals::{judge_cumulative, judge_reduction};

/// The plan's base year: its baselines are 2020 values (以2020年为基准年).
pub const BASE_YEAR: i32 = 2020;
/// First year of the plan period (规划期为2021年至2025年).
pub const PLAN_START: i32 = BASE_YEAR + 1;
/// Last year of the plan period, the year of most of its targets.
pub const PLAN_END: i32 = 2025;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Status {
    Achieved,
    OnTrack,
    AtRisk,
    OffTrack,
    /// The target year's figure (or a later one) misses the target: final.
    Missed,
    NotAssessable(Reason),
    NoData,
}

/// Why a status cannot be judged.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Reason {
    /// A context figure: the plan sets no target for it.
    NoTarget,
    /// The target is a commitment in words.
    Qualitative,
    /// The latest value falls short and there is no baseline to measure pace from.
    NoBaseline,
    /// The baseline is on a different basis than the latest value.
    BasisBreak,
    /// Only partial-year, point-in-time or multi-year figures exist.
    OnlyPartialYear,
    /// Only proxy figures or figures on another basis exist.
    OnlyOtherBasis,
    /// The latest figure is a bound ("91%以上") that does not settle the question.
    OnlyBound,
    /// A cumulative total needs every year from the start of the period.
    IncompleteYears,
    /// A cumulative total with one year's amount so far: too little to judge
    /// the pace of a five-year sum (yearly amounts vary widely).
    TooFewYears,
    /// One year's amount is larger than the whole five-year total: the figure
    /// or the target's unit is in doubt, so nothing is claimed from it.
    DataDoubt,
}

/// The pace band of the Open SDG method.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pace {
    OnTrack,
    NeedsAcceleration,
    LimitedProgress,
    Deterioration,
}

impl Pace {
    pub fn from_ratio(ratio: f64) -> Pace {
        if ratio >= 0.95 {
            Pace::OnTrack
        } else if ratio >= 0.6 {
            Pace::NeedsAcceleration
        } else if ratio >= 0.0 {
            Pace::LimitedProgress
        } else {
            Pace::Deterioration
        }
    }

    fn status(self) -> Status {
        match self {
            Pace::OnTrack => Status::OnTrack,
            Pace::NeedsAcceleration => Status::AtRisk,
            Pace::LimitedProgress | Pace::Deterioration => Status::OffTrack,
        }
    }
}

/// The arithmetic behind a status, for the "how was this computed" panel.
#[derive(Clone, Debug, PartialEq)]
pub enum Arithmetic {
    /// Level target: is the latest value inside the target? `margin` is how far
    /// inside (positive) or outside (negative), in the indicator's unit.
    Level { latest: Point, target: f64, target_year: i32, met: bool, margin: f64 },
    /// Level target missed at the latest value, measured against the baseline pace.
    Pace {
        baseline: Point,
        latest: Point,
        target: f64,
        target_year: i32,
        /// Change per year achieved since the baseline.
        actual_rate: f64,
        /// Change per year needed from the baseline to reach the target in time.
        required_rate: f64,
        ratio: f64,
        pace: Pace,
    },
    /// The baseline met a level target that the latest value misses.
    Slipped { baseline: Point, latest: Point, target: f64, margin: f64 },
    /// Cumulative total: share of the total reached vs share of the period elapsed.
    Cumulative {
        first_year: i32,
        last_year: i32,
        sum: f64,
        target: f64,
        target_year: i32,
        share_done: f64,
        share_elapsed: f64,
        ratio: f64,
    },
    /// Reduction from a reference year: share of the cut made vs share of time elapsed.
    Reduction {
        reference_year: i32,
        latest: Point,
        target: f64,
        target_year: i32,
        share_done: f64,
        share_elapsed: f64,
        ratio: f64,
    },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Assessment {
    pub status: Status,
    /// The basis the status was judged on.
    pub basis: Option<BasisId>,
    /// The value the status was judged on.
    pub judged: Option<Point>,
    pub arithmetic: Option<Arithmetic>,
    /// Share of the way from baseline to target, 0…1, where that is defined.
    pub progress: Option<f64>,
    /// The comparable values, baseline first: what trends and sparklines use.
    pub points: Vec<Point>,
    /// From the first comparable value (usually the baseline) to the latest.
    pub trend_since_start: Option<(Point, Point, Trend)>,
    /// Between the last two comparable values.
    pub trend_recent: Option<(Point, Point, Trend)>,
}

impl Status {
    /// A status the method decided (met, on track, at risk, off track), as
    /// opposed to "not assessable" or "no data".
    pub fn is_judged(self) -> bool {
        !matches!(self, Status::NotAssessable(_) | Status::NoData)
    }

    /// The status's key in URLs (`?status=`), CSS classes and the CSV. All
    /// "cannot be judged" reasons share one key; context figures have their own.
    pub fn key(self) -> &'static str {
        match self {
            Status::Achieved => "achieved",
            Status::OnTrack => "on-track",
            Status::AtRisk => "at-risk",
            Status::OffTrack => "off-track",
            Status::Missed => "missed",
            Status::NotAssessable(Reason::NoTarget) => "context",
            Status::NotAssessable(_) => "not-assessable",
            Status::NoData => "no-data",
        }
    }
}

/// A value the status may use.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Judged {
    pub point: Point,
    pub bound: Option<Bound>,
    /// A full-year value (not a reading at a date).
    pub full_year: bool,
}

/// Values that may be judged: not alternative, with a number, not a part-year
/// average or multi-year figure.
fn judgeable(o: &Observation) -> bool {
    o.alternative.is_none() && o.value.is_some() && matches!(o.period, Period::FullYear | Period::PointInTime { .. })
}

fn is_proxy(ind: &Indicator, basis: Option<&BasisId>) -> bool {
    basis.and_then(|b| ind.basis(b)).is_some_and(|b| b.proxy)
}

/// The basis the status is judged on: the target's own, else the basis of the
/// newest judgeable value that is not a proxy (the headline basis wins a tie),
/// else the headline basis.
pub fn judging_basis(ind: &Indicator) -> Option<&BasisId> {
    if let Some(b) = ind.target.as_ref().and_then(|t| t.basis.as_ref()) {
        return Some(b);
    }
    let headline = ind.headline_basis.as_ref();
    ind.values
        .iter()
        .filter(|o| judgeable(o) && !is_proxy(ind, o.basis_or(headline)))
        .max_by_key(|o| (o.year, o.basis_or(headline) == headline))
        .map_or(headline, |o| o.basis_or(headline))
}

/// The values the status may use on `basis`, one per year after the baseline
/// year: the full-year value, else the last reading at a date in file order.
pub fn judged_series(ind: &Indicator, basis: Option<&BasisId>) -> Vec<Judged> {
    let headline = ind.headline_basis.as_ref();
    let after = ind.baseline.as_ref().map_or(PLAN_START - 1, |b| b.year);
    let mut series: Vec<Judged> = Vec::new();
    for o in &ind.values {
        if !judgeable(o) || o.year <= after || o.basis_or(headline) != basis {
            continue;
        }
        let j = Judged {
            point: Point { year: o.year, value: o.value.unwrap_or_default() },
            bound: o.bound,
            full_year: o.period.is_full_year(),
        };
        match series.iter_mut().find(|s| s.point.year == o.year) {
            Some(existing) if existing.full_year && !j.full_year => {}
            Some(existing) => *existing = j,
            None => series.push(j),
        }
    }
    series.sort_by_key(|j| j.point.year);
    series
}

/// The baseline as a point, if it has a number and is on `basis`.
pub fn comparable_baseline(ind: &Indicator, basis: Option<&BasisId>) -> Option<Point> {
    let b = ind.baseline.as_ref()?;
    let same_basis = b.basis_or(ind.headline_basis.as_ref()) == basis;
    (same_basis && b.period.is_full_year() && b.bound.is_none())
        .then_some(())
        .and(b.value.map(|v| Point { year: b.year, value: v }))
}

pub fn assess(ind: &Indicator) -> Assessment {
    let basis = judging_basis(ind);
    let series = judged_series(ind, basis);
    let baseline = comparable_baseline(ind, basis);
    let mut points: Vec<Point> = baseline.into_iter().collect();
    points.extend(series.iter().filter(|j| j.bound.is_none()).map(|j| j.point));
    let (trend_since_start, trend_recent) = trends(&points, ind.unit, ind.direction);

    let (status, judged, arithmetic) = judge(ind, basis, &series, baseline);
    let progress = arithmetic.as_ref().and_then(|a| progress_share(a, baseline));
    Assessment { status, basis: basis.cloned(), judged, arithmetic, progress, points, trend_since_start, trend_recent }
}

fn judge(
    ind: &Indicator,
    basis: Option<&BasisId>,
    series: &[Judged],
    baseline: Option<Point>,
) -> (Status, Option<Point>, Option<Arithmetic>) {
    let Some(target) = &ind.target else {
        return (Status::NotAssessable(Reason::NoTarget), None, None);
    };
    let Some(goal) = target.value else {
        return (Status::NotAssessable(Reason::Qualitative), None, None);
    };
    if series.is_empty() {
        return (empty_series_status(ind, basis), None, None);
    }
    match target.kind {
        TargetKind::AtLeast | TargetKind::AtMost => judge_level(ind, target.year, goal, series, baseline),
        TargetKind::CumulativeTotal => judge_cumulative(target.year, goal, series),
        TargetKind::ReduceByPercent => {
            let reference = target.reference_year.unwrap_or(PLAN_START - 1);
            judge_reduction(reference, target.year, goal, series)
        }
        TargetKind::Qualitative => (Status::NotAssessable(Reason::Qualitative), None, None),
    }
}

/// Why nothing can be judged: no value at all in the plan period, or only
/// values that may not be used.
fn empty_series_status(ind: &Indicator, basis: Option<&BasisId>) -> Status {
    let after = ind.baseline.as_ref().map_or(PLAN_START - 1, |b| b.year);
    let headline = ind.headline_basis.as_ref();
    let recent: Vec<&Observation> =
        ind.values.iter().filter(|o| o.year > after && o.alternative.is_none() && o.value.is_some()).collect();
    if recent.is_empty() {
        Status::NoData
    } else if recent.iter().any(|o| o.basis_or(headline) == basis) {
        Status::NotAssessable(Reason::OnlyPartialYear)
    } else {
        Status::NotAssessable(Reason::OnlyOtherBasis)
    }
}

/// How far `value` is inside a level target (at least / at most), signed by
/// the indicator's direction: ≥ 0 reaches the target's level, < 0 falls short
/// by its size. The one rule for "meets the level", judged or described.
pub fn level_margin(ind: &Indicator, target: f64, value: f64) -> f64 {
    (value - target) * ind.direction.sign()
}

fn judge_level(
    ind: &Indicator,
    target_year: i32,
    target: f64,
    series: &[Judged],
    baseline: Option<Point>,
) -> (Status, Option<Point>, Option<Arithmetic>) {
    let s = ind.direction.sign();
    let Judged { point: latest, bound, .. } = series[series.len() - 1];
    let margin = level_margin(ind, target, latest.value);
    let met = margin >= 0.0;
    // A bound settles the question only when it points the right way: "at least 97"
    // proves a floor of 95 is met; "at least 91" says nothing about a floor of 95.
    let conclusive = match bound {
        None | Some(Bound::About) => true,
        Some(Bound::AtLeast) => (s > 0.0) == met,
        Some(Bound::AtMost) => (s < 0.0) == met,
    };
    let level = Arithmetic::Level { latest, target, target_year, met, margin };
    if !conclusive {
        return (Status::NotAssessable(Reason::OnlyBound), Some(latest), Some(level));
    }
    if met {
        return (Status::Achieved, Some(latest), Some(level));
    }
    if latest.year >= target_year {
        return (Status::Missed, Some(latest), Some(level));
    }
    let Some(base) = baseline else {
        let reason = if ind.baseline.as_ref().is_some_and(|b| b.value.is_some()) {
            Reason::BasisBreak
        } else {
            Reason::NoBaseline
        };
        return (Status::NotAssessable(reason), Some(latest), Some(level));
    };
    if level_margin(ind, target, base.value) >= 0.0 {
        let slipped = Arithmetic::Slipped { baseline: base, latest, target, margin };
        return (Status::OffTrack, Some(latest), Some(slipped));
    }
    let actual_rate = (latest.value - base.value) / f64::from(latest.year - base.year);
    let required_rate = (target - base.value) / f64::from(target_year - base.year);
    let ratio = actual_rate / required_rate;
    let pace = Pace::from_ratio(ratio);
    let arithmetic =
        Arithmetic::Pace { baseline: base, latest, target, target_year, actual_rate, required_rate, ratio, pace };
    (pace.status(), Some(latest), Some(arithmetic))
}

/// Share of the way from baseline to target, for progress bars.
fn progress_share(a: &Arithmetic, baseline: Option<Point>) -> Option<f64> {
    let share = match a {
        Arithmetic::Level { met: true, .. } => 1.0,
        Arithmetic::Level { latest, target, .. } => {
            let base = baseline?;
            (latest.value - base.value) / (target - base.value)
        }
        Arithmetic::Pace { baseline, latest, target, .. } => {
            (latest.value - baseline.value) / (target - baseline.value)
        }
        Arithmetic::Slipped { .. } => 0.0,
        Arithmetic::Cumulative { share_done, .. } | Arithmetic::Reduction { share_done, .. } => *share_done,
    };
    share.is_finite().then_some(share.clamp(0.0, 1.0))
}

#[cfg(test)]
mod tests;
