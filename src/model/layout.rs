//! Where every published file lives: the one place that spells the layout of a
//! release. Paths are relative to the data root — `public/data/` on disk, and
//! `data/` under the site's root in the browser (`on_site`).
//!
//! ```text
//! releases.json                               every release, newest first, and `current`
//! <release>/overview.json                     all indicators without long notes
//! <release>/sources.json                      the source registry
//! <release>/indicators/<ID>.json              one indicator in full
//! <release>/downloads/<ID>.csv                one indicator as CSV
//! <release>/gansu-eco-indicators.{csv,json}   the whole dataset
//! ```

use super::types::IndicatorId;

/// The list of releases.
pub const RELEASES: &str = "releases.json";

pub fn overview(release: &str) -> String {
    format!("{release}/overview.json")
}

pub fn sources(release: &str) -> String {
    format!("{release}/sources.json")
}

pub fn indicator(release: &str, id: &IndicatorId) -> String {
    format!("{release}/indicators/{id}.json")
}

pub fn indicator_csv(release: &str, id: &IndicatorId) -> String {
    format!("{release}/downloads/{id}.csv")
}

/// The whole dataset; `ext` is `csv` or `json`.
pub fn whole_dataset(release: &str, ext: &str) -> String {
    format!("{release}/gansu-eco-indicators.{ext}")
}

/// A data path as the site serves it, relative to the site's root.
pub fn on_site(path: &str) -> String {
    format!("data/{path}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_layout_of_a_release() {
        let id = IndicatorId::from("AIR-02");
        assert_eq!(on_site(&overview("2026-12-04")), "data/2026-12-04/overview.json");
        assert_eq!(indicator("r", &id), "r/indicators/AIR-02.json");
        assert_eq!(indicator_csv("r", &id), "r/downloads/AIR-02.csv");
        assert_eq!(whole_dataset("r", "csv"), "r/gansu-eco-indicators.csv");
        assert_eq!(on_site(RELEASES), "data/releases.json");
    }
}
