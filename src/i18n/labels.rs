//! Names of the domain vocabularies in both languages.

use super::Lang;
use crate::model::{Area, Bound, Reason, Status, TargetKind, Tier, Trend, Unit};
use crate::present::Group;

/// The place the whole dataset covers (for search engines' structured data).
pub fn dataset_place(lang: Lang) -> &'static str {
    lang.of("中国甘肃省", "Gansu Province, China")
}

pub fn area_name(lang: Lang, area: Area) -> &'static str {
    match area {
        Area::Air => lang.of("大气", "Air"),
        Area::Water => lang.of("水", "Water"),
        Area::Soil => lang.of("土壤与农村", "Soil and rural"),
        Area::Waste => lang.of("固体废物", "Waste"),
        Area::Carbon => lang.of("碳排放与能源", "Carbon and energy"),
        Area::Ecology => lang.of("生态", "Ecology"),
        Area::Governance => lang.of("环境治理", "Governance"),
    }
}

/// Short unit symbol for numbers in charts, tables and cards.
pub fn unit_symbol(lang: Lang, unit: Unit) -> &'static str {
    match unit {
        Unit::Percent => "%",
        Unit::UgM3 => "μg/m³",
        Unit::Tonnes => lang.of("吨", "t"),
        Unit::Count => lang.of("次", ""),
        Unit::Years => lang.of("年", "years"),
        Unit::WanKw => lang.of("万千瓦", "×10⁴ kW"),
        Unit::YiKwh => lang.of("亿千瓦时", "×10⁸ kWh"),
        Unit::WanMu => lang.of("万亩", "×10⁴ mu"),
        Unit::YiM3 => lang.of("亿立方米", "×10⁸ m³"),
        Unit::YiYuan => lang.of("亿元", "×10⁸ yuan"),
        Unit::Villages => lang.of("个行政村", "villages"),
        Unit::Parks => lang.of("个", "parks"),
        Unit::Tasks => lang.of("项", "tasks"),
        Unit::Cases => lang.of("件", "cases"),
        Unit::Units => lang.of("个", "units"),
        Unit::Index => "",
        Unit::None => "",
    }
}

/// A difference between two values: percentages differ by percentage points.
pub fn difference(lang: Lang, unit: Unit, v: f64) -> String {
    match unit {
        Unit::Percent => match lang {
            Lang::Zh => format!("{}个百分点", super::value(v)),
            Lang::En => format!("{} percentage points", super::value(v)),
        },
        _ => with_unit(lang, unit, v),
    }
}

/// An indicator name inside an English sentence: "Forest cover" → "forest
/// cover", while names that start with an acronym ("PM2.5", "CO2") keep it.
pub fn name_in_sentence(lang: Lang, name: &str) -> String {
    let mut chars = name.chars();
    match (lang, chars.next(), chars.next()) {
        (Lang::En, Some(a), Some(b)) if a.is_uppercase() && b.is_lowercase() => {
            a.to_lowercase().chain(name.chars().skip(1)).collect()
        }
        _ => name.to_string(),
    }
}

/// A value with its unit: "25.7 μg/m³", "93.8%".
pub fn with_unit(lang: Lang, unit: Unit, v: f64) -> String {
    let n = super::value(v);
    match unit_symbol(lang, unit) {
        "" => n,
        "%" => format!("{n}%"),
        u => format!("{n} {u}"),
    }
}

/// "（据2024年）" / " (2024 figure)": the year a status is based on, said on the badge.
pub fn status_year(lang: Lang, year: i32) -> String {
    match lang {
        Lang::Zh => format!("（据{year}年）"),
        Lang::En => format!(" ({year} figure)"),
    }
}

pub fn status_name(lang: Lang, status: Status) -> &'static str {
    match status {
        Status::Achieved => lang.of("已达标", "Target met"),
        Status::OnTrack => lang.of("进展顺利", "On track"),
        Status::AtRisk => lang.of("需要加快", "Needs to speed up"),
        Status::OffTrack => lang.of("进展落后", "Off track"),
        Status::Missed => lang.of("未达标", "Target missed"),
        Status::NotAssessable(Reason::NoTarget) => lang.of("背景数据", "Context figure"),
        Status::NotAssessable(_) => lang.of("无法判断", "Not assessable"),
        Status::NoData => lang.of("暂无数据", "No data yet"),
    }
}

/// A group of goals as the counts and filters name it: the status's name, or,
/// after the target year, "provisional".
pub fn group_name(lang: Lang, group: Group) -> &'static str {
    match group {
        Group::Status(s) => status_name(lang, s),
        Group::Provisional => lang.of("暂定：2025年数值未找到", "Provisional: no 2025 figure found"),
    }
}

