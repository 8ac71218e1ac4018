//! Change-only trends, as goal-free indicator frameworks report them: is a value
//! improving, changing little or getting worse, since the baseline and between
//! the last two comparable values? Used beside every status, and alone for
//! context figures.

use super::types::*;

/// Change since the baseline or between the last two values, ignoring targets.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trend {
    Improving,
    LittleChange,
    Worsening,
    /// For indicators where neither direction is better.
    Rising,
    Falling,
}

/// Change slower than this share of the earlier value per year is "little change"
/// (Eurostat's 1 % threshold for indicators without targets).
pub const LITTLE_CHANGE_PER_YEAR: f64 = 0.01;
/// For percentages, which cannot grow by a share of themselves for long near 100 %,
/// the threshold is in percentage points per year instead.
pub const LITTLE_CHANGE_PP_PER_YEAR: f64 = 0.5;

/// Classifies the change from `a` to `b`.
pub fn trend(a: Point, b: Point, unit: Unit, direction: Direction) -> Trend {
    let delta = b.value - a.value;
    let years = f64::from((b.year - a.year).max(1));
    let little = if unit.is_percent() {
        (delta / years).abs() < LITTLE_CHANGE_PP_PER_YEAR
    } else if a.value == 0.0 {
        delta == 0.0
    } else {
        (delta / a.value.abs() / years).abs() < LITTLE_CHANGE_PER_YEAR
    };
    match (little, direction) {
        (true, _) => Trend::LittleChange,
        (false, Direction::Neutral) if delta > 0.0 => Trend::Rising,
        (false, Direction::Neutral) => Trend::Falling,
        (false, d) if delta * d.sign() > 0.0 => Trend::Improving,
        (false, _) => Trend::Worsening,
    }
}

pub(crate) type TrendSpan = Option<(Point, Point, Trend)>;

pub(crate) fn trends(points: &[Point], unit: Unit, direction: Direction) -> (TrendSpan, TrendSpan) {
    let span = |a: Point, b: Point| Some((a, b, trend(a, b, unit, direction)));
    match points {
        [] | [_] => (None, None),
        [first, .., prev, last] => (span(*first, *last), span(*prev, *last)),
        [first, last] => (span(*first, *last), span(*first, *last)),
    }
}
