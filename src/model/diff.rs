//! The difference between two releases (native only: `sitegen publish` computes
//! it, `sitegen check` recomputes it): the `changes` recorded for a release, and
//! the `revised` mark on each figure that differs from the previous release's.
//! What each kind of change means is said in `model::changes`.
//!
//! Both releases are compared in their public forms, so maintainers' notes never
//! count. The result is deterministic: indicators in the current release's order
//! (removed ones after, in the previous order), within an indicator its target,
//! then its figures by place (baseline first, then by year, basis and period),
//! then its other details; source entries last, by key.

use super::changes::*;
use super::dataset::Dataset;
use super::types::*;

/// Where an observation is in its indicator.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Loc {
    Baseline,
    Value(usize),
}

fn get(ind: &Indicator, loc: Loc) -> Option<&Observation> {
    match loc {
        Loc::Baseline => ind.baseline.as_ref(),
        Loc::Value(i) => ind.values.get(i),
    }
}

fn get_mut(ind: &mut Indicator, loc: Loc) -> Option<&mut Observation> {
    match loc {
        Loc::Baseline => ind.baseline.as_mut(),
        Loc::Value(i) => ind.values.get_mut(i),
    }
}

fn observations(ind: &Indicator) -> impl Iterator<Item = (Loc, &Observation)> {
    let baseline = ind.baseline.iter().map(|o| (Loc::Baseline, o));
    baseline.chain(ind.values.iter().enumerate().map(|(i, o)| (Loc::Value(i), o)))
}

/// The place of a figure: what matches it across releases.
fn place(ind: &Indicator, loc: Loc, o: &Observation) -> FigureAt {
    FigureAt {
        year: o.year,
        basis: o.basis_or(ind.headline_basis.as_ref()).cloned(),
        period: o.period.clone(),
        baseline: loc == Loc::Baseline,
        alternative: o.alternative.is_some(),
    }
}

/// What the reader sees of an observation's figure.
pub fn figure(o: &Observation) -> Figure {
    Figure { value: o.value, bound: o.bound, text: o.text.clone() }
}

fn cited(o: &Observation) -> Cited {
    Cited { figure: figure(o), source: o.source.clone() }
}

/// The public details of a kept figure that are neither its place, its figure
/// nor its source.
fn details(o: &Observation) -> (&Vec<SourceKey>, &Option<Text>, &Option<Text>) {
    (&o.also, &o.alternative, &o.note)
}

/// A place with the figure each release has there (either may have none).
struct Pair {
    at: FigureAt,
    previous: Option<Loc>,
    current: Option<Loc>,
}

/// Orders places: baseline first, then year, basis, period, alternatives last.
fn place_order(at: &FigureAt) -> (bool, i32, String, u8, String, bool) {
    let (rank, label) = match &at.period {
        Period::FullYear => (0, ""),
        Period::Partial { label } => (1, label.zh.as_str()),
        Period::PointInTime { label } => (2, label.zh.as_str()),
        Period::MultiYear { label } => (3, label.zh.as_str()),
    };
    let basis = at.basis.as_ref().map_or(String::new(), |b| b.0.clone());
    (!at.baseline, at.year, basis, rank, label.to_string(), at.alternative)
}

/// Matches the figures of two versions of an indicator by place. Where a place
/// holds several figures, those credited to the same source are matched first,
/// then the rest in order.
fn pairs(previous: &Indicator, current: &Indicator) -> Vec<Pair> {
    let prev: Vec<(Loc, &Observation, FigureAt)> =
        observations(previous).map(|(l, o)| (l, o, place(previous, l, o))).collect();
    let cur: Vec<(Loc, &Observation, FigureAt)> =
        observations(current).map(|(l, o)| (l, o, place(current, l, o))).collect();
    let mut taken = vec![false; prev.len()];
    let mut matched: Vec<Option<usize>> = vec![None; cur.len()];
    for same_source in [true, false] {
        for (ci, (_, co, cat)) in cur.iter().enumerate() {
            if matched[ci].is_some() {
                continue;
            }
            let found = prev
                .iter()
                .enumerate()
                .position(|(pi, (_, po, pat))| !taken[pi] && pat == cat && (!same_source || po.source == co.source));
            if let Some(pi) = found {
                taken[pi] = true;
                matched[ci] = Some(pi);
            }
        }
    }
    let mut out: Vec<Pair> = cur
        .iter()
        .zip(&matched)
        .map(|((cl, _, at), m)| Pair { at: at.clone(), previous: m.map(|pi| prev[pi].0), current: Some(*cl) })
        .collect();
    let removed = prev.iter().zip(&taken).filter(|(_, t)| !**t);
    out.extend(removed.map(|((pl, _, at), _)| Pair { at: at.clone(), previous: Some(*pl), current: None }));
    out.sort_by_key(|p| place_order(&p.at));
    out
}

/// A target's terms: everything but its note and corroborating sources.
fn terms(t: &Target) -> Target {
    Target { also: Vec::new(), note: None, curator_note: None, ..t.clone() }
}

