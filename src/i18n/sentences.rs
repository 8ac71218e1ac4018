//! Sentences built from data, in both languages.

use super::labels::*;
use super::{value, with_unit, Lang};
use crate::model::progress::{level_margin, BASE_YEAR, PLAN_START};
use crate::model::{Indicator, Observation, Target, TargetKind, Text, Tier};

/// "≤ 25 μg/m³ by 2025" / "2025年 ≤ 25 μg/m³".
pub fn target_phrase(lang: Lang, ind: &Indicator, t: &Target) -> String {
    let Some(v) = t.value else {
        return lang.pick(&t.wording).to_string();
    };
    let amount = match t.kind {
        TargetKind::ReduceByPercent => {
            let reference = t.reference_year.unwrap_or(BASE_YEAR);
            return match lang {
                Lang::Zh => format!("{}年较{reference}年下降{}%", t.year, value(v)),
                Lang::En => format!("{}% lower than {reference} by {}", value(v), t.year),
            };
        }
        TargetKind::CumulativeTotal => {
            let total = with_unit(lang, ind.unit, v);
            return match lang {
                Lang::Zh => format!("{PLAN_START}—{}年累计 {total}", t.year),
                Lang::En => format!("{total} in total over {PLAN_START}–{}", t.year),
            };
        }
        kind => format!("{} {}", target_symbol(kind), with_unit(lang, ind.unit, v)),
    };
    match lang {
        Lang::Zh => format!("{}年 {amount}", t.year),
        Lang::En => format!("{amount} by {}", t.year),
    }
}

/// How a charted figure stands against the target, for a reader moving through
/// the chart by keyboard: the target, and for a level (at most / at least)
/// whether this figure reaches it or by how much it falls short. A level is not
/// a verdict: the verdict is the status, judged on the target year's figure.
pub fn against_target(lang: Lang, ind: &Indicator, v: f64) -> Option<String> {
    let t = ind.target.as_ref()?;
    let phrase = target_phrase(lang, ind, t);
    let margin = match (t.kind, t.value) {
        (TargetKind::AtMost | TargetKind::AtLeast, Some(goal)) => Some(level_margin(ind, goal, v)),
        _ => None,
    };
    let level = margin.map(|m| match (lang, m >= 0.0) {
        (Lang::Zh, true) => "此值已达到目标水平".to_string(),
        (Lang::En, true) => "this figure reaches the target level".to_string(),
        (Lang::Zh, false) => format!("此值距目标水平差 {}", with_unit(lang, ind.unit, -m)),
        (Lang::En, false) => format!("this figure is {} short of the target level", with_unit(lang, ind.unit, -m)),
    });
    Some(match (lang, level) {
        (Lang::Zh, Some(level)) => format!("目标：{phrase}；{level}"),
        (Lang::En, Some(level)) => format!("Target: {phrase}; {level}"),
        (Lang::Zh, None) => format!("目标：{phrase}"),
        (Lang::En, None) => format!("Target: {phrase}"),
    })
}

/// A published figure with its qualifiers: "≥ 91%", "25 μg/m³ (Jan–Nov)".
pub fn observation_text(lang: Lang, ind: &Indicator, o: &Observation) -> String {
    let figure = match (o.value, &o.text) {
        (Some(v), _) => format!("{}{}", bound_prefix(lang, o.bound), with_unit(lang, ind.unit, v)),
        (None, Some(t)) => lang.pick(t).to_string(),
        (None, None) => String::new(),
    };
    match o.period.label() {
        None => figure,
        Some(label) => super::paren(lang, &figure, lang.pick(label)),
    }
}

/// "Failed to load data/…/AIR-02.json: HTTP 404 Not Found".
pub fn load_failed(lang: Lang, url: &str, why: &str) -> String {
    match lang {
        Lang::Zh => format!("无法加载 {url}：{why}"),
        Lang::En => format!("Could not load {url}: {why}"),
    }
}

/// "规划共52项目标：" / "52 goals in the plan:".
pub fn goals_total(lang: Lang, goals: usize) -> String {
    match lang {
        Lang::Zh => format!("规划共{goals}项可跟踪的目标，目前状态："),
        Lang::En => format!("{goals} trackable goals in the plan, where they stand:"),
    }
}

