//! schema.org markup for dataset search engines (Google Dataset Search, Baidu):
//! a `Dataset` on each indicator page and a `DataCatalog` on the about page,
//! as `<script type="application/ld+json">` — data the browser never runs, so
//! the pages' script policy is unchanged.

use gansu_eco_dashboard::i18n::{self, Lang, Msg};
use gansu_eco_dashboard::model::{layout, IndicatorFile, OverviewFile};
use gansu_eco_dashboard::route::{Page, Route};
use serde_json::{json, Value};

/// The data's licence (see the about page's "Licence and citing").
pub const LICENSE: &str = "https://creativecommons.org/licenses/by/4.0/";

/// Where the site is and which release it shows: what every entry links to.
pub struct Site<'a> {
    pub url: &'a str,
    pub release: &'a str,
    pub as_of: &'a str,
}

impl Site<'_> {
    /// A file's address from its path relative to the site root.
    fn abs(&self, relative: &str) -> String {
        format!("{}{relative}", self.url)
    }

    fn page(&self, lang: Lang, page: Page) -> String {
        Route::new(lang, page).url(self.url)
    }

    fn publisher(&self, lang: Lang) -> Value {
        json!({ "@type": "Organization", "name": lang.t(Msg::SiteShortTitle), "url": self.url })
    }

    fn catalog_ref(&self, lang: Lang) -> Value {
        json!({ "@type": "DataCatalog", "name": lang.t(Msg::SiteTitle), "url": self.page(lang, Page::About) })
    }
}

/// The markup as an HTML element. `<` is written as `\u003c`, so no text from
/// the data can close the element.
pub fn script(value: &Value) -> String {
    let json = value.to_string().replace('<', "\\u003c");
    format!(r#"<script type="application/ld+json">{json}</script>"#)
}

/// One indicator as a `Dataset`: what it measures, where and when, who
/// published the figures, the downloads, and the documents it is based on.
pub fn dataset(lang: Lang, file: &IndicatorFile, site: &Site) -> Value {
    let ind = &file.indicator;
    let name = lang.pick(&ind.name);
    let target = ind.target.as_ref().map(|t| i18n::target_phrase(lang, ind, t));
    let description =
        format!("{} {}", i18n::indicator_description(lang, name, target.as_deref()), i18n::chart_summary(lang, ind));
    let years = ind.baseline.iter().chain(&ind.values).map(|o| o.year).chain(ind.target.iter().map(|t| t.year));
    let (first, last) = years.fold((i32::MAX, i32::MIN), |(a, b), y| (a.min(y), b.max(y)));
    let creators: Vec<Value> = i18n::credited_publishers(lang, file)
        .into_iter()
        .map(|p| json!({ "@type": "Organization", "name": p }))
        .collect();
    let based_on: Vec<Value> = ind
        .source_keys()
        .into_iter()
        .filter_map(|k| file.sources.get(k))
        .map(|s| {
            let mut work = json!({
                "@type": "CreativeWork",
                "name": lang.pick(&s.title),
                "publisher": { "@type": "Organization", "name": lang.pick(&s.publisher) },
            });
            if let Some(url) = s.link() {
                work["url"] = url.into();
            }
            if let Some(date) = &s.date {
                work["datePublished"] = date.as_str().into();
            }
            work
        })
        .collect();
    let download = |path: String, format: &str| json!({ "@type": "DataDownload", "encodingFormat": format, "contentUrl": site.abs(&layout::on_site(&path)) });
    let mut unit = json!({ "@type": "PropertyValue", "name": name });
    let symbol = i18n::unit_symbol(lang, ind.unit);
    if !symbol.is_empty() {
        unit["unitText"] = symbol.into();
    }
    let mut dataset = json!({
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": name,
        "description": description,
        "identifier": ind.id.as_str(),
        "url": site.page(lang, Page::Indicator(ind.id.clone())),
        "inLanguage": lang.code(),
        "license": LICENSE,
        "isAccessibleForFree": true,
        "creator": creators,
        "publisher": site.publisher(lang),
        "spatialCoverage": { "@type": "Place", "name": i18n::dataset_place(lang) },
        "variableMeasured": unit,
        "distribution": [
            download(layout::indicator_csv(site.release, &ind.id), "text/csv"),
            download(layout::indicator(site.release, &ind.id), "application/json"),
        ],
        "isBasedOn": based_on,
        "version": site.release,
        "dateModified": site.as_of,
        "includedInDataCatalog": site.catalog_ref(lang),
    });
    if first <= last {
        dataset["temporalCoverage"] = format!("{first}/{last}").into();
    }
    dataset
}

/// The whole site as a `DataCatalog` of its indicators.
pub fn catalog(lang: Lang, overview: &OverviewFile, site: &Site) -> Value {
    let datasets: Vec<Value> = overview
        .indicators
        .iter()
        .map(|i| {
            json!({
                "@type": "Dataset",
                "name": lang.pick(&i.name),
                "identifier": i.id.as_str(),
                "url": site.page(lang, Page::Indicator(i.id.clone())),
            })
        })
        .collect();
    let mut catalog = site.catalog_ref(lang);
    let extra = json!({
        "@context": "https://schema.org",
        "description": lang.t(Msg::AboutDescription),
        "inLanguage": lang.code(),
        "license": LICENSE,
        "publisher": site.publisher(lang),
        "spatialCoverage": { "@type": "Place", "name": i18n::dataset_place(lang) },
        "dateModified": site.as_of,
        "version": site.release,
        "dataset": datasets,
    });
    if let (Some(c), Value::Object(more)) = (catalog.as_object_mut(), extra) {
        c.extend(more);
    }
    catalog
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn published(id: &str) -> IndicatorFile {
        let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("public/data/2026-12-04/indicators").join(id);
        let text = std::fs::read_to_string(path.with_extension("json")).unwrap();
        gansu_eco_dashboard::model::parse_indicator_file(id, &text).unwrap()
    }

    const SITE: Site = Site { url: "https://e.org/g/", release: "2026-12-04", as_of: "2026-12-04" };

    #[test]
    fn an_indicator_is_a_dataset_with_its_downloads_and_sources() {
        let d = dataset(Lang::En, &published("AIR-02"), &SITE);
        assert_eq!(d["@type"], "Dataset");
        assert_eq!(d["identifier"], "AIR-02");
        assert_eq!(d["url"], "https://e.org/g/en/indicator/AIR-02/");
        assert_eq!(d["license"], LICENSE);
        assert_eq!(d["distribution"][0]["contentUrl"], "https://e.org/g/data/2026-12-04/downloads/AIR-02.csv");
        assert_eq!(d["temporalCoverage"], "2020/2025");
        assert!(d["description"].as_str().unwrap().chars().count() >= 50, "search engines want 50+ characters");
        assert!(!d["isBasedOn"].as_array().unwrap().is_empty());
        assert!(!d["creator"].as_array().unwrap().is_empty());
    }

    #[test]
    fn text_cannot_close_the_script_element() {
        let s = script(&json!({ "name": "</script><script>alert(1)</script>" }));
        assert_eq!(s.matches("</script>").count(), 1, "{s}");
    }
}
