//! Words for the cities and prefectures (市州): their names, the comparison page
//! and each place's page.

use super::{paren, Lang};
use crate::model::place::{self, Place};
use crate::model::PlaceSeries;

/// A place's name in running text: 兰州市, 临夏州 / Lanzhou, Linxia.
pub fn place_name(lang: Lang, p: &Place) -> &'static str {
    lang.of(p.short_zh(), p.en)
}

/// A place's full name, as a page heading: 临夏回族自治州 / Linxia.
pub fn place_full_name(lang: Lang, p: &Place) -> &'static str {
    lang.of(p.zh, p.en)
}

/// Between items of a list in running text.
pub fn list_separator(lang: Lang) -> &'static str {
    lang.of("；", "; ")
}

/// A series' name: the place, and its scope when it has one: 临夏州（临夏市国控点）.
pub fn series_name(lang: Lang, s: &PlaceSeries) -> String {
    let name = place::find(&s.place).map_or(s.place.as_str(), |p| place_name(lang, p));
    match &s.scope {
        Some(scope) => paren(lang, name, lang.pick(&scope.label)),
        None => name.to_string(),
    }
}

pub fn cities_title(lang: Lang) -> &'static str {
    lang.of("市州对比", "Cities and prefectures compared")
}

pub fn cities_description(lang: Lang) -> &'static str {
    lang.of(
        "甘肃省14个市州的空气质量等数值并排对比：按地理位置排列的方格图和可排序的表格，缺少的市州明确标出。",
        "Gansu's 14 cities and prefectures side by side: a grid laid out like the map and a sortable table, with missing places marked.",
    )
}

/// The overview's entry to the place pages.
pub fn your_city(lang: Lang) -> &'static str {
    lang.of("你所在的市州", "Your city or prefecture")
}

pub fn your_city_intro(lang: Lang) -> &'static str {
    lang.of(
        "各市州公布的数值由各自的来源发布，时期和范围不一；点开看该市州有哪些数值、缺哪些。",
        "Each city's figures come from its own sources, for differing periods and scopes: open one to see what it has and what is missing.",
    )
}

pub fn compare_cities(lang: Lang) -> &'static str {
    lang.of("14个市州并排对比", "Compare the 14 cities and prefectures")
}

pub fn city_description(lang: Lang, p: &Place) -> String {
    match lang {
        Lang::Zh => format!("{}的生态环境数值：每个数值的年份、范围和来源，与全省数值对比，以及尚缺的数值。", p.short_zh()),
        Lang::En => format!(
            "Environmental figures for {}: each figure's year, scope and source, compared with the province, and what is missing.",
            p.en
        ),
    }
}

/// The line under a place's heading.
pub fn city_lead(lang: Lang, indicators: usize, figures: usize) -> String {
    match lang {
        Lang::Zh => format!(
            "本站数据中有该市州{indicators}项指标的{figures}个数值。每个数值按其来源的说法标明时期和范围；全省的数值和国家标准画在同一图中作对照。"
        ),
        Lang::En => format!(
            "The data holds {figures} figure{} on {indicators} indicator{} for this place. Each says its period and scope as its source states them; the province's figures and the national standard are drawn beside them.",
            if figures == 1 { "" } else { "s" },
            if indicators == 1 { "" } else { "s" }
        ),
    }
}

pub fn no_city_figures(lang: Lang) -> &'static str {
    lang.of(
        "本站尚未收录该市州的任何数值：没有找到公开发布的数值。",
        "The data holds no figure for this place yet: none was found published.",
    )
}

/// The heading of what a place lacks.
pub fn city_missing_heading(lang: Lang) -> &'static str {
    lang.of("该市州缺少的数值", "What is missing for this place")
}

pub fn city_missing_intro(lang: Lang) -> &'static str {
    lang.of(
        "以下指标有其他市州的数值，但没有找到该市州公开发布的数值；缺的数值不估算、不补齐。",
        "These indicators have figures for other places, but none was found published for this one. Missing figures are never estimated or filled in.",
    )
}

/// "最新：32 μg/m³（2022年）" — said by the caller with the figure and year.
pub fn latest_for_place(lang: Lang, figure: &str, year: i32) -> String {
    match lang {
        Lang::Zh => format!("最新：{figure}（{year}年）"),
        Lang::En => format!("Latest: {figure} ({year})"),
    }
}

