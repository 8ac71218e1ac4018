//! Each route's page, rendered at build time by the site's own views (`app`,
//! `places_app` and `embed_app`, through Leptos' `ssr` feature), from the
//! release's data files read from disk: the same files, at the same paths, that
//! the embed's own build reads when it draws an embed in the browser.
//! Its charts' options are collected on the way (`ChartPictures`), for the build
//! to draw as the pictures the chart boxes hold (`scripts/inline-charts.mjs`).

use gansu_eco_dashboard::components::island::WriteProps;
use gansu_eco_dashboard::components::ChartPictures;
use gansu_eco_dashboard::fetch::AppError;
use gansu_eco_dashboard::model::{self, layout, IndicatorFile, Loaded, OverviewFile};
use gansu_eco_dashboard::navigation::Address;
use gansu_eco_dashboard::route::{Page, Route};
use gansu_eco_dashboard::site::Site;
use gansu_eco_dashboard::start::{Preloaded, Start};
use gansu_eco_dashboard::{app, embed_app, is_place_page, places_app};
use leptos::prelude::*;
use leptos::tachys::view::RenderHtml;
use std::path::Path;

/// What every page of one build shares.
pub struct Build<'a> {
    pub dist: &'a Path,
    /// The absolute URL of the site root, ending in `/`.
    pub site_url: &'a str,
    pub release: &'a str,
    pub overview: &'a Loaded<OverviewFile>,
    pub report_url: Option<&'a str>,
    /// The build's date, `YYYY-MM-DD` (a citation's access date until the reader's browser sets its own).
    pub today: String,
}

/// A rendered page: its body's markup, and its charts' options by the key each box carries.
pub struct Rendered {
    pub body: String,
    pub charts: Vec<(String, String, serde_json::Value)>,
}

impl Build<'_> {
    fn read(&self, path: &str) -> Result<String, String> {
        let path = self.dist.join(layout::on_site(path));
        std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))
    }

    /// An indicator's file (or one city's series of it), as the browser would get it.
    fn indicator(&self, id: &model::IndicatorId, place: Option<&str>) -> Result<IndicatorFile, String> {
        let path = match place {
            Some(key) => layout::place_series(self.release, id, key),
            None => layout::indicator(self.release, id),
        };
        let url = layout::on_site(&path);
        let text = self.read(&path)?;
        model::parse_indicator_file(&url, &text).map_err(|e| format!("{url}: {e:?}"))
    }

    /// The data the route's page shows, read from the files the browser would read.
    fn preloaded(&self, route: &Route) -> Result<Preloaded, String> {
        let mut data = Preloaded::default();
        if !matches!(route.page, Page::Embed(_)) {
            data.overview = Some(Ok(self.overview.clone()));
        }
        match &route.page {
            Page::Indicator(id) | Page::Embed(id) => {
                data.indicators.push(((id.clone(), None), Ok(self.indicator(id, None)?)));
            }
            Page::City(code) => {
                for (id, key) in gansu_eco_dashboard::pages::city_series_keys(&self.overview.data, code) {
                    let file = self.indicator(&id, Some(&key))?;
                    data.indicators.push(((id, Some(key)), Ok(file)));
                }
            }
            Page::Changes => {
                let text = self.read(layout::CHANGES)?;
                let file = serde_json::from_str(&text).map_err(|e| format!("{}: {e}", layout::CHANGES))?;
                data.changes = Some(Ok::<_, AppError>(file));
            }
            _ => {}
        }
        Ok(data)
    }

    /// Renders the route's page, as the browser's first render will draw it.
    pub fn render(&self, route: &Route) -> Result<Rendered, String> {
        let site_path = super::pages::url_path(self.site_url).unwrap_or("/");
        let base_path = site_path.trim_end_matches('/').to_string();
        let path = format!("{site_path}{}", route.href().trim_start_matches("./"));
        let data = self.preloaded(route)?;
        let start = Start {
            site: Site { root_url: self.site_url.to_string(), base_path, release: Some(self.release.to_string()) },
            address: Address { path, search: String::new(), hash: String::new() },
            data,
            site_url: self.site_url.to_string(),
            today: self.today.clone(),
            report_url: self.report_url.map(str::to_string),
        };
        let pictures = ChartPictures::default();
        let owner = Owner::new();
        let body = owner.with(|| {
            provide_context(pictures.clone());
            provide_context(WriteProps);
            match &route.page {
                Page::Embed(_) => embed_app(start).to_html(),
                page if is_place_page(page) => places_app(start).to_html(),
                _ => app(start).to_html(),
            }
        });
        drop(owner);
        // Leptos marks where a dynamic part of the page begins or ends with an
        // empty comment written `<!>`, which HTML's parser accepts but calls a
        // parse error; `<!---->` is the same empty comment, written correctly.
        let body = body.replace("<!>", "<!---->");
        let charts = std::mem::take(&mut *pictures.0.lock().map_err(|e| e.to_string())?);
        Ok(Rendered { body, charts })
    }
}

/// Today's date in UTC, `YYYY-MM-DD` (from the days since 1970, by Howard
/// Hinnant's `civil_from_days`).
pub fn today_utc() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
