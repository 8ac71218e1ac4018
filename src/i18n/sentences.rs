//! Sentences built from data, in both languages.

use super::labels::*;
use super::{value, with_unit, Lang};
use crate::model::{Indicator, Observation, Period, Target, TargetKind};

/// "≤ 25 μg/m³ by 2025" / "2025年 ≤ 25 μg/m³".
pub fn target_phrase(lang: Lang, ind: &Indicator, t: &Target) -> String {
    let Some(v) = t.value else {
        return lang.pick(&t.wording).to_string();
    };
    let amount = match t.kind {
        TargetKind::ReduceByPercent => {
            let reference = t.reference_year.unwrap_or(2020);
            return match lang {
                Lang::Zh => format!("{}年较{reference}年下降{}%", t.year, value(v)),
                Lang::En => format!("{}% lower than {reference} by {}", value(v), t.year),
            };
        }
        TargetKind::CumulativeTotal => {
            let total = with_unit(lang, ind.unit, v);
            return match lang {
                Lang::Zh => format!("2021—{}年累计 {total}", t.year),
                Lang::En => format!("{total} in total over 2021–{}", t.year),
            };
        }
        kind => format!("{} {}", target_symbol(kind), with_unit(lang, ind.unit, v)),
    };
    match lang {
        Lang::Zh => format!("{}年 {amount}", t.year),
        Lang::En => format!("{amount} by {}", t.year),
    }
}

/// A published figure with its qualifiers: "≥ 91%", "25 μg/m³ (Jan–Nov)".
pub fn observation_text(lang: Lang, ind: &Indicator, o: &Observation) -> String {
    let figure = match (o.value, &o.text) {
        (Some(v), _) => format!(
            "{}{}",
            bound_prefix(lang, o.bound),
            with_unit(lang, ind.unit, v)
        ),
        (None, Some(t)) => lang.pick(t).to_string(),
        (None, None) => String::new(),
    };
    match &o.period {
        Period::FullYear => figure,
        Period::Partial { label } | Period::PointInTime { label } | Period::MultiYear { label } => {
            super::paren(lang, &figure, lang.pick(label))
        }
    }
}

/// "Failed to load data/…/AIR-02.json: HTTP 404 Not Found".
pub fn load_failed(lang: Lang, url: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法加载 {url}：{why}"),
        Lang::En => format!("Could not load {url}: {why}"),
    }
}