/// Under a provisional badge: why it is provisional, in plain words.
pub fn provisional_note(lang: Lang, target_year: i32, latest: i32) -> String {
    match lang {
        Lang::Zh => format!(
            "规划期已结束，但{target_year}年的数值尚未找到；最新为{latest}年，上面的状态按{latest}年判断，是暂定的。"
        ),
        Lang::En => format!(
            "The plan period has ended, but no {target_year} figure has been found yet; the latest is {latest}, so the status above is judged on {latest} and is provisional."
        ),
    }
}

/// "找到2项指标" / "2 indicators found": the search's status line.
pub fn search_found(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("找到{n}项指标"),
        (Lang::En, 1) => "1 indicator found".to_string(),
        (Lang::En, n) => format!("{n} indicators found"),
    }
}

/// "查看全部13项指标" / "See all 13 indicators".
pub fn see_all(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("查看全部{n}项指标"),
        Lang::En => format!("See all {n} indicators"),
    }
}

/// "本领域有8项目标、5项背景数据。" / "8 goals and 5 context figures."
pub fn area_goals_line(lang: Lang, goals: usize, context: usize) -> String {
    match (lang, context) {
        (Lang::Zh, 0) => format!("本领域有{goals}项目标。"),
        (Lang::Zh, c) => format!("本领域有{goals}项目标，另有{c}项背景数据。"),
        (Lang::En, 0) => format!("{goals} goals in this area."),
        (Lang::En, c) => format!("{goals} goals in this area, and {c} context figures."),
    }
}

/// A text summary of what the progress chart shows, for readers who cannot see it.
pub fn chart_summary(lang: Lang, ind: &Indicator) -> String {
    let full: Vec<&Observation> = ind.values.iter().filter(|o| o.is_headline_full_year()).collect();
    let mut parts: Vec<String> = Vec::new();
    match (full.iter().map(|o| o.year).min(), full.iter().map(|o| o.year).max()) {
        (Some(a), Some(b)) => parts.push(match lang {
            Lang::Zh => format!("线条为{a}—{b}年的{}个全年数值，缺失的年份留空", full.len()),
            Lang::En => {
                format!("lines show {} full-year values from {a} to {b}; missing years are left empty", full.len())
            }
        }),
        _ => parts.push(lang.of("没有全年数值可画线", "there are no full-year values to draw a line").to_string()),
    }
    if ind.bases.len() > 1 {
        let labels: Vec<&str> = ind.bases.iter().map(|b| lang.pick(&b.label)).collect();
        parts.push(match lang {
            Lang::Zh => format!("不同口径分别成线：{}", labels.join("；")),
            Lang::En => format!("each basis has its own line: {}", labels.join("; ")),
        });
    }
    if let Some(b) = ind.baseline.as_ref().and_then(|b| b.value.map(|v| (b.year, v))) {
        parts.push(match lang {
            Lang::Zh => format!("菱形为{}年基准（{}）", b.0, with_unit(lang, ind.unit, b.1)),
            Lang::En => format!("a diamond marks the {} baseline ({})", b.0, with_unit(lang, ind.unit, b.1)),
        });
    }
    if let Some(t) = ind.target.as_ref().filter(|t| t.value.is_some()) {
        parts.push(match lang {
            Lang::Zh => format!("绿色虚线为目标（{}）", target_phrase(lang, ind, t)),
            Lang::En => format!("a green dashed line marks the target ({})", target_phrase(lang, ind, t)),
        });
    }
    if let Some(s) = &ind.standard {
        let limit = with_unit(lang, ind.unit, s.value);
        parts.push(match lang {
            Lang::Zh => format!("橙色细实线为{}（{limit}），是参照线，不是规划目标", s.label.zh),
            Lang::En => format!(
                "a thin orange line marks the {} ({limit}), for reference, not a target of the plan",
                s.label.en
            ),
        });
    }
    if ind.values.iter().any(|o| !o.period.is_full_year() && o.value.is_some()) {
        parts.push(lang.of("空心圆为非全年数值", "hollow circles are part-year or dated readings").to_string());
    }
    match lang {
        Lang::Zh => format!("图表说明：{}。完整数值见数据表。", parts.join("；")),
        Lang::En => {
            let text = parts.join("; ");
            let mut chars = text.chars();
            let first = chars.next().map(|c| c.to_uppercase().collect::<String>()).unwrap_or_default();
            format!("{first}{}. Every value is in the data table.", chars.as_str())
        }
    }
}

