//! Pure chart builders: data in, an ECharts option (a charming `Chart`) out.
//!
//! No signals, DOM or globals: every builder is tested natively on its
//! serialised option. Tooltip texts are precomputed here in the reader's language
//! and carried as data-item names, because the site's Content-Security-Policy
//! forbids the JavaScript formatter functions ECharts would otherwise need.
//! ECharts HTML-escapes those names when it shows them.

pub mod axes;
pub mod export;
pub mod keys;
pub mod look;
pub mod option;
pub mod progress;
pub mod sparkline;

use crate::i18n::Lang;

pub use export::export_chart;
pub use option::Chart;
pub use progress::progress_chart;
pub use sparkline::sparkline;

/// How a chart should look, decided by the page that shows it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ChartOpts {
    pub lang: Lang,
    pub dark: bool,
    pub layout: Layout,
}

/// Where a chart is shown, which sets its margins and what it carries.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Layout {
    /// An indicator page or an embed: legend below.
    #[default]
    Page,
    /// A small chart on an overview card: no legend, tight margins.
    Compact,
    /// A downloaded image: room for a title above and the source line below.
    Export,
}

/// Colours safe for the common forms of colour blindness (Okabe–Ito hues; the
/// other bases darkened so that every line keeps 3:1 against both page
/// backgrounds, WCAG 1.4.11 — tested below). Status is
/// also always told by text and symbol, never by colour alone. The text and
/// background colours pair with `style/base.css` (`--fg`, `--bg`): change them
/// together.
pub mod palette {
    pub const HEADLINE: &str = "#0072B2";
    pub const OTHER_BASES: [&str; 3] = ["#B36B00", "#AD5C91", "#3E8E9E"];
    pub const TARGET: &str = "#009E73";
    pub const PATH: &str = "#7A7A7A";
    /// A national limit drawn for reference (Okabe–Ito vermillion, a thin line).
    pub const STANDARD: &str = "#D55E00";

    /// A colour for each theme, `[light, dark]`, picked by `themed`.
    pub type Themed = [&'static str; 2];
    /// The page's background (`--bg`).
    pub const BACKGROUND: Themed = ["#ffffff", "#121417"];
    pub const TEXT: Themed = ["#222222", "#E8E8E8"];
    pub const BASELINE: Themed = ["#333333", "#DDDDDD"];
    /// The labels on the target and standard lines, as text (4.5:1).
    pub const TARGET_LABEL: Themed = ["#007A5A", "#009E73"];
    pub const STANDARD_LABEL: Themed = ["#B34E00", "#E8772E"];
    /// High contrast's text colour (`--fg` under `data-contrast="high"`).
    pub const INK: Themed = ["#000000", "#ffffff"];

    pub fn themed(colour: Themed, dark: bool) -> &'static str {
        colour[usize::from(dark)]
    }
}

#[cfg(test)]
mod tests {
    use super::palette::*;

    /// WCAG 2 contrast ratio of two `#rrggbb` colours.
    fn contrast(a: &str, b: &str) -> f64 {
        let luminance = |hex: &str| {
            let channel = |i: usize| {
                let c = f64::from(u8::from_str_radix(&hex[i..i + 2], 16).unwrap()) / 255.0;
                if c <= 0.03928 {
                    c / 12.92
                } else {
                    ((c + 0.055) / 1.055).powf(2.4)
                }
            };
            0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5)
        };
        let (x, y) = (luminance(a), luminance(b));
        (x.max(y) + 0.05) / (x.min(y) + 0.05)
    }

    #[test]
    fn lines_keep_3_to_1_and_labels_4_5_to_1_on_every_background() {
        // The page backgrounds of style/base.css (--bg, light and dark) and black (forced colours, high contrast).
        let marks = [HEADLINE, TARGET, PATH, STANDARD].into_iter().chain(OTHER_BASES);
        for colour in marks {
            for background in BACKGROUND.into_iter().chain(["#000000"]) {
                let ratio = contrast(colour, background);
                assert!(ratio >= 3.0, "{colour} on {background}: {ratio:.2}");
            }
        }
        assert!(contrast(themed(BASELINE, false), "#ffffff") >= 4.5);
        assert!(contrast(themed(BASELINE, true), "#121417") >= 4.5);
        // Label text, on the page and on a card (--bg and --card of style/base.css).
        for pair in [TARGET_LABEL, STANDARD_LABEL] {
            for (dark, backgrounds) in [(false, ["#ffffff", "#f6f7f9"]), (true, ["#121417", "#1c1f24"])] {
                for background in backgrounds {
                    let ratio = contrast(themed(pair, dark), background);
                    assert!(ratio >= 4.5, "{} on {background}: {ratio:.2}", themed(pair, dark));
                }
            }
        }
        assert!(contrast(themed(TEXT, false), "#ffffff") >= 4.5);
        assert!(contrast(themed(TEXT, true), "#121417") >= 4.5);
        // A pair that fails, so the check can fail: Okabe–Ito orange on white.
        assert!(contrast("#E69F00", "#ffffff") < 3.0);
    }
}
