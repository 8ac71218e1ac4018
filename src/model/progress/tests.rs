//! Table-driven tests of the status method on the hard cases the real data holds.

use super::*;
use crate::model::trend::{trend, Trend};

fn text(s: &str) -> Text {
    Text { zh: s.into(), en: s.into() }
}

fn obs(year: i32, value: f64) -> Observation {
    Observation {
        year,
        value: Some(value),
        bound: None,
        period: Period::FullYear,
        basis: None,
        text: None,
        source: "src".into(),
        also: vec![],
        alternative: None,
        note: None,
        curator_note: None,
        revised: None,
    }
}

fn on(mut o: Observation, basis: &str) -> Observation {
    o.basis = Some(basis.into());
    o
}

fn partial(mut o: Observation) -> Observation {
    o.period = Period::Partial { label: text("1—11月") };
    o
}

fn bounded(mut o: Observation, b: Bound) -> Observation {
    o.bound = Some(b);
    o
}

fn at_date(mut o: Observation) -> Observation {
    o.period = Period::PointInTime { label: text("12月") };
    o
}

fn alt(mut o: Observation) -> Observation {
    o.alternative = Some(text("rounded"));
    o
}

fn indicator(direction: Direction, kind: TargetKind, value: Option<f64>) -> Indicator {
    Indicator {
        id: "AIR-99".into(),
        area: Area::Air,
        role: Role::Goal,
        name: text("test"),
        headline: false,
        unit: Unit::Percent,
        direction,
        plan_ref: None,
        bases: vec![],
        headline_basis: None,
        target: Some(Target {
            kind,
            value,
            year: 2025,
            reference_year: (kind == TargetKind::ReduceByPercent).then_some(2020),
            basis: None,
            wording: text("w"),
            origin: TargetOrigin::Plan,
            source: "src".into(),
            also: vec![],
            note: None,
            curator_note: None,
        }),
        other_targets: vec![],
        baseline: None,
        values: vec![],
        notes: vec![],
        publication: None,
        evidence: vec![],
        breakdown: vec![],
        standard: None,
        curator_notes: vec![],
    }
}

fn with(mut ind: Indicator, baseline: Option<Observation>, values: Vec<Observation>) -> Indicator {
    ind.baseline = baseline;
    ind.values = values;
    ind
}

fn with_bases(mut ind: Indicator, headline: &str, target_basis: Option<&str>) -> Indicator {
    for id in ["a", "b", "proxy"] {
        ind.bases.push(Basis { id: id.into(), label: text(id), proxy: id == "proxy", note: None });
    }
    ind.headline_basis = Some(headline.into());
    if let Some(t) = ind.target.as_mut() {
        t.basis = target_basis.map(BasisId::from);
    }
    ind
}

use Direction::*;
use TargetKind::*;

