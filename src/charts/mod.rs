//! Pure chart builders: data in, an ECharts option (a charming `Chart`) out.
//!
//! No signals, DOM or globals: every builder is tested natively on its
//! serialised option. Tooltip texts are precomputed here in the reader's language
//! and carried as data-item names, because the site's Content-Security-Policy
//! forbids the JavaScript formatter functions ECharts would otherwise need.
//! ECharts HTML-escapes those names when it shows them.

pub mod axes;
pub mod export;
pub mod progress;
pub mod sparkline;

use crate::i18n::Lang;

pub use export::export_chart;
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

/// Colours safe for the common forms of colour blindness (Okabe–Ito). Status is
/// also always told by text and symbol, never by colour alone. The text and
/// background colours pair with `style/base.css` (`--fg`, `--bg`): change them
/// together.
pub mod palette {
    pub const HEADLINE: &str = "#0072B2";
    pub const OTHER_BASES: [&str; 3] = ["#E69F00", "#CC79A7", "#56B4E9"];
    pub const TARGET: &str = "#009E73";
    pub const PATH: &str = "#7A7A7A";
    /// A national limit drawn for reference (Okabe–Ito vermillion, dotted).
    pub const STANDARD: &str = "#D55E00";
    pub const BASELINE_LIGHT: &str = "#333333";
    pub const BASELINE_DARK: &str = "#DDDDDD";
    pub const TEXT_LIGHT: &str = "#222222";
    pub const TEXT_DARK: &str = "#E8E8E8";
}
