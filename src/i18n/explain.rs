//! Plain-language explanations of a status: the one-sentence answer a citizen
//! reads first, why the status is what it is, and the arithmetic step by step.

use super::labels::*;
use super::{number, observation_text, paren, target_phrase, with_unit, Lang};
use crate::model::{Arithmetic, Assessment, BasisId, Direction, Indicator, Pace, Period, Point, Reason, Status};

pub(super) fn pct(share: f64) -> String {
    format!("{}%", number(share * 100.0, 0))
}

/// Which band of the method a pace ratio falls in, as a step towards the status:
/// "低于60%" / "below 60%".
pub(super) fn pace_band(lang: Lang, ratio: f64) -> &'static str {
    match Pace::from_ratio(ratio) {
        Pace::OnTrack => lang.of("不低于95%", "95% or more"),
        Pace::NeedsAcceleration => lang.of("60%–95%", "60–95%"),
        Pace::LimitedProgress => lang.of("低于60%", "below 60%"),
        Pace::Deterioration => lang.of("低于0，朝远离目标的方向", "below 0, moving away from the target"),
    }
}

/// The bands of the method, named with the statuses the badges show.
pub fn pace_bands(lang: Lang) -> String {
    let name = |s| status_name(lang, s);
    match lang {
        Lang::Zh => format!(
            "不低于95% → {}；60%–95% → {}；低于60%（含朝远离目标的方向变化）→ {}",
            name(Status::OnTrack),
            name(Status::AtRisk),
            name(Status::OffTrack)
        ),
        Lang::En => format!(
            "95% or more → {}; 60–95% → {}; below 60% (or moving away) → {}",
            name(Status::OnTrack),
            name(Status::AtRisk),
            name(Status::OffTrack)
        ),
    }
}

/// "≤ 25 μg/m³": the target's comparison and number, without the year.
pub(super) fn target_short(lang: Lang, ind: &Indicator) -> String {
    match &ind.target {
        Some(t) => match t.value {
            Some(v) => format!("{} {}", target_symbol(t.kind), with_unit(lang, ind.unit, v)),
            None => lang.pick(&t.wording).to_string(),
        },
        None => String::new(),
    }
}

/// The latest judged value and its margin to a level target (positive = inside).
fn level_facts(ind: &Indicator, a: &Assessment) -> Option<(Point, f64)> {
    let sign = ind.direction.sign();
    match a.arithmetic.as_ref()? {
        Arithmetic::Level { latest, margin, .. } | Arithmetic::Slipped { latest, margin, .. } => {
            Some((*latest, *margin))
        }
        Arithmetic::Pace { latest, target, .. } => Some((*latest, (latest.value - target) * sign)),
        _ => None,
    }
}

/// The indicator's name in a sentence, with the basis it is measured on when
/// that matters: the indicator has several bases, or the figure is a proxy.
fn name_on_basis(lang: Lang, ind: &Indicator, basis: Option<&BasisId>) -> String {
    let name = name_in_sentence(lang, lang.pick(&ind.name));
    match basis.and_then(|b| ind.basis(b)).filter(|b| b.proxy || ind.bases.len() > 1) {
        Some(b) => paren(lang, &name, lang.pick(&b.label)),
        None => name,
    }
}

/// The first sentence of an indicator page: where things stand, in plain words.
/// It states a verdict only when the assessment has one, and always the same one
/// as the status badge: "In 2024, PM2.5 was 25.7 μg/m³. Meets the 2025 target
/// (≤ 25 μg/m³)? No: 0.7 μg/m³ above it."
pub fn headline_sentence(lang: Lang, ind: &Indicator, a: &Assessment) -> String {
    let mut sentence = match a.status {
        Status::NotAssessable(_) | Status::NoData => no_judgement_sentence(lang, ind, a),
        _ => judged_sentence(lang, ind, a).unwrap_or_else(|| no_judgement_sentence(lang, ind, a)),
    };
    if let Some(extra) = newer_part_year(lang, ind, a) {
        sentence.push_str(lang.of("", " "));
        sentence.push_str(&extra);
    }
    sentence
}

