//! The chart as a downloadable picture: the progress chart with its title
//! above and the source line and data date drawn into the image below, on a
//! solid background, so a picture that travels alone still says where it is from.

use super::progress::progress_chart;
use super::{palette, ChartOpts, Layout};
use crate::i18n;
use crate::model::{assess, Indicator};
use charming::component::Title;
use charming::element::TextStyle;
use charming::Chart;

/// `footer`: the source line and data date, e.g. from `i18n::embed_source_line`.
pub fn export_chart(ind: &Indicator, opts: &ChartOpts, footer: &str) -> Chart {
    let opts = ChartOpts { layout: Layout::Export, ..*opts };
    let lang = opts.lang;
    let (bg, fg) = if opts.dark { ("#121417", palette::TEXT_DARK) } else { ("#ffffff", palette::TEXT_LIGHT) };
    let subtitle = i18n::headline_sentence(lang, ind, &assess(ind));
    progress_chart(ind, &opts)
        .background_color(bg)
        .title(
            Title::new()
                .text(lang.pick(&ind.name))
                .subtext(subtitle)
                .left(24)
                .top(16)
                .text_style(TextStyle::new().color(fg).font_size(20))
                .subtext_style(TextStyle::new().color(fg).font_size(13)),
        )
        .title(
            Title::new()
                .text(format!("{footer} · {}", lang.t(i18n::Msg::SiteShortTitle)))
                .left(24)
                .bottom(12)
                .text_style(TextStyle::new().color(fg).font_size(12).font_weight("normal")),
        )
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
        assert_eq!(opt["grid"][0]["top"], 120);
        assert_eq!(opt["legend"]["top"], 76, "the legend sits under the title, clear of the source line");
    }
}