pub fn group_icon(group: Group) -> &'static str {
    match group {
        Group::Status(s) => status_icon(s),
        Group::Provisional => "…",
    }
}

/// The word before a provisional status on its badge.
pub fn provisional_prefix(lang: Lang) -> &'static str {
    lang.of("暂定：", "Provisional: ")
}

/// A status as the CSV names it: its key (as in `?status=`), and its name in
/// Chinese and English, the words of the badges.
pub fn status_columns(status: Status) -> [&'static str; 3] {
    [status.key(), status_name(Lang::Zh, status), status_name(Lang::En, status)]
}

/// A symbol for each status, so status is never told by colour alone.
pub fn status_icon(status: Status) -> &'static str {
    match status {
        Status::Achieved => "✓",
        Status::OnTrack => "↗",
        Status::AtRisk => "!",
        Status::OffTrack | Status::Missed => "✕",
        Status::NotAssessable(Reason::NoTarget) => "ⓘ",
        Status::NotAssessable(_) => "?",
        Status::NoData => "–",
    }
}

pub fn reason_text(lang: Lang, reason: Reason) -> &'static str {
    match reason {
        Reason::NoTarget => lang.of(
            "规划未对该项设定目标，仅作背景参考。",
            "The plan sets no target for this figure; it is shown for context.",
        ),
        Reason::Qualitative => lang.of(
            "目标是文字承诺，没有可以比较的数字。",
            "The target is a commitment in words, with no number to compare against.",
        ),
        Reason::NoBaseline => lang.of(
            "没有2020年基准值，无法计算进度是否够快。",
            "There is no 2020 baseline to measure the pace from.",
        ),
        Reason::BasisBreak => lang.of(
            "2020年基准与最新数值的统计口径不同，不能据此计算进度是否够快。",
            "The 2020 baseline and the latest value are on different bases, so the pace cannot be measured between them.",
        ),
        Reason::OnlyPartialYear => lang.of(
            "只有非全年的数值，不能据此判断全年目标。",
            "Only part-year figures exist; they cannot settle a full-year target.",
        ),
        Reason::OnlyOtherBasis => lang.of(
            "只有其他口径、范围或近似指标的数值，不能据此判断目标。",
            "Only figures on another basis, scope or proxy exist; they cannot settle the target.",
        ),
        Reason::OnlyBound => lang.of(
            "最新数值只是一个范围（如“以上”），不足以判断是否达标。",
            "The latest figure is only a bound (such as “at least”), which does not settle the target.",
        ),
        Reason::TooFewYears => lang.of(
            "五年累计目标目前只有一个年度的数值；各年数量起伏较大，至少要有两个年度才判断进度。",
            "This five-year total has one year's figure so far; yearly amounts vary a lot, so the pace is judged from two years on.",
        ),
        Reason::DataDoubt => lang.of(
            "数据存疑：单一年份的数值已超过五年累计目标，可能是数值或目标的单位有误，不据此判断。",
            "Data in doubt: one year's figure is larger than the whole five-year target, so the figure or the target's unit may be wrong; nothing is judged from it.",
        ),
        Reason::IncompleteYears => lang.of(
            "累计目标需要自2021年起每年的数值，目前缺少部分年份。",
            "A cumulative target needs every year's figure from 2021; some years are missing.",
        ),
    }
}

pub fn trend_name(lang: Lang, trend: Trend) -> &'static str {
    match trend {
        Trend::Improving => lang.of("在改善", "improving"),
        Trend::LittleChange => lang.of("变化不大", "little change"),
        Trend::Worsening => lang.of("在变差", "getting worse"),
        Trend::Rising => lang.of("上升", "rising"),
        Trend::Falling => lang.of("下降", "falling"),
    }
}

pub fn tier_name(lang: Lang, tier: Tier) -> &'static str {
    match tier {
        Tier::OfficialDocument => lang.of("官方文件", "Official document"),
        Tier::OfficialMedia => lang.of("官方媒体", "Official media"),
        Tier::Reprint => lang.of("非官方转载", "Unofficial reprint"),
    }
}

/// The comparison a target makes, as a symbol before its number.
pub fn target_symbol(kind: TargetKind) -> &'static str {
    match kind {
        TargetKind::AtLeast => "≥",
        TargetKind::AtMost => "≤",
        TargetKind::ReduceByPercent => "−",
        TargetKind::CumulativeTotal => "Σ",
        TargetKind::Qualitative => "",
    }
}

pub fn bound_prefix(lang: Lang, bound: Option<Bound>) -> &'static str {
    match bound {
        Some(Bound::AtLeast) => "≥",
        Some(Bound::AtMost) => "≤",
        Some(Bound::About) => lang.of("约", "≈"),
        None => "",
    }
}