fn judged_sentence(lang: Lang, ind: &Indicator, a: &Assessment) -> Option<String> {
    let name = name_on_basis(lang, ind, a.basis.as_ref());
    let v = |x: f64| with_unit(lang, ind.unit, x);
    let target_year = ind.target.as_ref().map_or(0, |t| t.year);
    if let Some((latest, margin)) = level_facts(ind, a) {
        let gap = difference(lang, ind.unit, margin.abs());
        let t = target_short(lang, ind);
        let ceiling = ind.direction == Direction::LowerBetter;
        let answer = match (lang, margin >= 0.0, ceiling) {
            (Lang::Zh, true, true) => format!("达到了：低于上限{gap}。"),
            (Lang::Zh, true, false) => format!("达到了：高出{gap}。"),
            (Lang::Zh, false, true) => format!("还没有：高出{gap}。"),
            (Lang::Zh, false, false) => format!("还没有：还差{gap}。"),
            (Lang::En, true, true) => format!("Yes, {gap} below the ceiling."),
            (Lang::En, true, false) => format!("Yes, by {gap}."),
            (Lang::En, false, true) => format!("No: {gap} above it."),
            (Lang::En, false, false) => format!("No: {gap} short."),
        };
        return Some(match lang {
            Lang::Zh => {
                format!("{}年{name}为{}。达到{target_year}年目标（{t}）了吗？{answer}", latest.year, v(latest.value))
            }
            Lang::En => format!(
                "In {}, {name} was {}. Meets the {target_year} target ({t})? {answer}",
                latest.year,
                v(latest.value)
            ),
        });
    }
    match a.arithmetic.as_ref()? {
        Arithmetic::Cumulative { first_year, last_year, sum, target, share_done, .. } => {
            let years = year_span(lang, *first_year, *last_year);
            Some(match lang {
                Lang::Zh => format!(
                    "{years}{name}累计{}，达到{target_year}年前累计目标{}的{}。",
                    v(*sum),
                    v(*target),
                    pct(*share_done)
                ),
                Lang::En => format!(
                    "{}: {} in total over {years}, {} of the {} to reach by {target_year}.",
                    capitalised(&name),
                    v(*sum),
                    pct(*share_done),
                    v(*target)
                ),
            })
        }
        Arithmetic::Reduction { reference_year, latest, target, .. } => Some(match lang {
            Lang::Zh => format!(
                "到{}年，{name}已较{reference_year}年下降{}%；目标是到{target_year}年下降{}%。",
                latest.year,
                number(latest.value, 2),
                number(*target, 2)
            ),
            Lang::En => format!(
                "By {}, {name} was {}% lower than in {reference_year}; the target is {}% lower by {target_year}.",
                latest.year,
                number(latest.value, 2),
                number(*target, 2)
            ),
        }),
        _ => None,
    }
}

/// "2021—2023年" / "2021–2023"; a single year is named once ("2021年" / "2021 only").
pub fn year_span(lang: Lang, first: i32, last: i32) -> String {
    match (lang, first == last) {
        (Lang::Zh, true) => format!("{first}年"),
        (Lang::Zh, false) => format!("{first}—{last}年"),
        (Lang::En, true) => format!("{first} only"),
        (Lang::En, false) => format!("{first}–{last}"),
    }
}

/// "2021—2023年累计" / "2021–2023 total"; one year: "2021年" / "2021 only".
pub fn running_total_span(lang: Lang, first: i32, last: i32) -> String {
    match lang {
        Lang::Zh => format!("{}累计", year_span(lang, first, last)),
        Lang::En if first == last => year_span(lang, first, last),
        Lang::En => format!("{} total", year_span(lang, first, last)),
    }
}