#[test]
fn hard_cases_from_the_real_data() {
    let cases: Vec<(&str, Indicator, Status)> = vec![
        (
            // PM2.5: 26 → 25.7 against a ceiling of 25: pace 37 % of what is needed.
            "ceiling not yet met, slow progress",
            with(
                indicator(LowerBetter, AtMost, Some(25.0)),
                Some(obs(2020, 26.0)),
                vec![
                    obs(2021, 23.0),
                    obs(2022, 26.0),
                    obs(2023, 25.8),
                    alt(obs(2023, 26.0)),
                    obs(2024, 25.7),
                    partial(obs(2024, 25.0)),
                ],
            ),
            Status::OffTrack,
        ),
        (
            // 劣Ⅴ share ≤ 1.4: 2.7 in 2022 broke it, 0 in 2024 is inside.
            "ceiling met in the latest year",
            with(
                indicator(LowerBetter, AtMost, Some(1.4)),
                Some(obs(2020, 0.0)),
                vec![obs(2021, 1.4), obs(2022, 2.7), obs(2024, 0.0)],
            ),
            Status::Achieved,
        ),
        (
            "ceiling kept in the baseline, broken in the latest year",
            with(indicator(LowerBetter, AtMost, Some(1.4)), Some(obs(2020, 0.0)), vec![obs(2022, 2.7)]),
            Status::OffTrack,
        ),
        (
            // Good-air days: baseline 93.7 almost at the 93.8 floor; a fall is deterioration.
            "baseline just short of the floor, then worse",
            with(
                indicator(HigherBetter, AtLeast, Some(93.8)),
                Some(obs(2020, 93.7)),
                vec![obs(2021, 90.2), obs(2022, 90.2)],
            ),
            Status::OffTrack,
        ),
        (
            // Good-air days after the basis switch: baseline on another basis.
            "basis break between baseline and latest",
            with_bases(
                with(
                    indicator(HigherBetter, AtLeast, Some(93.8)),
                    Some(on(obs(2020, 93.7), "a")),
                    vec![on(obs(2023, 86.4), "a"), on(obs(2023, 91.6), "b"), on(obs(2024, 92.7), "b")],
                ),
                "a",
                Some("b"),
            ),
            Status::NotAssessable(Reason::BasisBreak),
        ),
        (
            // 38 → 74 sections: the latest 74-section value is above the 74-section floor.
            "basis break but the latest value meets the target",
            with_bases(
                with(
                    indicator(HigherBetter, AtLeast, Some(94.6)),
                    Some(on(obs(2020, 100.0), "a")),
                    vec![on(obs(2021, 95.9), "b"), on(obs(2024, 98.6), "b")],
                ),
                "b",
                None,
            ),
            Status::Achieved,
        ),
        (
            "floor met by an at-least bound",
            with(indicator(HigherBetter, AtLeast, Some(90.0)), None, vec![bounded(obs(2022, 97.0), Bound::AtLeast)]),
            Status::Achieved,
        ),
        (
            // Farmland safe use "≥ 91" says nothing about a floor of 95.
            "inconclusive bound",
            with(
                indicator(HigherBetter, AtLeast, Some(95.0)),
                Some(obs(2020, 98.94)),
                vec![bounded(obs(2023, 91.0), Bound::AtLeast)],
            ),
            Status::NotAssessable(Reason::OnlyBound),
        ),
        (
            "only partial-year values",
            with(indicator(LowerBetter, AtMost, Some(55.0)), Some(obs(2020, 56.0)), vec![partial(obs(2024, 51.0))]),
            Status::NotAssessable(Reason::OnlyPartialYear),
        ),
        (
            // Non-fossil capacity share: only the wind+solar proxy is published.
            "only proxy values",
            with_bases(
                with(indicator(HigherBetter, AtLeast, Some(65.0)), None, vec![on(obs(2024, 62.2), "proxy")]),
                "a",
                None,
            ),
            Status::NotAssessable(Reason::OnlyOtherBasis),
        ),
        (
            "no value since the baseline",
            with(indicator(HigherBetter, AtLeast, Some(30.0)), Some(obs(2020, 26.0)), vec![]),
            Status::NoData,
        ),
        (
            "short of the floor without a baseline",
            with(indicator(HigherBetter, AtLeast, Some(85.0)), None, vec![obs(2022, 84.68)]),
            Status::NotAssessable(Reason::NoBaseline),
        ),
        (
            "qualitative target",
            with(indicator(HigherBetter, Qualitative, None), None, vec![]),
            Status::NotAssessable(Reason::Qualitative),
        ),
        (
            // NOx 5-year total 18,400 t; 6,285 t in the first of five years: one
            // year says too little about a five-year sum.
            "cumulative total from one year",
            with(indicator(HigherBetter, CumulativeTotal, Some(18_400.0)), None, vec![obs(2021, 6285.47)]),
            Status::NotAssessable(Reason::TooFewYears),
        ),
        (
            "cumulative total ahead of schedule after two years",
            with(
                indicator(HigherBetter, CumulativeTotal, Some(18_400.0)),
                None,
                vec![obs(2021, 6285.47), obs(2022, 4000.0)],
            ),
            Status::OnTrack,
        ),
        (
            // NH3-N: one year above the whole 5-year figure as printed: a doubt, not a success.
            "one year above the whole cumulative total",
            with(indicator(HigherBetter, CumulativeTotal, Some(300.0)), None, vec![obs(2021, 999.95)]),
            Status::NotAssessable(Reason::DataDoubt),
        ),
        (
            "cumulative total reached over the years",
            with(
                indicator(HigherBetter, CumulativeTotal, Some(300.0)),
                None,
                vec![obs(2021, 100.0), obs(2022, 120.0), obs(2023, 90.0)],
            ),
            Status::Achieved,
        ),
        (
            "cumulative total with a missing year",
            with(indicator(HigherBetter, CumulativeTotal, Some(300.0)), None, vec![obs(2022, 50.0)]),
            Status::NotAssessable(Reason::IncompleteYears),
        ),
        (
            "reduction behind schedule",
            with(indicator(HigherBetter, ReduceByPercent, Some(13.0)), None, vec![obs(2023, 4.0)]),
            Status::OffTrack,
        ),
        (
            "reduction on schedule",
            with(indicator(HigherBetter, ReduceByPercent, Some(13.0)), None, vec![obs(2022, 5.5)]),
            Status::OnTrack,
        ),
        (
            "pace needs to speed up",
            with(indicator(HigherBetter, AtLeast, Some(30.0)), Some(obs(2020, 20.0)), vec![obs(2023, 25.0)]),
            Status::AtRisk,
        ),
        (
            // Good-air days as published: the target names no basis, so the newest
            // figure's basis (dust removed) is judged, and the baseline is on the other.
            "target basis unknown: newest basis judged, pace not measured across bases",
            with_bases(
                with(
                    indicator(HigherBetter, AtLeast, Some(93.8)),
                    Some(on(obs(2020, 93.7), "a")),
                    vec![
                        on(obs(2021, 90.2), "a"),
                        on(obs(2023, 86.4), "a"),
                        on(obs(2023, 91.6), "b"),
                        on(obs(2024, 92.7), "b"),
                        partial(on(obs(2024, 89.2), "a")),
                    ],
                ),
                "a",
                None,
            ),
            Status::NotAssessable(Reason::BasisBreak),
        ),
        (
            // Non-fossil share: the only figure is from 2015, before the baseline.
            "history before the baseline is not progress",
            with(indicator(HigherBetter, AtLeast, Some(30.0)), Some(obs(2020, 26.0)), vec![obs(2015, 19.02)]),
            Status::NoData,
        ),
        (
            // Non-fossil capacity share: wind+solar readings at dates, proxy basis only.
            "proxy readings at dates",
            with_bases(
                with(
                    indicator(HigherBetter, AtLeast, Some(65.0)),
                    None,
                    vec![at_date(on(obs(2024, 62.2), "proxy")), on(obs(2023, 61.3), "proxy")],
                ),
                "a",
                None,
            ),
            Status::NotAssessable(Reason::OnlyOtherBasis),
        ),
        (
            // Rural sewage treatment: 29.98 % as of December 2024 against 25 %.
            "a reading at a date settles a level target",
            with(indicator(HigherBetter, AtLeast, Some(25.0)), None, vec![at_date(obs(2024, 29.98))]),
            Status::Achieved,
        ),
        (
            "a reading at a date is not a yearly amount",
            with(indicator(HigherBetter, CumulativeTotal, Some(300.0)), None, vec![at_date(obs(2021, 400.0))]),
            Status::NotAssessable(Reason::IncompleteYears),
        ),
        (
            "target year passed, missed",
            with(indicator(HigherBetter, AtLeast, Some(99.0)), Some(obs(2020, 90.0)), vec![obs(2025, 98.0)]),
            Status::Missed,
        ),
    ];
    for (name, ind, expected) in cases {
        assert_eq!(assess(&ind).status, expected, "case: {name}");
    }
}

