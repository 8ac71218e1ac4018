//! Where every published file lives: the one place that spells the layout of a
//! release. Paths are relative to the data root — `public/data/` on disk, and
//! `data/` under the site's root in the browser (`on_site`).
//!
//! ```text
//! releases.json                               every release, newest first, and `current`
//! <release>/overview.json                     all indicators without long notes (with
//!                                             their city series, without the figures' notes)
//! <release>/sources.json                      the source registry
//! <release>/indicators/<ID>.json              one indicator in full, the province's figures
//! <release>/downloads/<ID>.csv                the same as CSV
//! <release>/places/<ID>.<series>.json         one city's series of an indicator, as an
//!                                             indicator of its own (`Indicator::for_place`)
//! <release>/downloads/<ID>.<series>.csv       the same series as CSV
//! <release>/gansu-eco-indicators.{csv,json}   the whole dataset, every city series included
//! <release>/gansu-eco-indicators.csv-metadata.json
//!                                             CSV on the Web (W3C CSVW) metadata of the CSV
//! <release>/datapackage.json                  Frictionless Data Package (v2) of the release
//! <release>/gansu-eco-indicators.zip          all of the above with a README, in one download
//! ```
//!
//! The last three are written into the built site by `sitegen package`.

use super::types::IndicatorId;

/// The list of releases.
pub const RELEASES: &str = "releases.json";

/// Every release's changes in words (`model::changes::ChangesFile`), written by `sitegen pages`.
pub const CHANGES: &str = "changes.json";

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

/// One city's series (`PlaceSeries::key`) of an indicator, as an indicator
/// file of its own: what a city's embed and table read, and its download.
pub fn place_series(release: &str, id: &IndicatorId, key: &str) -> String {
    format!("{release}/places/{id}.{key}.json")
}

pub fn place_series_csv(release: &str, id: &IndicatorId, key: &str) -> String {
    format!("{release}/downloads/{id}.{key}.csv")
}

/// The whole dataset; `ext` is `csv` or `json`.
pub fn whole_dataset(release: &str, ext: &str) -> String {
    format!("{release}/gansu-eco-indicators.{ext}")
}

/// CSVW metadata of the whole-dataset CSV, named as CSVW's metadata discovery
/// expects (`{+url}-metadata.json`), so tools find it from the CSV's address.
pub fn csvw_metadata(release: &str) -> String {
    format!("{}-metadata.json", whole_dataset(release, "csv"))
}

/// The Frictionless Data Package describing the release's whole-dataset files.
pub fn data_package(release: &str) -> String {
    format!("{release}/datapackage.json")
}

/// The release in one ZIP: data, both metadata files and a README.
pub fn package_zip(release: &str) -> String {
    format!("{release}/gansu-eco-indicators.zip")
}

/// The name of a file within its release directory: `r/x.csv` → `x.csv`. The
/// package's metadata and ZIP refer to their siblings by these names.
pub fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
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
        assert_eq!(
            place_series("r", &id, "622900.linxia-city-stations"),
            "r/places/AIR-02.622900.linxia-city-stations.json"
        );
        assert_eq!(place_series_csv("r", &id, "620100"), "r/downloads/AIR-02.620100.csv");
        assert_eq!(whole_dataset("r", "csv"), "r/gansu-eco-indicators.csv");
        assert_eq!(on_site(RELEASES), "data/releases.json");
        assert_eq!(csvw_metadata("r"), "r/gansu-eco-indicators.csv-metadata.json");
        assert_eq!(data_package("r"), "r/datapackage.json");
        assert_eq!(package_zip("r"), "r/gansu-eco-indicators.zip");
        assert_eq!(file_name(&package_zip("r")), "gansu-eco-indicators.zip");
    }
}