/// The changes to one indicator that both releases have.
fn indicator_changes(prev: &Indicator, cur: &Indicator, out: &mut Vec<Change>) {
    let id = &cur.id;
    let mut target_details = false;
    match (&prev.target, &cur.target) {
        (Some(a), Some(b)) if terms(a) == terms(b) => target_details = a != b,
        (None, None) => {}
        (from, to) => out.push(Change::TargetChanged { indicator: id.clone(), from: from.clone(), to: to.clone() }),
    }
    let (mut baseline_details, mut values_details) = (false, false);
    for pair in pairs(prev, cur) {
        let p = pair.previous.and_then(|l| get(prev, l));
        let c = pair.current.and_then(|l| get(cur, l));
        let change = |from: Option<&Observation>, to: Option<&Observation>| ValueChange {
            indicator: id.clone(),
            at: pair.at.clone(),
            from: from.map(cited),
            to: to.map(cited),
        };
        match (p, c) {
            (None, Some(c)) => out.push(Change::ValueAdded(change(None, Some(c)))),
            (Some(p), None) => out.push(Change::ValueRemoved(change(Some(p), None))),
            (Some(p), Some(c)) if figure(p) != figure(c) && p.source == c.source => {
                out.push(Change::ValueCorrected(change(Some(p), Some(c))))
            }
            (Some(p), Some(c)) if figure(p) != figure(c) => out.push(Change::ValueChanged(change(Some(p), Some(c)))),
            (Some(p), Some(c)) if p.source != c.source => out.push(Change::SourceReplaced(change(Some(p), Some(c)))),
            (Some(p), Some(c)) if details(p) != details(c) => {
                if pair.at.baseline {
                    baseline_details = true;
                } else {
                    values_details = true;
                }
            }
            _ => {}
        }
    }
    use IndicatorField as F;
    let fields: Vec<IndicatorField> = [
        (F::Name, prev.name != cur.name),
        (F::Area, prev.area != cur.area),
        (F::Role, prev.role != cur.role),
        (F::Headline, prev.headline != cur.headline),
        (F::Unit, prev.unit != cur.unit),
        (F::Direction, prev.direction != cur.direction),
        (F::PlanRef, prev.plan_ref != cur.plan_ref),
        (F::Bases, prev.bases != cur.bases),
        (F::HeadlineBasis, prev.headline_basis != cur.headline_basis),
        (F::Target, target_details),
        (F::OtherTargets, prev.other_targets != cur.other_targets),
        (F::Baseline, baseline_details),
        (F::Values, values_details),
        (F::Notes, prev.notes != cur.notes),
        (F::Publication, prev.publication != cur.publication),
        (F::Evidence, prev.evidence != cur.evidence),
    ]
    .into_iter()
    .filter_map(|(f, differs)| differs.then_some(f))
    .collect();
    if !fields.is_empty() {
        out.push(Change::DetailsChanged { indicator: id.clone(), fields });
    }
}

/// The public fields in which two versions of a source entry differ.
fn source_fields(a: &Source, b: &Source) -> Vec<SourceField> {
    use SourceField as F;
    [
        (F::Publisher, a.publisher != b.publisher),
        (F::Title, a.title != b.title),
        (F::Date, a.date != b.date),
        (F::Url, a.url != b.url),
        (F::Tier, a.tier != b.tier),
        (F::ReprintedBy, a.reprinted_by != b.reprinted_by),
        (F::UnsafeSite, a.unsafe_site != b.unsafe_site),
        (F::Note, a.note != b.note),
    ]
    .into_iter()
    .filter_map(|(f, differs)| differs.then_some(f))
    .collect()
}

/// Every public difference from `previous` to `current`.
pub fn diff(previous: &Dataset, current: &Dataset) -> Vec<Change> {
    let (previous, current) = (previous.public(), current.public());
    let mut out = Vec::new();
    for cur in &current.indicators {
        match previous.indicators.iter().find(|p| p.id == cur.id) {
            Some(prev) => indicator_changes(prev, cur, &mut out),
            None => out.push(Change::IndicatorAdded { indicator: cur.id.clone(), name: cur.name.clone() }),
        }
    }
    for prev in &previous.indicators {
        if !current.indicators.iter().any(|c| c.id == prev.id) {
            out.push(Change::IndicatorRemoved { indicator: prev.id.clone(), name: prev.name.clone() });
        }
    }
    for (key, cur) in &current.sources {
        let Some(prev) = previous.sources.get(key) else { continue };
        let fields = source_fields(prev, cur);
        if !fields.is_empty() {
            out.push(Change::SourceChanged { source: key.clone(), title: cur.title.clone(), fields });
        }
    }
    out
}

/// `current` with every figure's `revised` mark set from `previous` (the
/// release before it; none for a first release): a figure that reads
/// differently from the previous release's figure at its place is marked as
/// revised in `current`'s release; one that reads the same keeps the previous
/// figure's mark; any other has none.
pub fn revise(previous: Option<&Dataset>, current: &Dataset) -> Dataset {
    let mut out = current.clone();
    for ind in &mut out.indicators {
        let prev = previous.and_then(|p| p.indicators.iter().find(|i| i.id == ind.id));
        let marks: Vec<(Loc, Option<String>)> = match prev {
            None => observations(ind).map(|(l, _)| (l, None)).collect(),
            Some(prev) => pairs(prev, ind)
                .into_iter()
                .filter_map(|pair| {
                    let c = get(ind, pair.current?)?;
                    let mark = match pair.previous.and_then(|l| get(prev, l)) {
                        Some(p) if figure(p) != figure(c) => Some(current.release.release.clone()),
                        Some(p) => p.revised.clone(),
                        None => None,
                    };
                    Some((pair.current?, mark))
                })
                .collect(),
        };
        for (loc, mark) in marks {
            if let Some(o) = get_mut(ind, loc) {
                o.revised = mark;
            }
        }
    }
    out
}

#[cfg(test)]
#[path = "diff_tests.rs"]
mod tests;
