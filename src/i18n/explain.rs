//! Plain-language explanations of a status: the one-sentence answer a citizen
//! reads first, why the status is what it is, and the arithmetic step by step.

use super::labels::*;
use super::{number, observation_text, target_phrase, with_unit, Lang};
use crate::model::{Arithmetic, Assessment, Direction, Indicator, Pace, Point, Status};

pub(super) fn pct(share: f64) -> String {
    format!("{}%", number(share * 100.0, 0))
}

pub(super) fn pace_name(lang: Lang, pace: Pace) -> &'static str {
    match pace {
        Pace::OnTrack => lang.of("进展顺利", "on track"),
        Pace::NeedsAcceleration => lang.of("需要加快", "needs to speed up"),
        Pace::LimitedProgress => lang.of("进展有限", "limited progress"),
        Pace::Deterioration => lang.of("不进反退", "moving away from the target"),
    }
}

/// The bands of the method, for the arithmetic panel.
pub fn pace_bands(lang: Lang) -> &'static str {
    lang.of(
        "≥95% 进展顺利；60%–95% 需要加快；0–60% 进展有限；小于0 不进反退",
        "≥ 95% on track; 60–95% needs to speed up; 0–60% limited progress; below 0 moving away",
    )
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

/// The first sentence of an indicator page: where things stand, in plain words.
/// "In 2024, PM2.5 was 25.7 μg/m³. Within the 2025 target of ≤ 25 μg/m³? No: 0.7 above it."
pub fn headline_sentence(lang: Lang, ind: &Indicator, a: &Assessment) -> String {
    let name = name_in_sentence(lang, lang.pick(&ind.name));
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
            (Lang::En, true, true) => format!("Yes: {gap} below it."),
            (Lang::En, true, false) => format!("Yes: {gap} above it."),
            (Lang::En, false, true) => format!("No: {gap} above it."),
            (Lang::En, false, false) => format!("No: {gap} short."),
        };
        return match lang {
            Lang::Zh => {
                format!("{}年{name}为{}。达到{target_year}年目标（{t}）了吗？{answer}", latest.year, v(latest.value))
            }
            Lang::En => format!(
                "In {}, {name} was {}. Within the {target_year} target of {t}? {answer}",
                latest.year,
                v(latest.value)
            ),
        };
    }
    match &a.arithmetic {
        Some(Arithmetic::Cumulative { first_year, last_year, sum, target, share_done, .. }) => match lang {
            Lang::Zh => format!(
                "{first_year}—{last_year}年{name}累计{}，达到{target_year}年前累计目标{}的{}。",
                v(*sum),
                v(*target),
                pct(*share_done)
            ),
            Lang::En => format!(
                "{name}: {} in total over {first_year}–{last_year}, {} of the {} to reach by {target_year}.",
                v(*sum),
                pct(*share_done),
                v(*target)
            ),
        },
        Some(Arithmetic::Reduction { reference_year, latest, target, .. }) => match lang {
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
        },
        _ => no_judgement_sentence(lang, ind, a.status),
    }
}

/// When nothing is judged: what is known, and what the goal is.
fn no_judgement_sentence(lang: Lang, ind: &Indicator, status: Status) -> String {
    let latest = ind.latest_observation().map(|o| (o.year, observation_text(lang, ind, o)));
    let target = ind.target.as_ref().map(|t| target_phrase(lang, ind, t));
    let known = match (lang, &latest) {
        (Lang::Zh, Some((y, text))) => format!("最新公开情况（{y}年）：{text}。"),
        (Lang::En, Some((y, text))) => format!("Latest published ({y}): {text}."),
        (Lang::Zh, None) => "尚未找到规划期内的公开数值。".to_string(),
        (Lang::En, None) => "No value for the plan period has been published.".to_string(),
    };
    match (lang, status, target) {
        (_, Status::NotAssessable(crate::model::Reason::NoTarget), _) | (_, _, None) => known,
        (Lang::Zh, _, Some(t)) => format!("目标：{t}。{known}"),
        (Lang::En, _, Some(t)) => format!("Target: {t}. {known}"),
    }
}

/// Why the status is what it is, in one or two plain sentences.
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
        (Some(Arithmetic::Pace { baseline, ratio, pace, .. }), _) => match (lang, pace) {
            (Lang::Zh, Pace::Deterioration) => format!("与{}年相比，数值朝远离目标的方向变化。", baseline.year),
            (Lang::En, Pace::Deterioration) => format!("Since {}, it has moved away from the target.", baseline.year),
            (Lang::Zh, _) => format!(
                "自{}年以来的实际速度是达标所需速度的{}：{}。",
                baseline.year,
                pct(*ratio),
                pace_name(lang, *pace)
            ),
            (Lang::En, _) => format!(
                "Since {}, it has moved at {} of the pace needed to reach the target in time: {}.",
                baseline.year,
                pct(*ratio),
                pace_name(lang, *pace)
            ),
        },
        (
            Some(
                Arithmetic::Cumulative { share_done, share_elapsed, .. }
                | Arithmetic::Reduction { share_done, share_elapsed, .. },
            ),
            status,
        ) => {
            let done = share_done >= &1.0;
            match (lang, done, status) {
                (Lang::Zh, true, _) => "累计已达到目标。".to_string(),
                (Lang::En, true, _) => "The cumulative target is reached.".to_string(),
                (Lang::Zh, false, _) => {
                    format!("已完成目标的{}，而规划期已过{}。", pct(*share_done), pct(*share_elapsed))
                }
                (Lang::En, false, _) => format!(
                    "{} of the target is done, with {} of the period gone.",
                    pct(*share_done),
                    pct(*share_elapsed)
                ),
            }
        }
        (None, _) => String::new(),
    }
}
