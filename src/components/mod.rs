//! Reusable view pieces shared by the pages.

pub mod breadcrumbs;
pub mod chart_host;
mod chart_keys;
pub mod copy;
pub mod download;
pub mod indicator_card;
pub mod island;
pub mod layout;
pub mod load;
pub mod progress_chart;
pub mod search;
pub mod status;

pub use breadcrumbs::Breadcrumbs;
pub use chart_host::{chart_svg, ChartHost, ChartPictures, ChartSpec, ForcedTheme};
pub use copy::{CopyButton, ShareButton};
pub use indicator_card::IndicatorCard;
pub use layout::{focus_element, DisplayOptions, Footer, Header, InPageLink};
pub use load::{await_found, await_resource, DataProblems, ErrorPanel, Loading};
pub use progress_chart::ProgressChart;
pub use search::IndicatorSearch;
pub use status::StatusBadge;