/// A ready citation of one indicator, with its permalink and the data release.
pub fn indicator_citation(lang: Lang, name: &Text, permalink: &str, release: &str, accessed: &str) -> String {
    let name = lang.pick(name);
    let site = lang.t(super::Msg::SiteTitle);
    let accessed = super::date(lang, accessed);
    match lang {
        Lang::Zh => format!("“{name}”，{site}，数据版本{release}。{permalink}。访问日期：{accessed}。"),
        Lang::En => format!("“{name}”. {site}, data release {release}. {permalink}. Accessed {accessed}."),
    }
}

/// A ready citation of the site and its data release.
pub fn site_citation(lang: Lang, url: &str, release: &str, as_of: &str, accessed: &str) -> String {
    match lang {
        Lang::Zh => format!("甘肃省“十四五”生态环境保护规划目标进展（数据版本{release}，更新于{}）。{url}。访问日期：{}。", super::date(lang, as_of), super::date(lang, accessed)),
        Lang::En => format!("Gansu 14th Five-Year Eco-Environmental Plan: progress on its goals (data release {release}, updated {}). {url}. Accessed {}.", super::date(lang, as_of), super::date(lang, accessed)),
    }
}

/// "17项目标暂无数据" / "17 goals with no data yet".
pub fn missing_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("还缺什么：{n}项目标暂无数据"),
        Lang::En => format!("What is missing: {n} goals with no data yet"),
    }
}

/// The publishers a credit line names: those of the plotted values (baseline
/// and yearly figures) first, official tiers before reprints, then those of the
/// targets. Each publisher once.
pub fn credited_publishers(lang: Lang, file: &crate::model::IndicatorFile) -> Vec<&str> {
    let ind = &file.indicator;
    let value_keys = ind.baseline.iter().chain(&ind.values).flat_map(|o| std::iter::once(&o.source).chain(&o.also));
    let target_keys =
        ind.target.iter().chain(&ind.other_targets).flat_map(|t| std::iter::once(&t.source).chain(&t.also));
    let values: Vec<&crate::model::Source> = value_keys.filter_map(|k| file.sources.get(k)).collect();
    // Tier by tier, each in order of first use (a filter per tier rather than a
    // sort: the embed's wasm has no room for a sort routine).
    let tiers = [Tier::OfficialDocument, Tier::OfficialMedia, Tier::Reprint];
    let by_tier = tiers.into_iter().flat_map(|t| values.iter().copied().filter(move |s| s.tier == t));
    let targets = target_keys.filter_map(|k| file.sources.get(k));
    let mut publishers: Vec<&str> = Vec::new();
    for s in by_tier.chain(targets) {
        let p = lang.pick(&s.publisher);
        if !publishers.contains(&p) {
            publishers.push(p);
        }
    }
    publishers
}

/// The embed's and the picture's source line: who published the figures it
/// shows, and the date the site was updated. "来源：甘肃省人民政府等（另有4个来源） · 更新于2026年12月4日"
pub fn embed_source_line(lang: Lang, file: &crate::model::IndicatorFile) -> String {
    let publishers = credited_publishers(lang, file);
    let shown: Vec<&str> = publishers.iter().take(2).copied().collect();
    let more = publishers.len().saturating_sub(shown.len());
    let date = super::date(lang, &file.as_of);
    match (lang, more) {
        (Lang::Zh, 0) => format!("来源：{} · 更新于{date}", shown.join("；")),
        (Lang::Zh, n) => format!("来源：{}等（另有{n}个来源） · 更新于{date}", shown.join("；")),
        (Lang::En, 0) => format!("Source: {} · updated {date}", shown.join("; ")),
        (Lang::En, n) => format!("Sources: {} and {n} more · updated {date}", shown.join("; ")),
    }
}

/// The heading of the overview's breakdown of goals that cannot be judged.
pub fn not_assessable_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("为什么有{n}项目标无法判断？"),
        Lang::En => format!("Why {n} goals cannot be judged"),
    }
}

/// How many goals a reason covers, before its sentence: "17项：" / "17 goals:".
pub fn goal_count_label(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Zh, n) => format!("{n}项："),
        (Lang::En, 1) => "1 goal:".to_string(),
        (Lang::En, n) => format!("{n} goals:"),
    }
}

