//! Targets reached by adding up or cutting down: a five-year cumulative total
//! (e.g. NOx cut by key projects) and a percentage reduction from a reference
//! year (e.g. energy intensity). Both compare the share of the target done with
//! the share of the period gone.

use super::{judged_series, judging_basis, Arithmetic, Judged, Pace, Point, Reason, Status, PLAN_START};
use crate::model::Indicator;

/// The running total of a cumulative target, one point per year: the sum of
/// the unbroken run of exact full-year amounts on the judging basis from the
/// first plan year, up to the target year. The one rule for both the status
/// (its last point is the judged sum) and the chart's running-total line.
/// Empty when the indicator has no cumulative target.
pub fn running_total(ind: &Indicator) -> Vec<Point> {
    let Some(target) = ind.target.as_ref().filter(|_| ind.is_cumulative()) else {
        return Vec::new();
    };
    totals(&judged_series(ind, judging_basis(ind)), target.year)
}

fn totals(series: &[Judged], target_year: i32) -> Vec<Point> {
    let mut out: Vec<Point> = Vec::new();
    let mut sum = 0.0;
    for Judged { point: p, bound, full_year } in series {
        let next_year = out.last().map_or(PLAN_START, |last| last.year + 1);
        if p.year != next_year || bound.is_some() || !full_year || p.year > target_year {
            break;
        }
        sum += p.value;
        out.push(Point { year: p.year, value: sum });
    }
    out
}

pub(super) fn judge_cumulative(
    target_year: i32,
    target: f64,
    series: &[Judged],
) -> (Status, Option<Point>, Option<Arithmetic>) {
    let run = totals(series, target_year);
    let Some(&Point { year: last_year, value: sum }) = run.last() else {
        return (Status::NotAssessable(Reason::IncompleteYears), None, None);
    };
    // A year's amount is the step from the previous running total.
    let largest_year = run.iter().scan(0.0, |before, p| Some(p.value - std::mem::replace(before, p.value)));
    let doubt = largest_year.fold(f64::MIN, f64::max) > target;
    let share_done = sum / target;
    let share_elapsed = f64::from(last_year - PLAN_START + 1) / f64::from(target_year - PLAN_START + 1);
    let ratio = share_done / share_elapsed;
    let status = if doubt {
        Status::NotAssessable(Reason::DataDoubt)
    } else if share_done >= 1.0 {
        Status::Achieved
    } else if last_year >= target_year {
        Status::Missed
    } else if run.len() < 2 {
        Status::NotAssessable(Reason::TooFewYears)
    } else {
        Pace::from_ratio(ratio).status()
    };
    let arithmetic = Arithmetic::Cumulative {
        first_year: PLAN_START,
        last_year,
        sum,
        target,
        target_year,
        share_done,
        share_elapsed,
        ratio,
    };
    (status, Some(Point { year: last_year, value: sum }), Some(arithmetic))
}

pub(super) fn judge_reduction(
    reference_year: i32,
    target_year: i32,
    target: f64,
    series: &[Judged],
) -> (Status, Option<Point>, Option<Arithmetic>) {
    let Some(latest) =
        series.iter().rev().find(|j| j.point.year > reference_year && j.bound.is_none()).map(|j| &j.point)
    else {
        return (Status::NotAssessable(Reason::OnlyBound), None, None);
    };
    let share_done = latest.value / target;
    let share_elapsed = f64::from(latest.year - reference_year) / f64::from(target_year - reference_year);
    let ratio = share_done / share_elapsed;
    let status = if share_done >= 1.0 {
        Status::Achieved
    } else if latest.year >= target_year {
        Status::Missed
    } else {
        Pace::from_ratio(ratio).status()
    };
    let arithmetic = Arithmetic::Reduction {
        reference_year,
        latest: *latest,
        target,
        target_year,
        share_done,
        share_elapsed,
        ratio,
    };
    (status, Some(*latest), Some(arithmetic))
}