#[test]
fn pm25_arithmetic_is_exposed() {
    let ind = with(indicator(LowerBetter, AtMost, Some(25.0)), Some(obs(2020, 26.0)), vec![obs(2024, 25.7)]);
    let a = assess(&ind);
    let Some(Arithmetic::Pace { actual_rate, required_rate, ratio, pace, .. }) = a.arithmetic else {
        panic!("expected the pace arithmetic, got {:?}", a.arithmetic);
    };
    assert!((actual_rate - -0.075).abs() < 1e-9);
    assert!((required_rate - -0.2).abs() < 1e-9);
    assert!((ratio - 0.375).abs() < 1e-9);
    assert_eq!(pace, Pace::LimitedProgress);
    assert_eq!(a.judged, Some(Point { year: 2024, value: 25.7 }));
    assert!((a.progress.unwrap() - 0.3).abs() < 1e-9);
}

#[test]
fn the_margin_is_signed_by_direction() {
    let ind = with(indicator(LowerBetter, AtMost, Some(25.0)), None, vec![obs(2024, 25.7)]);
    let Some(Arithmetic::Level { met, margin, .. }) = assess(&ind).arithmetic else { panic!() };
    assert!(!met);
    assert!((margin - -0.7).abs() < 1e-9, "0.7 above a ceiling is 0.7 outside");
}

