//! The "how this status was worked out" panel: the arithmetic of a status, one
//! step per line, with the numbers of this indicator.

use super::explain::{pace_band, pace_bands, pct, target_short};
use super::labels::*;
use super::{number, observation_text, paren, Lang};
use crate::model::{Arithmetic, Assessment, Indicator, Status};

/// The steps shared by cumulative totals and reductions: share done, share of
/// time gone, their ratio and its band.
fn share_steps(lang: Lang, done: (f64, f64), time: (i32, i32), shares: (f64, f64, f64)) -> [String; 4] {
    let (share_done, share_elapsed, ratio) = shares;
    [
        format!(
            "{} = {} ÷ {} = {}",
            lang.of("完成比例", "Share done"),
            number(done.0, 2),
            number(done.1, 2),
            pct(share_done)
        ),
        format!("{} = {} ÷ {} = {}", lang.of("时间进度", "Share of time gone"), time.0, time.1, pct(share_elapsed)),
        format!("{} = {} → {}", lang.of("完成 ÷ 时间", "Done ÷ time"), pct(ratio), pace_band(lang, ratio)),
        paren(lang, lang.of("判断标准", "Bands"), &pace_bands(lang)),
    ]
}

/// The last line of the panel: the status, in the badge's words, and for a
/// goal that cannot be judged, why.
fn conclusion(lang: Lang, status: Status) -> String {
    match status {
        Status::NotAssessable(r) => {
            format!("→ {}{}{}", status_name(lang, status), super::colon(lang), reason_text(lang, r))
        }
        _ => format!("→ {}", status_name(lang, status)),
    }
}

/// The arithmetic behind the status, one step per line, ending with the status.
/// A goal that cannot be judged shows what is known and why, and no margin.
pub fn arithmetic_lines(lang: Lang, ind: &Indicator, a: &Assessment) -> Vec<String> {
    let Some(arith) = &a.arithmetic else { return Vec::new() };
    let mut lines = match a.status {
        Status::NotAssessable(_) => known_lines(lang, ind),
        _ => steps(lang, ind, arith),
    };
    lines.push(conclusion(lang, a.status));
    lines
}

/// The newest published figure as published (bound and period kept), and the target.
fn known_lines(lang: Lang, ind: &Indicator) -> Vec<String> {
    let latest = ind.latest_observation().map(|o| {
        let text = observation_text(lang, ind, o);
        format!("{}{}", lang.of("最新值：", "Latest value: "), paren(lang, &text, &o.year.to_string()))
    });
    let target = ind.target.as_ref().map(|t| {
        format!("{}{}", lang.of("目标：", "Target: "), paren(lang, &target_short(lang, ind), &t.year.to_string()))
    });
    latest.into_iter().chain(target).collect()
}

fn steps(lang: Lang, ind: &Indicator, arith: &Arithmetic) -> Vec<String> {
    let v = |x: f64| with_unit(lang, ind.unit, x);
    let gap = |x: f64| difference(lang, ind.unit, x.abs());
    let rate = |x: f64| {
        let n = number(x, 3);
        match lang {
            Lang::Zh => format!("每年{n}"),
            Lang::En => format!("{n} a year"),
        }
    };
    let at_year = |x: f64, year: i32| paren(lang, &v(x), &year.to_string());
    match arith {
        Arithmetic::Level { latest, target_year, met, margin, .. } => {
            let inside = if *met {
                lang.of("在目标内", "inside the target")
            } else {
                lang.of("未达到", "outside the target")
            };
            vec![
                format!("{}{}", lang.of("最新值：", "Latest value: "), at_year(latest.value, latest.year)),
                format!(
                    "{}{}",
                    lang.of("目标：", "Target: "),
                    paren(lang, &target_short(lang, ind), &target_year.to_string())
                ),
                format!("{}{}", lang.of("差距：", "Margin: "), paren(lang, &gap(*margin), inside)),
            ]
        }
        Arithmetic::Pace { baseline, latest, target, target_year, actual_rate, required_rate, ratio, .. } => {
            let step = |label: &str, to: f64, to_year: i32, result: f64| {
                let (a, b) = (number(to, 2), number(baseline.value, 2));
                format!("{label} = ({a} − {b}) ÷ ({to_year} − {}) = {}", baseline.year, rate(result))
            };
            vec![
                format!(
                    "{}{} → {}{} → {}{}",
                    lang.of("基准 ", "Baseline "),
                    at_year(baseline.value, baseline.year),
                    lang.of("最新 ", "latest "),
                    at_year(latest.value, latest.year),
                    lang.of("目标 ", "target "),
                    at_year(*target, *target_year)
                ),
                step(lang.of("实际速度", "Actual pace"), latest.value, latest.year, *actual_rate),
                step(lang.of("所需速度", "Pace needed"), *target, *target_year, *required_rate),
                format!(
                    "{} = {} → {}",
                    lang.of("实际 ÷ 所需", "Actual ÷ needed"),
                    pct(*ratio),
                    pace_band(lang, *ratio)
                ),
                paren(lang, lang.of("判断标准", "Bands"), &pace_bands(lang)),
            ]
        }
        Arithmetic::Slipped { baseline, latest, target, margin } => vec![
            format!(
                "{}{} ({} {})",
                lang.of("基准：", "Baseline: "),
                at_year(baseline.value, baseline.year),
                lang.of("目标", "target"),
                v(*target)
            ),
            format!(
                "{}{}; {}{}",
                lang.of("最新：", "Latest: "),
                at_year(latest.value, latest.year),
                lang.of("超出目标 ", "outside the target by "),
                gap(*margin)
            ),
        ],
        Arithmetic::Cumulative {
            first_year,
            last_year,
            sum,
            target,
            target_year,
            share_done,
            share_elapsed,
            ratio,
        } => {
            let mut lines = vec![format!("{}{first_year}–{last_year}: {}", lang.of("累计 ", "Total "), v(*sum))];
            let years = (last_year - first_year + 1, target_year - first_year + 1);
            lines.extend(share_steps(lang, (*sum, *target), years, (*share_done, *share_elapsed, *ratio)));
            lines
        }
        Arithmetic::Reduction { reference_year, latest, target, target_year, share_done, share_elapsed, ratio } => {
            let mut lines = vec![format!(
                "{}{reference_year}: {}%",
                lang.of("累计下降（较）", "Cumulative cut since "),
                number(latest.value, 2)
            )];
            let years = (latest.year - reference_year, target_year - reference_year);
            lines.extend(share_steps(lang, (latest.value, *target), years, (*share_done, *share_elapsed, *ratio)));
            lines
        }
    }
}