/// A prefilled report of a problem with an indicator's figures: (subject, body).
/// The body names what the reader saw — indicator, data release, latest figure,
/// page — and leaves room for what is wrong.
pub fn problem_report(lang: Lang, about: &crate::share::ReportAbout, page_url: &str) -> (String, String) {
    let crate::share::ReportAbout { id, name, release, latest } = about;
    let latest = match (lang, latest) {
        (_, None) => lang.of("暂无", "none yet").to_string(),
        (Lang::Zh, Some((year, figure))) => format!("{year}年 {figure}"),
        (Lang::En, Some((year, figure))) => format!("{figure} ({year})"),
    };
    match lang {
        Lang::Zh => (
            format!("数据问题：{id} {name}"),
            format!("指标：{id} {name}\n数据版本：{release}\n最新数值：{latest}\n页面：{page_url}\n\n哪里有问题？（请写明正确的数值及其来源）\n"),
        ),
        Lang::En => (
            format!("Data problem: {id} {name}"),
            format!("Indicator: {id} {name}\nData release: {release}\nLatest figure: {latest}\nPage: {page_url}\n\nWhat is wrong? (Please give the correct figure and its source.)\n"),
        ),
    }
}

/// A pinned embed whose release is older than the site's: the link to the newer figures.
pub fn newer_data(lang: Lang, release: &str) -> String {
    match lang {
        Lang::Zh => format!("有更新的数据（{release}版） ›"),
        Lang::En => format!("Newer data: release {release} ›"),
    }
}

/// The meta description of an indicator's page, for link previews and search engines.
pub fn indicator_description(lang: Lang, name: &str, target: Option<&str>) -> String {
    match (lang, target) {
        (Lang::Zh, Some(t)) => format!("{name}：目标 {t}。历年数值、进展状态与数据来源。"),
        (Lang::En, Some(t)) => format!("{name}: target {t}. Yearly values, progress status and sources."),
        (Lang::Zh, None) => format!("{name}：历年数值与数据来源。"),
        (Lang::En, None) => format!("{name}: yearly values and sources."),
    }
}

/// The meta description of an area's page.
pub fn area_description(lang: Lang, area: &str, n: usize) -> String {
    match lang {
        Lang::Zh => format!("{area}：{n}项指标的最新数值、目标与进展状态，每个数值注明来源。"),
        Lang::En => format!("{area}: latest values, targets and progress of {n} indicators, every value sourced."),
    }
}

/// A section of the plan, e.g. 第六章二(三): as written in Chinese, as
/// "Chapter 6, section 2 (3)" in English. Anything else is shown as written.
pub fn plan_section(lang: Lang, section: &str) -> String {
    if lang == Lang::Zh {
        return section.to_string();
    }
    let numeral = |s: &str| -> Option<u32> {
        const DIGITS: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
        let digit = |c: char| DIGITS.iter().position(|d| *d == c).map(|n| n as u32);
        let chars: Vec<char> = s.chars().collect();
        match chars.as_slice() {
            [c] if *c == '十' => Some(10),
            [c] => digit(*c),
            ['十', u] => Some(10 + digit(*u)?),
            [t, '十'] => Some(digit(*t)? * 10),
            [t, '十', u] => Some(digit(*t)? * 10 + digit(*u)?),
            _ => None,
        }
    };
    let parse = || -> Option<String> {
        let rest = section.strip_prefix('第')?;
        let (chapter, rest) = rest.split_once('章')?;
        let (part, sub) = match rest.split_once('(') {
            Some((p, s)) => (p, Some(s.strip_suffix(')')?)),
            None => (rest, None),
        };
        let mut out = format!("Chapter {}", numeral(chapter)?);
        if !part.is_empty() {
            out.push_str(&format!(", section {}", numeral(part)?));
        }
        if let Some(sub) = sub {
            out.push_str(&format!(" ({})", numeral(sub)?));
        }
        Some(out)
    };
    parse().unwrap_or_else(|| section.to_string())
}

/// The printed sheet's address line: where the page lives, and which data it shows.
pub fn printed_address(lang: Lang, url: &str, release: &str, as_of: &str) -> String {
    match lang {
        Lang::Zh => format!("本页网址：{url} · 数据版本 {release}（数据截至{}）", super::date(lang, as_of)),
        Lang::En => format!("This page: {url} · data release {release} (data as of {})", super::date(lang, as_of)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_sections_read_in_english() {
        assert_eq!(plan_section(Lang::En, "第一章一"), "Chapter 1, section 1");
        assert_eq!(plan_section(Lang::En, "第六章二(三)"), "Chapter 6, section 2 (3)");
        assert_eq!(plan_section(Lang::En, "第十章六(一)"), "Chapter 10, section 6 (1)");
        assert_eq!(plan_section(Lang::Zh, "第十章六(一)"), "第十章六(一)");
        assert_eq!(plan_section(Lang::En, "附表"), "附表", "anything else as written");
    }
}
