//! The axes of a progress chart: which years it spans and what range of values
//! it shows, so that every value, the baseline and the target are in view.

use crate::model::progress::{BASE_YEAR, PLAN_END};
use crate::model::{Indicator, TargetKind};

/// The years the x axis spans: from the earliest value or baseline to the later
/// of the target year and the latest value.
pub fn year_range(ind: &Indicator) -> Vec<i32> {
    let years = ind.baseline.iter().chain(&ind.values).map(|o| o.year);
    let target_year = ind.target.as_ref().map(|t| t.year);
    let first = years.clone().min().into_iter().chain(target_year.map(|y| y.min(BASE_YEAR))).min();
    let last = years.max().into_iter().chain(target_year).max();
    match (first, last) {
        (Some(a), Some(b)) => (a..=b).collect(),
        _ => (BASE_YEAR..=PLAN_END).collect(),
    }
}

/// The y-axis range: every value, the baseline and the target in view, with some
/// room around them. A line chart does not need zero in range; showing where the
/// numbers actually are makes a 0.3 μg/m³ change and the target line visible.
pub fn value_range(ind: &Indicator) -> Option<(f64, f64)> {
    let values = ind.baseline.iter().chain(&ind.values).filter_map(|o| o.value);
    let target = ind.target.as_ref().and_then(|t| match t.kind {
        TargetKind::AtLeast | TargetKind::AtMost | TargetKind::ReduceByPercent | TargetKind::CumulativeTotal => t.value,
        TargetKind::Qualitative => None,
    });
    let cumulative = ind.is_cumulative();
    let standard = ind.standard.as_ref().map(|s| s.value);
    let all: Vec<f64> = values.chain(target).chain(standard).collect();
    let lo = all.iter().copied().fold(f64::INFINITY, f64::min);
    let hi = all.iter().copied().fold(f64::NEG_INFINITY, f64::max);
    if !lo.is_finite() || !hi.is_finite() {
        return None;
    }
    // A running total starts from zero, so its axis does too.
    let lo = if cumulative { 0.0 } else { lo };
    let span = if hi > lo { hi - lo } else { hi.abs().max(1.0) };
    // Round the ends to half of the span's order of magnitude: 22–27, not 22.4–26.6.
    let step = 10f64.powf((span * 1.4).log10().floor()) / 2.0;
    let mut min = ((lo - span * 0.2) / step).floor() * step;
    let mut max = ((hi + span * 0.2) / step).ceil() * step;
    if lo >= 0.0 {
        min = min.max(0.0);
    }
    if ind.unit.is_percent() && hi <= 100.0 {
        max = max.min(100.0);
    }
    // Multiples of `step` carry float noise (85.07000000000001): round it away.
    let decimals = ((-step.log10().floor()).max(0.0) as i32 + 1).min(6);
    let round = |x: f64| (x * 10f64.powi(decimals)).round() / 10f64.powi(decimals);
    Some((round(min), round(max)))
}
