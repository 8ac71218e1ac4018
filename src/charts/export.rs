//! The chart as a downloadable picture: the progress chart with its title
//! above and the source line and data date drawn into the image below, on a
//! solid background, so a picture that travels alone still says where it is from.

use super::progress::progress_chart;
use super::Chart;
use super::{palette, ChartOpts, Layout};
use crate::i18n;
use crate::model::{assess, Indicator};
use charming::component::{Grid, Legend, Title};
use charming::element::TextStyle;

/// The size of the downloaded picture (the PNG is drawn from it at twice the size).
pub const EXPORT_WIDTH: u32 = 960;
pub const EXPORT_HEIGHT: u32 = 600;
/// Left and right margin of every text in the picture.
const MARGIN: f64 = 24.0;

/// The width a line of text takes at `font_px`, estimated generously (so a line
/// never runs past the edge): CJK and full-width characters one em, Latin
/// capitals and wide symbols 0.7 em, other characters 0.6 em.
fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| match c {
            c if c >= '\u{2E80}' => 1.0,
            'A'..='Z' | 'm' | 'w' | '%' | '@' | '—' | '≥' | '≤' | '→' => 0.72,
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.34,
            _ => 0.6,
        })
        .sum::<f64>()
        * font_px
}

/// Breaks `text` into lines no wider than `width` at `font_px`: between words in
/// English, between any two characters in Chinese (never inside a number).
pub fn wrap(text: &str, width: f64, font_px: f64) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    // Pieces that must not be split: a run of Latin letters, digits and the
    // marks inside numbers and units; any other character stands alone.
    let joins = |c: char| c.is_ascii_alphanumeric() || ".,%/³²⁴⁸×–-'’()".contains(c) || c == 'μ';
    let mut pieces: Vec<String> = Vec::new();
    for c in text.chars() {
        match pieces.last_mut() {
            Some(last) if joins(c) && last.chars().last().is_some_and(joins) => last.push(c),
            _ => pieces.push(c.to_string()),
        }
    }
    for piece in pieces {
        let candidate = format!("{line}{piece}");
        if !line.is_empty() && text_width(candidate.trim_end(), font_px) > width {
            lines.push(line.trim_end().to_string());
            line = piece.trim_start().to_string();
        } else {
            line = candidate;
        }
    }
    if !line.trim().is_empty() {
        lines.push(line.trim_end().to_string());
    }
    lines
}

/// The progress chart as a picture that travels alone: title, the page's
/// one-line answer, legend, chart, and the source line with the data date.
/// Every text is wrapped to the picture's width and the chart is placed below
/// the texts, so nothing is cut off for the longest sentences in the data.
/// `footer`: the source line and data date, e.g. from `i18n::embed_source_line`.
pub fn export_chart(ind: &Indicator, opts: &ChartOpts, footer: &str) -> Chart {
    let opts = ChartOpts { layout: Layout::Export, ..*opts };
    let lang = opts.lang;
    let (bg, fg) = (palette::themed(palette::BACKGROUND, opts.dark), palette::themed(palette::TEXT, opts.dark));
    let width = f64::from(EXPORT_WIDTH) - 2.0 * MARGIN;
    // Titles are bold: measured a tenth wider than their 20 px.
    let title = wrap(lang.pick(&ind.name), width, 22.0);
    let subtitle = wrap(&i18n::headline_sentence(lang, ind, &assess(ind)), width, 13.0);
    let credit = wrap(&format!("{footer} · {}", lang.t(i18n::Msg::SiteShortTitle)), width, 12.0);
    let texts_height = 16.0 + 26.0 * title.len() as f64 + 19.0 * subtitle.len() as f64;
    let legend_top = texts_height + 10.0;
    let chart = progress_chart(ind, &opts);
    let legend_rows = legend_rows(&chart, width);
    let grid_top = legend_top + 24.0 * legend_rows as f64 + 16.0;
    let grid_bottom = 12.0 + 17.0 * credit.len() as f64 + 20.0;
    chart
        .background_color(bg)
        .legend(
            Legend::new()
                .top(legend_top)
                .left(MARGIN)
                .width(width)
                .item_gap(16)
                .text_style(TextStyle::new().color(fg).font_size(12)),
        )
        .grid(Grid::new().left(MARGIN).right(MARGIN + 8.0).top(grid_top).bottom(grid_bottom).contain_label(true))
        .title(
            Title::new()
                .text(title.join("\n"))
                .subtext(subtitle.join("\n"))
                .left(MARGIN)
                .top(16)
                .item_gap(8)
                .text_style(TextStyle::new().color(fg).font_size(20).line_height(26))
                .subtext_style(TextStyle::new().color(fg).font_size(13).line_height(19)),
        )
        .title(
            Title::new()
                .text(credit.join("\n"))
                .left(MARGIN)
                .bottom(12)
                .text_style(TextStyle::new().color(fg).font_size(12).font_weight("normal").line_height(17)),
        )
}

