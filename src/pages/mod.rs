//! The routed pages (one file each: overview, area, indicator, about, changes,
//! cities, city, embed, not found) and the indicator page's two panels (`indicator_parts`,
//! `indicator_share`). Titles and descriptions are in `present::meta`.

mod about;
mod area;
mod changes;
mod cities;
mod embed;
mod indicator;
mod indicator_parts;
mod indicator_share;
mod indicator_status;
mod not_found;
mod overview;
mod places;

pub use about::{AboutPage, CitationProps, SiteCitation};
pub use area::{AreaPage, FilterProps, StatusFilter};
pub use changes::ChangesPage;
pub use cities::{Choice, CitiesPage, ComparisonChoice, SortButtons, SortProps};
pub use embed::{forced_theme, post_heights, EmbedPage};
pub use indicator::{AddressProps, IndicatorPage, PrintedAddress, ReportProblem, ReportProps, ViewTabs};
pub use indicator_share::{SharePanel, ShareProps};
pub use not_found::NotFoundPage;
pub use overview::OverviewPage;
pub use places::{city_series_keys, Breakdown, CityPage, PlaceLinks, SeriesEmbedCode, SeriesEmbedProps};