pub fn province_and_sources(lang: Lang) -> &'static str {
    lang.of("全省数值、规划目标及来源", "The province's figures, the plan's target and sources")
}

pub fn embed_this_chart(lang: Lang) -> &'static str {
    lang.of("嵌入这张图", "Embed this chart")
}

pub fn pick_indicator(lang: Lang) -> &'static str {
    lang.of("选择指标", "Choose an indicator")
}

pub fn pick_year(lang: Lang) -> &'static str {
    lang.of("选择年份", "Choose a year")
}

/// The caveat every comparison carries.
pub fn comparison_caveat(lang: Lang) -> &'static str {
    lang.of(
        "各市州的数值来自各自的公报、月报或新闻报道，时期（全年或部分月份）和范围（全市、市区或国控点）可能不同，方格和表格中都已标出；标有“部分月份”或范围的数值不宜直接排名。",
        "Each place's figure comes from its own bulletin, monthly report or news report; periods (a full year or some months) and scopes (whole city, urban area or national stations) can differ and are marked on every tile and row. Do not rank figures marked as part-year or with a scope against the others.",
    )
}

pub fn grid_heading(lang: Lang) -> &'static str {
    lang.of("按地理位置排列", "Laid out like the map")
}

pub fn grid_note(lang: Lang) -> &'static str {
    lang.of(
        "方格大致按各市州在省内的位置排列（西北到东南），不是地图；空白处是邻省。",
        "Tiles are placed roughly where each place lies in the province (north-west to south-east); this is not a map, and the gaps are neighbouring provinces.",
    )
}

pub fn table_heading(lang: Lang) -> &'static str {
    lang.of("排序的表格", "Sorted table")
}

pub fn no_figure(lang: Lang) -> &'static str {
    lang.of("无数值", "No figure")
}

pub fn place_column(lang: Lang) -> &'static str {
    lang.of("市州", "Place")
}

pub fn scope_column(lang: Lang) -> &'static str {
    lang.of("时期与范围", "Period and scope")
}

pub fn whole_year(lang: Lang) -> &'static str {
    lang.of("全年", "Full year")
}

pub fn province_row(lang: Lang) -> &'static str {
    lang.of("全省（对照）", "Province (for reference)")
}

pub fn sort_by_place(lang: Lang) -> &'static str {
    lang.of("按市州排列", "Sort by place")
}

pub fn sort_by_value(lang: Lang, ascending: bool) -> &'static str {
    match ascending {
        true => lang.of("按数值从低到高", "Sort by value, low to high"),
        false => lang.of("按数值从高到低", "Sort by value, high to low"),
    }
}

/// "14个市州中有3个有2024年的数值".
pub fn coverage_line(lang: Lang, with: usize, year: i32) -> String {
    match lang {
        Lang::Zh => format!("14个市州中{with}个有{year}年的数值，其余{}个没有找到。", 14 - with),
        Lang::En => {
            format!("{with} of the 14 places have a figure for {year}; none was found for the other {}.", 14 - with)
        }
    }
}

/// The tile's words for a screen reader when a place has no figure.
pub fn tile_missing(lang: Lang, p: &Place, year: i32) -> String {
    match lang {
        Lang::Zh => format!("{}：没有找到{year}年的数值", p.short_zh()),
        Lang::En => format!("{}: no figure found for {year}", p.en),
    }
}

/// Where an indicator page leads to its breakdown.
pub fn breakdown_heading(lang: Lang) -> &'static str {
    lang.of("分市州数值", "Figures by city and prefecture")
}

pub fn breakdown_intro(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Zh => format!("本站有{n}个市州的该项数值（各有来源、时期和范围），不计入上面的全省数值和状态。"),
        Lang::En => format!(
            "The data holds this indicator's figures for {n} place{} (each with its source, period and scope); they are not counted in the province's figures and status above.",
            if n == 1 { "" } else { "s" }
        ),
    }
}

/// Before a city series' download links.
pub fn series_downloads(lang: Lang) -> &'static str {
    lang.of("下载该市州的这组数据", "Download this place's figures")
}

/// The tile mark of a figure on a narrower or other scope than the place as it reports itself.
pub fn scope_flag(lang: Lang) -> &'static str {
    lang.of("特定范围（见表）", "a narrower scope (see the table)")
}