#[test]
fn alternative_and_partial_values_are_never_judged() {
    let ind = with(
        indicator(LowerBetter, AtMost, Some(25.0)),
        Some(obs(2020, 26.0)),
        vec![obs(2023, 25.8), alt(obs(2024, 20.0)), partial(obs(2024, 24.0))],
    );
    assert_eq!(assess(&ind).judged, Some(Point { year: 2023, value: 25.8 }));
}

#[test]
fn trends_follow_direction_and_threshold() {
    let p = |year, value| Point { year, value };
    assert_eq!(trend(p(2020, 26.0), p(2024, 25.7), Unit::UgM3, LowerBetter), Trend::LittleChange);
    assert_eq!(trend(p(2020, 26.0), p(2024, 25.9), Unit::Percent, LowerBetter), Trend::LittleChange);
    assert_eq!(trend(p(2020, 26.0), p(2024, 23.0), Unit::UgM3, LowerBetter), Trend::Improving);
    assert_eq!(trend(p(2021, 95.9), p(2024, 98.6), Unit::Percent, HigherBetter), Trend::Improving);
    assert_eq!(trend(p(2020, 0.0), p(2022, 2.7), Unit::Percent, LowerBetter), Trend::Worsening);
    assert_eq!(trend(p(2020, 0.0), p(2024, 0.0), Unit::Percent, LowerBetter), Trend::LittleChange);
    assert_eq!(trend(p(2021, 953.0), p(2022, 1200.0), Unit::Cases, Neutral), Trend::Rising);
}

#[test]
fn trend_spans_use_baseline_and_last_two_values() {
    let ind = with(
        indicator(HigherBetter, AtLeast, Some(93.8)),
        Some(obs(2020, 93.7)),
        vec![obs(2021, 90.2), obs(2022, 90.2)],
    );
    let a = assess(&ind);
    let (from, to, t) = a.trend_since_start.unwrap();
    assert_eq!((from.year, to.year, t), (2020, 2022, Trend::Worsening));
    let (from, _, t) = a.trend_recent.unwrap();
    assert_eq!((from.year, t), (2021, Trend::LittleChange));
}

#[test]
fn context_figures_have_no_status() {
    let mut ind = with(indicator(HigherBetter, AtLeast, Some(1.0)), None, vec![obs(2022, 5.0)]);
    ind.target = None;
    ind.role = Role::Context;
    let a = assess(&ind);
    assert_eq!(a.status, Status::NotAssessable(Reason::NoTarget));
    assert!(a.arithmetic.is_none());
}

#[test]
fn a_full_year_value_wins_over_readings_at_dates() {
    let ind = with(
        indicator(HigherBetter, AtLeast, Some(65.0)),
        None,
        vec![
            at_date(obs(2024, 62.2)),
            obs(2024, 60.0),
            at_date(obs(2024, 63.0)),
            at_date(obs(2025, 65.81)),
            at_date(obs(2025, 64.0)),
        ],
    );
    let series = judged_series(&ind, None);
    let values: Vec<(i32, f64)> = series.iter().map(|j| (j.point.year, j.point.value)).collect();
    assert_eq!(values, vec![(2024, 60.0), (2025, 64.0)], "full year wins; else the last reading listed");
}

#[test]
fn the_judged_basis_is_reported() {
    let ind = with_bases(
        with(
            indicator(HigherBetter, AtLeast, Some(93.8)),
            None,
            vec![on(obs(2023, 86.4), "a"), on(obs(2024, 92.7), "b")],
        ),
        "a",
        None,
    );
    let a = assess(&ind);
    assert_eq!(a.basis, Some(BasisId::from("b")));
    let Some(Arithmetic::Level { margin, met: false, .. }) = a.arithmetic else { panic!("{:?}", a.arithmetic) };
    assert!((margin - -1.1).abs() < 1e-9);
}