/// How many rows the legend takes: ECharts wraps a plain legend at its width.
/// The entries are the chart's series names, read from the chart itself.
fn legend_rows(chart: &Chart, width: f64) -> usize {
    let option = serde_json::to_value(chart).unwrap_or_default();
    let names = option["series"].as_array().into_iter().flatten().filter_map(|s| s["name"].as_str());
    let mut rows = 1;
    let mut used = 0.0;
    for name in names {
        // Icon (25 px), gap to the text (5 px), the text, gap to the next item (16 px).
        let item = 25.0 + 5.0 + text_width(name, 12.0) + 16.0;
        if used > 0.0 && used + item > width {
            rows += 1;
            used = 0.0;
        }
        used += item;
    }
    rows
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn the_picture_carries_title_sentence_source_and_date() {
        let ind: Indicator = serde_json::from_value(serde_json::json!({
            "id": "AIR-02", "area": "air", "role": "goal",
            "name": { "zh": "细颗粒物", "en": "PM2.5" }, "unit": "ug_m3", "direction": "lower_better",
            "target": { "kind": "at_most", "value": 25, "year": 2025, "wording": { "zh": "控制在25", "en": "25" }, "origin": "plan", "source": "s" },
            "baseline": { "year": 2020, "value": 26, "source": "s" },
            "values": [{ "year": 2024, "value": 25.7, "source": "s" }]
        }))
        .unwrap();
        let opts = ChartOpts { lang: Lang::En, dark: false, layout: Layout::Page };
        let opt = serde_json::to_value(export_chart(&ind, &opts, "Source: X · data as of 28 Nov 2026")).unwrap();
        assert_eq!(opt["title"][0]["text"], "PM2.5");
        assert!(opt["title"][0]["subtext"].as_str().unwrap().contains("25.7"));
        assert_eq!(opt["title"][1]["text"], "Source: X · data as of 28 Nov 2026 · Gansu eco-environment goals");
        assert_eq!(opt["backgroundColor"], "#ffffff");
        let legend_top = opt["legend"]["top"].as_f64().unwrap();
        assert!(legend_top >= 16.0 + 26.0 + 19.0, "the legend sits under the title and sentence");
        assert!(opt["grid"][0]["top"].as_f64().unwrap() > legend_top, "the chart sits under the legend");
    }

    #[test]
    fn long_lines_wrap_inside_the_picture_and_numbers_stay_whole() {
        let en = "In 2024, share of days with good air (dust days removed, national assessment basis) was 92.7%. \
                  Meets the 2025 target (≥ 93.8%)? No: 1.1 percentage points short.";
        let lines = wrap(en, 300.0, 13.0);
        assert!(lines.len() > 2, "{lines:?}");
        assert!(lines.iter().all(|l| text_width(l, 13.0) <= 300.0), "{lines:?}");
        assert_eq!(lines.join(" ").split_whitespace().collect::<Vec<_>>(), en.split_whitespace().collect::<Vec<_>>());
        assert!(lines.iter().any(|l| l.contains("92.7%")), "a number is never split: {lines:?}");
        let zh = "2024年优良天数比例（扣除沙尘异常超标天〔国家考核口径〕）为92.7%。达到2025年目标（≥ 93.8%）了吗？";
        let lines = wrap(zh, 200.0, 13.0);
        assert!(lines.len() > 1 && lines.iter().all(|l| text_width(l, 13.0) <= 200.0), "{lines:?}");
        assert_eq!(lines.concat().replace(' ', ""), zh.replace(' ', ""), "only spaces at a break are dropped");
    }
}
