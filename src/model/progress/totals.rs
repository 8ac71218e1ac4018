//! Targets reached by adding up or cutting down: a five-year cumulative total
//! (e.g. NOx cut by key projects) and a percentage reduction from a reference
//! year (e.g. energy intensity). Both compare the share of the target done with
//! the share of the period gone.

use super::{Arithmetic, Judged, Pace, Point, Reason, Status, PLAN_START};

pub(super) fn judge_cumulative(
    target_year: i32,
    target: f64,
    series: &[Judged],
) -> (Status, Option<Point>, Option<Arithmetic>) {
    // Sum the unbroken run of full-year amounts from the first plan year.
    let mut sum = 0.0;
    let mut last_year = PLAN_START - 1;
    for Judged { point: p, bound, full_year } in series {
        if p.year != last_year + 1 || bound.is_some() || !full_year || p.year > target_year {
            break;
        }
        sum += p.value;
        last_year = p.year;
    }
    if last_year < PLAN_START {
        return (Status::NotAssessable(Reason::IncompleteYears), None, None);
    }
    let share_done = sum / target;
    let share_elapsed = f64::from(last_year - PLAN_START + 1) / f64::from(target_year - PLAN_START + 1);
    let ratio = share_done / share_elapsed;
    let status = if share_done >= 1.0 {
        Status::Achieved
    } else if last_year >= target_year {
        Status::OffTrack
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
        Status::OffTrack
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