fn capitalised(s: &str) -> String {
    let mut chars = s.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// When nothing is judged: what is known, what the goal is, and why no verdict
/// can be given. States no verdict itself.
fn no_judgement_sentence(lang: Lang, ind: &Indicator, a: &Assessment) -> String {
    let latest = ind.latest_observation().map(|o| {
        let name = name_on_basis(lang, ind, o.basis_or(ind.headline_basis.as_ref()));
        (o.year, name, observation_text(lang, ind, o))
    });
    let known = match (lang, &latest) {
        (Lang::Zh, Some((y, name, text))) => format!("最新公开数值：{y}年{name}为{text}。"),
        (Lang::En, Some((y, name, text))) => format!("Latest published figure: {name} was {text} in {y}."),
        (Lang::Zh, None) => "尚未找到规划期内的公开数值。".to_string(),
        (Lang::En, None) => "No value for the plan period has been published.".to_string(),
    };
    let target = ind.target.as_ref().map(|t| target_phrase(lang, ind, t));
    let why = match a.status {
        Status::NotAssessable(Reason::NoTarget) | Status::NoData => None,
        Status::NotAssessable(r) => Some(reason_text(lang, r)),
        _ => None,
    };
    match (lang, target, why) {
        (_, None, _) => known,
        (Lang::Zh, Some(t), None) => format!("目标：{t}。{known}"),
        (Lang::En, Some(t), None) => format!("Target: {t}. {known}"),
        (Lang::Zh, Some(t), Some(w)) => format!("目标：{t}。{known}能否达标无法判断：{w}"),
        (Lang::En, Some(t), Some(w)) => format!("Target: {t}. {known} Whether it is met cannot be assessed: {w}"),
    }
}

/// A part-year figure newer than the year judged, said so nobody mistakes it
/// for the answer: "另有2024年1—11月数值51 μg/m³，不是全年数值，不计入判断。"
fn newer_part_year(lang: Lang, ind: &Indicator, a: &Assessment) -> Option<String> {
    let judged_year = a.judged.map(|p| p.year)?;
    let o = ind
        .values
        .iter()
        .filter(|o| o.alternative.is_none() && o.value.is_some() && o.year > judged_year)
        .filter(|o| matches!(o.period, Period::Partial { .. } | Period::MultiYear { .. }))
        .max_by_key(|o| o.year)?;
    let text = observation_text(lang, ind, o);
    Some(match lang {
        Lang::Zh => format!("另有{}年数值{text}，不是全年数值，不计入判断。", o.year),
        Lang::En => format!("A {} figure of {text} is not a full-year value and is not counted.", o.year),
    })
}

/// Why the status is what it is, in one or two plain sentences, naming the
/// status with the badge's own words.
pub fn status_reason(lang: Lang, a: &Assessment) -> String {
    match (&a.arithmetic, a.status) {
        (_, Status::NotAssessable(r)) => reason_text(lang, r).to_string(),
        (_, Status::NoData) => {
            lang.of("尚无可用于判断的公开数值。", "No published value can be used to judge it yet.").to_string()
        }
        (Some(Arithmetic::Level { met: true, latest, target_year, .. }), _) if latest.year < *target_year => match lang
        {
            Lang::Zh => format!("最新一年（{}年）已在目标范围内；目标要求到{target_year}年保持。", latest.year),
            Lang::En => {
                format!("The latest year ({}) is within the target, which has to hold in {target_year}.", latest.year)
            }
        },
        (Some(Arithmetic::Level { met: true, .. }), _) => lang.of("已达到目标。", "The target is met.").to_string(),
        (Some(Arithmetic::Level { met: false, target_year, .. }), _) => match lang {
            Lang::Zh => format!("目标年份（{target_year}年）已到，未达到目标。"),
            Lang::En => format!("The target year ({target_year}) has come and the target was missed."),
        },
        (Some(Arithmetic::Slipped { baseline, .. }), _) => match lang {
            Lang::Zh => format!("{}年时在目标范围内，最新一年超出了目标。", baseline.year),
            Lang::En => format!("It was within the target in {}, and the latest year is outside it.", baseline.year),
        },
        (Some(Arithmetic::Pace { baseline, ratio, .. }), status) => match lang {
            Lang::Zh => format!(
                "自{}年以来的实际速度是达标所需速度的{}（{}），因此为“{}”。",
                baseline.year,
                pct(*ratio),
                pace_band(lang, *ratio),
                status_name(lang, status)
            ),
            Lang::En => format!(
                "Since {}, it has moved at {} of the pace needed to reach the target in time ({}), so: {}.",
                baseline.year,
                pct(*ratio),
                pace_band(lang, *ratio),
                status_name(lang, status)
            ),
        },
        (
            Some(
                Arithmetic::Cumulative { share_done, share_elapsed, .. }
                | Arithmetic::Reduction { share_done, share_elapsed, .. },
            ),
            status,
        ) => match (lang, *share_done >= 1.0) {
            (Lang::Zh, true) => "累计已达到目标。".to_string(),
            (Lang::En, true) => "The cumulative target is reached.".to_string(),
            (Lang::Zh, false) => format!(
                "已完成目标的{}，而规划期已过{}，因此为“{}”。",
                pct(*share_done),
                pct(*share_elapsed),
                status_name(lang, status)
            ),
            (Lang::En, false) => format!(
                "{} of the target is done, with {} of the period gone, so: {}.",
                pct(*share_done),
                pct(*share_elapsed),
                status_name(lang, status)
            ),
        },
        (None, _) => String::new(),
    }
}

/// The accessible name of a progress chart: what it is about, the answer in one
/// sentence, and what is drawn.
pub fn chart_description(lang: Lang, ind: &Indicator) -> String {
    let answer = headline_sentence(lang, ind, &crate::model::assess(ind));
    let what = match lang {
        Lang::Zh => format!("{}的进展图表。", ind.name.zh),
        Lang::En => format!("Progress chart of {}.", ind.name.en),
    };
    format!("{what} {answer} {}", super::chart_summary(lang, ind))
}
